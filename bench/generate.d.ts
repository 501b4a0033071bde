// Types of bench/generate.js for the tests that generate plans with it.
export interface PlanSize {
  contacts: number;
  scenarios: number;
  providers: number;
  services: number;
}
export function random(seed: number): () => number;
export function generatePlan(o: PlanSize & { seed: number; asOf: string; flaws?: number }): string;
export const FLAWS: readonly unknown[];
export const SIZES: { small: PlanSize; medium: PlanSize; large: PlanSize };

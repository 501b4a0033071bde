import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PlanSpec {
  reviewed?: string;
  reviewEvery?: string;
  /** Contact id → verified date (Ann is the officer's primary, Bob the deputy). */
  contacts?: Record<string, string>;
  access?: Record<string, string>;
  /** Provider id → contractEnds. */
  contracts?: Record<string, string>;
  /** A not-acceptable scenario and the dates it was exercised. */
  exercised?: string[];
  imports?: string[];
}

/** A plan that validates clean, with the dates the test cares about. */
export function planYaml(spec: PlanSpec = {}): string {
  const contacts = spec.contacts ?? { ann: '2026-11-01', bob: '2026-11-01' };
  const lines = [
    'bcplan: 1',
    ...(spec.imports ? [`imports: [${spec.imports.join(', ')}]`] : []),
    'plan:',
    '  id: test-plan',
    '  title: Test plan',
    '  organization: Example Ltd',
    '  version: "1"',
    '  owner: officer',
    '  emergencyOfficer: officer',
    `  reviewed: ${spec.reviewed ?? '2026-11-01'}`,
    ...(spec.reviewEvery ? [`  reviewEvery: ${spec.reviewEvery}`] : []),
    'roles:',
    '  - id: officer',
    '    title: Emergency officer',
    '    primary: ann',
    '    deputies: [bob]',
  ];
  if (Object.keys(contacts).length > 0) {
    lines.push('contacts:');
    for (const [id, verified] of Object.entries(contacts)) {
      lines.push(
        `  - id: ${id}`,
        `    name: ${id[0]!.toUpperCase()}${id.slice(1)} Example`,
        '    phone: "+1 555 0100"',
        `    verified: ${verified}`,
      );
    }
  }
  if (spec.contracts) {
    lines.push('services:', '  - id: hotline', '    name: Hotline', '    criticality: low', 'providers:');
    for (const [id, ends] of Object.entries(spec.contracts)) {
      lines.push(
        `  - id: ${id}`,
        `    name: Provider ${id}`,
        '    services: [hotline]',
        '    site: { city: Oslo, country: "NO" }',
        `    contractEnds: ${ends}`,
      );
    }
  }
  lines.push(
    'scenarios:',
    '  - id: flood',
    '    title: Flood',
    '    likelihood: 1',
    '    impact: 1',
    '    owner: officer',
  );
  if (spec.exercised) {
    lines.push(
      '  - id: fire',
      '    title: Fire in the call centre',
      '    likelihood: 5',
      '    impact: 5',
      '    owner: officer',
      '    measures:',
      '      prevent: [{ action: Sprinklers, owner: officer }]',
      '      respond: [{ action: Evacuate, owner: officer }]',
      '      recover: [{ action: Move to the backup site, owner: officer }]',
    );
  }
  if (spec.access) {
    lines.push('access:');
    for (const [id, verified] of Object.entries(spec.access)) {
      lines.push(
        `  - id: ${id}`,
        `    system: System ${id}`,
        '    vault: Safe 1',
        '    holders: [officer]',
        `    verified: ${verified}`,
      );
    }
  }
  if (spec.exercised && spec.exercised.length > 0) {
    lines.push('exercises:');
    for (const date of spec.exercised) lines.push(`  - { date: ${date}, kind: tabletop, scenarios: [fire] }`);
  }
  return `${lines.join('\n')}\n`;
}

const dirs: string[] = [];

/** A temp "repository" (with .git, so imports stay inside) holding the given files. */
export function tempRepo(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bcplan-review-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

export function removeTempRepos(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

// biome-ignore lint/suspicious/noExplicitAny: placeholder until the command is built
export async function render(..._args: any[]): Promise<number> {
  throw new Error('bcplan render is not built yet');
}

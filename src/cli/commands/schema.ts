// biome-ignore lint/suspicious/noExplicitAny: placeholder until the command is built
export async function schema(..._args: any[]): Promise<number> {
  throw new Error('bcplan schema is not built yet');
}

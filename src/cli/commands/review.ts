// biome-ignore lint/suspicious/noExplicitAny: placeholder until the command is built
export async function review(..._args: any[]): Promise<number> {
  throw new Error('bcplan review is not built yet');
}

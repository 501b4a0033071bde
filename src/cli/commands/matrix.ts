// biome-ignore lint/suspicious/noExplicitAny: placeholder until the command is built
export async function matrix(..._args: any[]): Promise<number> {
  throw new Error('bcplan matrix is not built yet');
}

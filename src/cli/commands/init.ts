// biome-ignore lint/suspicious/noExplicitAny: placeholder until the command is built
export async function init(..._args: any[]): Promise<number> {
  throw new Error('bcplan init is not built yet');
}

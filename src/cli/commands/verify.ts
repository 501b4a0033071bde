// biome-ignore lint/suspicious/noExplicitAny: placeholder until the command is built
export async function verify(..._args: any[]): Promise<number> {
  throw new Error('bcplan verify is not built yet');
}

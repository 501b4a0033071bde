/**
 * Whether to colour a stream: --color/--no-color, then FORCE_COLOR, then NO_COLOR,
 * then whether the stream is a terminal. https://no-color.org, https://force-color.org
 */
export function useColor(stream: NodeJS.WriteStream, flag: boolean | undefined, env = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

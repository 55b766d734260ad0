/**
 * Removes the first `--` from the user arguments. `pnpm --filter @mle/cli train -- --config x`
 * passes the `--` through literally, and commander would then read `--config x` as operands.
 * No `mle` command takes operands that start with a dash, so dropping it loses nothing.
 *
 * @example
 * normalizeArgv(["node", "mle", "train", "--", "--config", "x.yaml"]);
 * // ["node", "mle", "train", "--config", "x.yaml"]
 */
export function normalizeArgv(argv: readonly string[]): string[] {
  const head = argv.slice(0, 2);
  const rest = argv.slice(2);
  const i = rest.indexOf("--");
  if (i >= 0) rest.splice(i, 1);
  return [...head, ...rest];
}

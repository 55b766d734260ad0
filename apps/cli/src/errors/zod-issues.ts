import type { ConfigIssue } from "../errors/cli-error";

/** The parts of a zod issue the CLI reads (zod 4 `$ZodIssue`, structurally). */
export interface ZodIssueLike {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
}

/**
 * Formats a key path the way a user writes it: `split.validation_fraction`, `symbols[2]`.
 *
 * @example
 * formatPath(["symbols", 2]); // "symbols[2]"
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(root)" : out;
}

/**
 * Turns zod issues into one {@link ConfigIssue} per problem; an unknown key becomes one issue
 * per key, named by its full path.
 *
 * @example
 * toConfigIssues(result.error.issues); // [{ path: "split.foo", message: "unknown key" }]
 */
export function toConfigIssues(issues: readonly ZodIssueLike[]): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys" && issue.keys) {
      for (const key of issue.keys) {
        out.push({ path: formatPath([...issue.path, key]), message: "unknown key" });
      }
      continue;
    }
    out.push({ path: formatPath(issue.path), message: issue.message });
  }
  return out;
}

/**
 * One line naming every problem: `split.validation_fraction: expected a number < 1; foo: unknown key`.
 *
 * @example
 * describeIssues([{ path: "cv.folds", message: "expected an integer >= 2" }]);
 */
export function describeIssues(issues: readonly ConfigIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join("; ");
}

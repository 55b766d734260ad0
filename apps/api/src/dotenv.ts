/**
 * `.env` loading for the API and the CLI, as `.env.example` promises: a `.env` in the directory
 * the command was started from (INIT_CWD, else the working directory) fills the variables the
 * environment does not set; a real environment variable always wins (also an empty one).
 * @module
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";

/**
 * Loads `<dir>/.env` into `env` without overriding set variables; returns the names it set.
 * A missing file is not an error; an unreadable one is (its path is the caller's own).
 *
 * @example
 * ```ts
 * loadDotEnv(process.env, process.env.INIT_CWD ?? process.cwd()); // ["PORT"]
 * ```
 */
export function loadDotEnv(env: NodeJS.ProcessEnv, dir: string): string[] {
  let text: string;
  try {
    text = readFileSync(path.join(dir, ".env"), "utf8");
  } catch (e) {
    if ((e as { code?: string }).code === "ENOENT") return [];
    throw e;
  }
  const set: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    set.push(name);
  }
  return set;
}

/**
 * A registry with trained models, made once and copied per scenario (copying is much faster
 * than training again, and a copy is byte-identical, so it verifies the same).
 * @module
 */
import { cp, writeFile } from "node:fs/promises";
import path from "node:path";
import { mleInProcess, tinyConfig } from "./cli";

/**
 * Trains `alphas.length` versions (v1, v2, …, the last one active) into `<base>/models` with
 * the real `mle train` (in process), and returns that folder.
 */
export async function trainRegistry(
  base: string,
  alphas: readonly number[] = [1, 0.25],
): Promise<string> {
  const dir = path.join(base, "models");
  const config = path.join(base, "tiny.yaml");
  await writeFile(config, tinyConfig(dir));
  for (const alpha of alphas) {
    const r = await mleInProcess(
      ["train", "--config", config, "--alpha", String(alpha), "--json"],
      {
        cwd: base,
      },
    );
    if (r.code !== 0) throw new Error(`fixture training failed (${r.code}): ${r.stderr}`);
  }
  return dir;
}

/** Copies a registry folder to `<base>/<name>` and returns the copy's path. */
export async function copyRegistry(from: string, base: string, name: string): Promise<string> {
  const to = path.join(base, name);
  await cp(from, to, { recursive: true });
  return to;
}

/**
 * Verifies one version folder: metadata.json against its schema, then every other artifact
 * against the sha256 and size metadata records. Never throws for bad content; reports it.
 * @module
 */
import { HASHED_FILES, type HashedFile } from "./constants";
import { ioError } from "./errors";
import { digest, parseJsonBytes } from "./json";
import { metadataProblem } from "./metadata";
import type { RegistryStore, StoreReadResult } from "./store";
import type { ArtifactDigest, EntryMetrics, ModelMetadata } from "./types";

export interface Problem {
  /** The artifact file concerned, when the problem is in one file. */
  readonly file?: string;
  readonly message: string;
}

export type Inspection =
  | { readonly version: string; readonly exists: false }
  | {
      readonly version: string;
      readonly exists: true;
      /** First problem found; undefined when every check passed. */
      readonly problem: Problem | undefined;
      readonly createdAt: string | null;
      readonly metadata: Record<string, unknown> | null;
      readonly contents: Readonly<Record<HashedFile, unknown>>;
    };

type Raw = { ok: true; data: Uint8Array } | { ok: false; problem: Problem };

async function readRaw(store: RegistryStore, version: string, file: string): Promise<Raw> {
  let result: StoreReadResult;
  try {
    result = await store.read(version, file);
  } catch (cause) {
    throw ioError(`reading ${version}/${file}`, cause, { version, file });
  }
  if (result.kind === "missing")
    return { ok: false, problem: { file, message: `${file}: missing` } };
  if (result.kind === "invalid") {
    return {
      ok: false,
      problem: { file, message: `${file}: is a ${result.type}, not a regular file` },
    };
  }
  return { ok: true, data: result.data };
}

function parse(
  file: string,
  data: Uint8Array,
): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  const parsed = parseJsonBytes(data);
  if (!parsed.ok) return { ok: false, problem: { file, message: `${file}: not valid JSON` } };
  return parsed;
}

function checkDigest(
  file: string,
  data: Uint8Array,
  expected: ArtifactDigest,
): Problem | undefined {
  const actual = digest(data);
  if (actual.bytes !== expected.bytes) {
    return {
      file,
      message: `${file}: ${actual.bytes} bytes, metadata records ${expected.bytes} (truncated or altered)`,
    };
  }
  if (actual.sha256 !== expected.sha256) {
    return { file, message: `${file}: sha256 does not match metadata (altered)` };
  }
  return undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Inspects version `version` (a name already validated by the caller).
 *
 * @example
 * ```ts
 * const r = await inspectVersion(store, "v2");
 * if (r.exists && r.problem) console.log(r.problem.message); // "model.json: sha256 does not match metadata (altered)"
 * ```
 */
export async function inspectVersion(store: RegistryStore, version: string): Promise<Inspection> {
  let entry: Awaited<ReturnType<RegistryStore["entry"]>>;
  try {
    entry = await store.entry(version);
  } catch (cause) {
    throw ioError(`reading ${version}`, cause, { version });
  }
  if (entry === null) return { version, exists: false };
  const contents: Record<HashedFile, unknown> = {
    "model.json": null,
    "metrics.json": null,
    "feature_columns.json": null,
    "dataset_summary.json": null,
  };
  if (entry.type !== "directory") {
    const problem = { message: `${version} is a ${entry.type}, not a folder` };
    return { version, exists: true, problem, createdAt: null, metadata: null, contents };
  }

  const problems: Problem[] = [];
  const raw = await readRaw(store, version, "metadata.json");
  const meta = raw.ok ? parse("metadata.json", raw.data) : raw;
  let metadata: Record<string, unknown> | null = null;
  let verified: ModelMetadata | null = null;
  if (!meta.ok) problems.push(meta.problem);
  else if (!isRecord(meta.value)) {
    problems.push({ file: "metadata.json", message: "metadata.json: not a JSON object" });
  } else {
    metadata = meta.value;
    const bad = metadataProblem(meta.value, version);
    if (bad) problems.push({ file: "metadata.json", message: `metadata.json: ${bad}` });
    else verified = meta.value as ModelMetadata;
  }

  for (const file of HASHED_FILES) {
    const read = await readRaw(store, version, file);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    // Size and hash first: a truncated file is reported as truncated, not as bad JSON.
    const bad = verified ? checkDigest(file, read.data, verified.artifacts[file]) : undefined;
    const parsed = bad ? { ok: false as const, problem: bad } : parse(file, read.data);
    if (!parsed.ok) problems.push(parsed.problem);
    else if (verified) contents[file] = parsed.value;
  }
  // A folder renamed away mid-inspection (pruned by another process) is gone, not corrupt.
  if (problems.length > 0 && (await store.entry(version).catch(() => entry)) === null) {
    return { version, exists: false };
  }
  const createdAt = typeof metadata?.created_at === "string" ? metadata.created_at : null;
  return { version, exists: true, problem: problems[0], createdAt, metadata, contents };
}

/**
 * Key validation metrics from a metrics.json report (`validation.model`), tolerant of absence.
 *
 * @example
 * ```ts
 * keyMetrics({ validation: { model: { rmse: 0.1, r2: 0.2 } } }); // { rmse: 0.1, r2: 0.2, directional_accuracy: null }
 * ```
 */
export function keyMetrics(report: unknown): EntryMetrics | undefined {
  const validation = isRecord(report) ? report.validation : undefined;
  const model = isRecord(validation) ? validation.model : undefined;
  if (!isRecord(model)) return undefined;
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  return {
    rmse: num(model.rmse),
    r2: num(model.r2),
    directional_accuracy: num(model.directional_accuracy),
  };
}

/**
 * Verifies one stored version: metadata.json (the manifest) against its schema, then every
 * artifact it lists against the sha256 and size it records. Never throws for bad content;
 * reports it.
 * @module
 */
import type { RegistryBackend, StoredRead, StoredVersion } from "./backend";
import { HASHED_FILES, type HashedFile } from "./constants";
import { ioError } from "./errors";
import { digest, parseJsonBytes } from "./json";
import { metadataProblem } from "./metadata";
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
      /** Parsed required artifacts (null where unreadable or unverified). */
      readonly contents: Readonly<Record<HashedFile, unknown>>;
      /** Parsed extra artifacts the manifest lists (`evaluation.json`, ...), verified. */
      readonly extras: Readonly<Record<string, unknown>>;
    };

type Raw = { ok: true; data: Uint8Array } | { ok: false; problem: Problem };

export const emptyContents = (): Record<HashedFile, unknown> => ({
  "model.json": null,
  "metrics.json": null,
  "feature_columns.json": null,
  "dataset_summary.json": null,
});

async function readRaw(stored: StoredVersion, version: string, file: string): Promise<Raw> {
  let result: StoredRead;
  try {
    result = await stored.read(file);
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

/**
 * Checks of an artifact's content beyond its hash, by file name: a reason string when the content
 * is unusable, null when it is fine. A file whose SHA-256 matches but whose content fails its check
 * (NaN coefficients, wrong lengths, `__proto__` keys) is corrupt like an altered one.
 */
export type ContentChecks = Readonly<Record<string, (value: unknown) => string | null>>;

function contentProblem(checks: ContentChecks, file: string, value: unknown): Problem | undefined {
  const check = Object.hasOwn(checks, file) ? checks[file] : undefined;
  if (!check) return undefined;
  let reason: string | null;
  try {
    reason = check(value);
  } catch (e) {
    reason = e instanceof Error ? e.message : String(e);
  }
  return reason === null ? undefined : { file, message: `${file}: ${reason.slice(0, 300)}` };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Inspects `model`'s version `version` (names already validated by the caller).
 *
 * @example
 * ```ts
 * const r = await inspectVersion(backend, "default", "v2");
 * if (r.exists && r.problem) console.log(r.problem.message); // "model.json: sha256 does not match metadata (altered)"
 * ```
 */
export async function inspectVersion(
  backend: RegistryBackend,
  model: string,
  version: string,
  checks: ContentChecks = {},
  /** Extra artifacts to read and verify (default: every one the manifest lists). */
  extrasWanted?: ReadonlySet<string>,
): Promise<Inspection> {
  let stored: StoredVersion | null;
  try {
    stored = await backend.readVersion(model, version);
  } catch (cause) {
    throw ioError(`reading ${version}`, cause, { version });
  }
  if (stored === null) return { version, exists: false };
  const contents = emptyContents();
  const extras: Record<string, unknown> = {};
  if (stored.invalid !== undefined) {
    const problem = { message: stored.invalid };
    return { version, exists: true, problem, createdAt: null, metadata: null, contents, extras };
  }

  const problems: Problem[] = [];
  const raw = await readRaw(stored, version, "metadata.json");
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

  const isRequired = (f: string) => (HASHED_FILES as readonly string[]).includes(f);
  const listed = (verified ? Object.keys(verified.artifacts) : [...HASHED_FILES]).filter(
    (f) => isRequired(f) || extrasWanted === undefined || extrasWanted.has(f),
  );
  for (const file of listed) {
    const read = await readRaw(stored, version, file);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    // Size and hash first: a truncated file is reported as truncated, not as bad JSON.
    const expected = verified?.artifacts[file];
    const bad = expected ? checkDigest(file, read.data, expected) : undefined;
    const parsed = bad ? { ok: false as const, problem: bad } : parse(file, read.data);
    const invalid = parsed.ok && verified ? contentProblem(checks, file, parsed.value) : undefined;
    if (!parsed.ok) problems.push(parsed.problem);
    else if (invalid) problems.push(invalid);
    else if (verified) {
      if (Object.hasOwn(contents, file)) contents[file as HashedFile] = parsed.value;
      else extras[file] = parsed.value;
    }
  }
  // A version removed mid-inspection (pruned by another process) is gone, not corrupt.
  if (problems.length > 0 && !(await stored.stillExists())) return { version, exists: false };
  const createdAt = typeof metadata?.created_at === "string" ? metadata.created_at : null;
  return { version, exists: true, problem: problems[0], createdAt, metadata, contents, extras };
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

/**
 * The backends the conformance suite runs against. Each case opens a fresh, empty registry and
 * knows how to damage what it stored the way an operator or an attacker could (rewrite an
 * artifact, delete it, rewrite a history entry).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { makeTempDir } from "../../src/test-support";

export interface OpenedCase {
  readonly location: string;
  /** Overwrites the stored bytes of one artifact of a version. */
  tamper(model: string, version: string, file: string, data: string): Promise<void>;
  /** Deletes one artifact of a version. */
  remove(model: string, version: string, file: string): Promise<void>;
  /** Overwrites one stored alias-history entry. */
  tamperHistory(model: string, alias: string, seq: number, data: string): Promise<void>;
  cleanup(): Promise<void>;
}

export interface BackendCase {
  readonly name: string;
  /** Why the case cannot run here, or null. */
  missing(): Promise<string | null>;
  open(): Promise<OpenedCase>;
}

const modelDir = (root: string, model: string) =>
  model === "default" ? root : path.join(root, "models", model);

export const fsCase: BackendCase = {
  name: "filesystem",
  missing: async () => null,
  async open() {
    const dir = await makeTempDir();
    const root = path.join(dir, "models");
    return {
      location: root,
      tamper: (model, version, file, data) =>
        fs.writeFile(path.join(modelDir(root, model), version, file), data),
      remove: (model, version, file) => fs.rm(path.join(modelDir(root, model), version, file)),
      tamperHistory: (model, alias, seq, data) =>
        fs.writeFile(
          path.join(
            modelDir(root, model),
            "history",
            alias,
            `${String(seq).padStart(12, "0")}.json`,
          ),
          data,
        ),
      cleanup: () => fs.rm(dir, { recursive: true, force: true }),
    };
  },
};

export const BACKEND_CASES: readonly BackendCase[] = [fsCase];

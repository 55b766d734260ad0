import { TrainerError } from "../errors";
import { EVALUATION_FORMAT } from "./report";

/** What a stored `evaluation.json` says about skill, read defensively (older versions have none). */
export interface SkillEvidence {
  readonly skill: boolean;
  /** The verdict line, or why there is none. */
  readonly text: string;
}

/**
 * Reads the verdict of an `evaluation.json` value (`undefined` when the version has none).
 *
 * @example
 * ```ts
 * skillEvidence(loaded.files["evaluation.json"]).skill;
 * ```
 */
export function skillEvidence(evaluation: unknown): SkillEvidence {
  if (evaluation === undefined || evaluation === null) {
    return { skill: false, text: "no evaluation.json (trained before evaluations were recorded)" };
  }
  const e = evaluation as { format?: unknown; verdict?: { skill?: unknown; text?: unknown } };
  if (e.format !== EVALUATION_FORMAT || typeof e.verdict?.skill !== "boolean") {
    return { skill: false, text: "evaluation.json has no verdict this build can read" };
  }
  return { skill: e.verdict.skill, text: typeof e.verdict.text === "string" ? e.verdict.text : "" };
}

/**
 * The one policy behind `--require-skill`: refuses (throws) unless the evaluation shows evidence
 * of skill over the zero forecast.
 *
 * @throws TrainerError `NO_SKILL_EVIDENCE` naming the version and the verdict.
 */
export function requireSkill(evaluation: unknown, version: string): void {
  const evidence = skillEvidence(evaluation);
  if (!evidence.skill) {
    throw new TrainerError("NO_SKILL_EVIDENCE", `${version} was not activated: ${evidence.text}`, {
      path: version,
    });
  }
}

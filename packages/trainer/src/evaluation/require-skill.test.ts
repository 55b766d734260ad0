import { describe, expect, it } from "vitest";
import { isTrainerError } from "../errors";
import { requireSkill, skillEvidence } from "./require-skill";

const report = (skill: boolean) => ({
  format: "mle.evaluation",
  verdict: { skill, text: skill ? "beats" : "no evidence" },
});

describe("the --require-skill policy", () => {
  it("passes a version whose verdict shows skill", () => {
    expect(() => requireSkill(report(true), "v3")).not.toThrow();
    expect(skillEvidence(report(true))).toEqual({ skill: true, text: "beats" });
  });

  it("refuses no skill, a missing evaluation and an unreadable one with NO_SKILL_EVIDENCE", () => {
    for (const [value, text] of [
      [report(false), /v3 was not activated: no evidence/],
      [undefined, /no evaluation\.json/],
      [{ format: "other" }, /no verdict this build can read/],
    ] as const) {
      try {
        requireSkill(value, "v3");
        throw new Error("did not throw");
      } catch (e) {
        expect(isTrainerError(e) && e.code).toBe("NO_SKILL_EVIDENCE");
        expect((e as Error).message).toMatch(text);
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { abortableSleep } from "./abortable-sleep";

describe("abortableSleep", () => {
  it("resolves after the delay when nothing aborts", async () => {
    await expect(abortableSleep(1)).resolves.toBeUndefined();
  });

  it("rejects with the signal's reason when aborted during the wait", async () => {
    const controller = new AbortController();
    const pending = abortableSleep(60_000, controller.signal);
    controller.abort(new Error("caller left"));
    await expect(pending).rejects.toThrow("caller left");
  });

  it("rejects at once when the signal is already aborted", async () => {
    await expect(abortableSleep(60_000, AbortSignal.abort(new Error("too late")))).rejects.toThrow(
      "too late",
    );
  });
});

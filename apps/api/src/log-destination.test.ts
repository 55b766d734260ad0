import { execFileSync } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLogDestination } from "./log-destination";

describe("createLogDestination", () => {
  it("writes every line once, and flushes what is queued on exit in order behind the write in flight", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mle-logdest-"));
    try {
      const file = path.join(dir, "out.log");
      const fd = openSync(file, "w");
      const dest = createLogDestination(fd);
      for (let i = 0; i < 1000; i++) dest.write(`line ${i}\n`);
      dest.flushSync();
      // The write that was in flight (line 0) lands when the thread pool runs it: wait for it.
      const expected = Array.from({ length: 1000 }, (_, i) => `line ${i}`);
      let lines: string[] = [];
      for (let i = 0; i < 200; i++) {
        lines = readFileSync(file, "utf8").trimEnd().split("\n");
        if (lines.length >= expected.length) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      closeSync(fd);
      expect([...lines].sort()).toEqual([...expected].sort());
      // What flushSync wrote is in order; only the chunk already in flight may land after it
      // (a thread-pool write cannot be waited for synchronously on the exit path).
      expect(lines.filter((l) => l !== "line 0")).toEqual(expected.slice(1));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("flushSync returns at once when the reader of the pipe is gone (EPIPE), and later lines are dropped", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mle-logdest-"));
    try {
      const fifo = path.join(dir, "pipe");
      execFileSync("mkfifo", [fifo]);
      const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
      const writer = openSync(fifo, constants.O_WRONLY);
      closeSync(reader); // `| head -1` has exited
      const dest = createLogDestination(writer);
      dest.write("in flight\n");
      for (let i = 0; i < 100; i++) dest.write(`queued ${i}\n`);
      const started = performance.now();
      dest.flushSync(60_000); // sonic-boom's flushSync spins here forever
      expect(performance.now() - started).toBeLessThan(1000);
      expect(dest.broken).toBe(true);
      dest.write("dropped\n");
      dest.flushSync();
      closeSync(writer);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

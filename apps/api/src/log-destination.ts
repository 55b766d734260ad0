import { write, writeSync } from "node:fs";

/** A pino destination whose exit flush is bounded, whatever the file descriptor does. */
export interface LogDestination {
  write(line: string): void;
  /**
   * Writes what is buffered, synchronously, giving up at `deadlineMs` (EAGAIN on a full pipe)
   * and at once on any other error: a process exit can never hang on its logs.
   */
  flushSync(deadlineMs?: number): void;
  /** True once a write failed for good (EPIPE: the reader is gone); later lines are dropped. */
  readonly broken: boolean;
}

/** Longest an exit waits for a full pipe to drain. */
export const EXIT_FLUSH_DEADLINE_MS = 250;

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Asynchronous, batching writes to `fd` (one write in flight; lines logged meanwhile leave
 * together in the next), with a flush for the exit path that always ends.
 *
 * Why not `pino.destination`: its sonic-boom retries every failed write in `flushSync` forever
 * (only EAGAIN is meant to be retried), so with the stdout reader gone (`node server.js | head -1`)
 * the exit flush spun on EPIPE and the process never exited, deaf to further signals.
 */
export function createLogDestination(fd: number): LogDestination {
  let pending: Buffer[] = [];
  let writing = false;
  let broken = false;

  const fail = () => {
    broken = true;
    pending = [];
  };

  const writeNext = () => {
    if (broken || writing || pending.length === 0) return;
    const chunk = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    writing = true;
    write(fd, chunk, (err, n) => {
      writing = false;
      if (err) {
        if (err.code === "EAGAIN") {
          pending.unshift(chunk);
          setTimeout(writeNext, 10).unref();
        } else fail();
        return;
      }
      if (n < chunk.length) pending.unshift(chunk.subarray(n));
      writeNext();
    });
  };

  return {
    get broken() {
      return broken;
    },
    write(line: string) {
      if (broken) return;
      pending.push(Buffer.from(line));
      writeNext();
    },
    flushSync(deadlineMs = EXIT_FLUSH_DEADLINE_MS) {
      // A write in flight owns its chunk; lines queued behind it are written here. That chunk
      // runs on the thread pool and cannot be waited for here: it may land after these lines.
      const until = performance.now() + deadlineMs;
      let chunk = pending.length > 0 ? Buffer.concat(pending) : undefined;
      pending = [];
      while (chunk !== undefined && chunk.length > 0 && !broken) {
        try {
          chunk = chunk.subarray(writeSync(fd, chunk));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== "EAGAIN" || performance.now() > until) fail();
          else Atomics.wait(pause, 0, 0, 1);
        }
      }
    },
  };
}

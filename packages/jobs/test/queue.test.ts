import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isJobsError, type JobQueue, openJobQueue, rankSweep } from "../src/index";
import { deletePrefix, freePort, machineRedis, uniquePrefix } from "../src/testing/index";

const redis = await machineRedis();
const spec = (alpha: number) => ({
  config: { symbols: ["AAPL"], model: { type: "ridge", alpha } },
  source: { MARKET_DATA_SOURCE: "sample" },
  registry: "/tmp/registry-under-test",
});

describe.skipIf("missing" in redis)(
  `job queue on Redis ${"missing" in redis ? `(skipped: ${redis.missing})` : ""}`,
  () => {
    const url = "url" in redis ? redis.url : "";
    const prefix = uniquePrefix();
    let queue: JobQueue;

    beforeAll(async () => {
      queue = await openJobQueue({ url, prefix });
    });
    afterAll(async () => {
      await queue?.close();
      await deletePrefix(url, prefix);
    });

    it("makes one job of the same content submitted twice", async () => {
      const first = await queue.submit(spec(1));
      const second = await queue.submit({ ...spec(1), source: { MARKET_DATA_SOURCE: "sample" } });
      expect(first.created).toBe(true);
      expect(second).toEqual({ id: first.id, created: false, state: "waiting" });
      const shown = await queue.get(first.id);
      expect(shown.state).toBe("waiting");
      expect(shown.data.config).toEqual(spec(1).config);
      expect((await queue.list()).map((j) => j.id)).toContain(first.id);
    });

    it("cancels a waiting job by removing it, and names an unknown job", async () => {
      const { id } = await queue.submit(spec(2));
      expect(await queue.cancel(id)).toEqual({ id, was: "waiting" });
      await expect(queue.get(id)).rejects.toMatchObject({
        name: "JobsError",
        code: "JOB_NOT_FOUND",
      });
      await expect(queue.cancel("train-0000")).rejects.toMatchObject({ code: "JOB_NOT_FOUND" });
    });

    it("fans a sweep out into one job per grid point and keeps the grid order", async () => {
      const submitted = await queue.submitSweep(
        spec(1),
        { "model.alpha": [0.5, 3], config_note: ["x"] },
        "rmse",
      );
      expect(submitted.jobs.map((j) => j.params)).toEqual([
        { "model.alpha": 0.5, config_note: "x" },
        { "model.alpha": 3, config_note: "x" },
      ]);
      const { record, jobs } = await queue.sweep(submitted.sweepId);
      expect(record.jobIds).toEqual(submitted.jobs.map((j) => j.id));
      expect(jobs.map((j) => j.sweep?.index)).toEqual([0, 1]);
      const again = await queue.submitSweep(
        spec(1),
        { "model.alpha": [0.5, 3], config_note: ["x"] },
        "rmse",
      );
      expect(again.sweepId).toBe(submitted.sweepId);
      expect(again.jobs.every((j) => !j.created)).toBe(true);
      expect(rankSweep(jobs, "rmse").map((r) => r.value)).toEqual([null, null]);
      await expect(queue.sweep("sweep-unknown")).rejects.toMatchObject({ code: "SWEEP_NOT_FOUND" });
    });
  },
);

describe("job queue without Redis", () => {
  it("fails fast with REDIS_UNAVAILABLE naming the URL without its password", async () => {
    const port = await freePort();
    const error = await openJobQueue({
      url: `redis://:s3cret@127.0.0.1:${port}`,
      connectTimeoutMs: 500,
    }).catch((e) => e);
    expect(isJobsError(error, "REDIS_UNAVAILABLE")).toBe(true);
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).not.toContain("s3cret");
  });

  it("refuses a URL that is not redis://", async () => {
    const error = await openJobQueue({ url: "http://127.0.0.1:6379" }).catch((e) => e);
    expect(isJobsError(error, "INVALID_REDIS_URL")).toBe(true);
  });
});

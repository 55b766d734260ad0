import { describe, expect, it } from "vitest";
import { captureLogger } from "../test/support";

describe("createLogger", () => {
  it("writes one JSON object per line with an ISO time and the service name", () => {
    const { logger, lines } = captureLogger();
    logger.info({ port: 1 }, "listening");
    const [line] = lines();
    expect(line).toMatchObject({ msg: "listening", port: 1, service: "mle-api", level: 30 });
    expect(String(line?.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("redacts authorization headers and the admin token wherever they appear", () => {
    const { logger, lines } = captureLogger();
    logger.info({
      authorization: "Bearer top-secret-1",
      headers: { authorization: "Bearer top-secret-2" },
      req: { headers: { authorization: "Bearer top-secret-3" } },
      config: { adminToken: "top-secret-4" },
      adminToken: "top-secret-5",
      env: { ADMIN_TOKEN: "top-secret-6" },
    });
    const text = JSON.stringify(lines());
    expect(text).not.toMatch(/top-secret/);
    expect(text).toContain("[redacted]");
  });

  it("respects the level", () => {
    const { logger, lines } = captureLogger("warn");
    logger.info("hidden");
    logger.warn("shown");
    expect(lines().map((l) => l.msg)).toEqual(["shown"]);
  });
});

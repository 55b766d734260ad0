/**
 * Child process: the baseline, a bare Hono route on @hono/node-server answering a static JSON
 * body (given as argv[2], the same size as a /predict answer). Sends { port } over IPC.
 */
const { Hono } = await import((await import("./paths.mjs")).apiDependencyUrl("hono"));
const { serve } = await import((await import("./paths.mjs")).apiDependencyUrl("@hono/node-server"));

const body = JSON.parse(process.argv[2] ?? "{}");
const app = new Hono();
app.get("/predict", (c) => c.json(body));
const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info) => {
  process.send?.({ type: "listening", port: info.port });
});
process.on("disconnect", () => server.close(() => process.exit(0)));

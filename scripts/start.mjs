// Placeholder replaced by the main-job script (train if no model, then start the API).
await import("../apps/api/dist/server.js");

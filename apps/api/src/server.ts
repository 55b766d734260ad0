/**
 * The API process (`pnpm start`, the Docker image): loads `.env` (real variables win), then runs
 * {@link startApiServer}.
 * @module
 */
import { loadDotEnv } from "./dotenv";
import { startApiServer } from "./start-server";

loadDotEnv(process.env, process.env.INIT_CWD ?? process.cwd());
startApiServer();

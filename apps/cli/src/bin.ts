#!/usr/bin/env node
import { loadDotEnv } from "@mle/api";
import { main } from "./program";
import { exitQuietlyOnEpipe } from "./util/epipe";

exitQuietlyOnEpipe(process.stdout);
exitQuietlyOnEpipe(process.stderr);
// As .env.example promises: a .env where the command was started fills what the environment lacks.
loadDotEnv(process.env, process.env.INIT_CWD ?? process.cwd());
process.exitCode = await main(process.argv);

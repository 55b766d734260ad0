#!/usr/bin/env node
import { main } from "./program";
import { exitQuietlyOnEpipe } from "./util/epipe";

exitQuietlyOnEpipe(process.stdout);
exitQuietlyOnEpipe(process.stderr);
process.exitCode = await main(process.argv);

#!/usr/bin/env node
// Committed entry so package managers can link `mle` before the first build; the CLI is dist/bin.js.
import "../dist/bin.js";

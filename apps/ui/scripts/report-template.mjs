#!/usr/bin/env node
// Builds dist/report-template.html from the Vite build: the same page with its one script and
// one stylesheet inlined, a strict no-network CSP, and an empty data element that `mle report`
// fills. One file, so a report opens from disk, in a mail attachment or a ticket.
import fs from "node:fs";
import path from "node:path";

const dist = path.resolve(import.meta.dirname, "..", "dist");
let html = fs.readFileSync(path.join(dist, "index.html"), "utf8");

const script = html.match(
  /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"><\/script>/,
);
const style = html.match(/<link rel="stylesheet" crossorigin href="\.\/(assets\/[^"]+\.css)">/);
if (!script || !style)
  throw new Error(
    "report-template: the built index.html has no single script and stylesheet to inline",
  );

const js = fs.readFileSync(path.join(dist, script[1]), "utf8");
const css = fs.readFileSync(path.join(dist, style[1]), "utf8");
// An inline script ends at the first "</script" whatever the JS means by it.
if (/<\/script/i.test(js) || /<\/style/i.test(css))
  throw new Error("report-template: the bundle contains a closing tag");

const csp =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'";
html = html
  .replace(script[0], () => "")
  .replace(style[0], () => `<style>${css}</style>`)
  .replace(
    '<meta charset="utf-8" />',
    () =>
      `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`,
  )
  .replace(
    "</body>",
    () =>
      `<script type="application/json" id="mle-report-data"></script>\n    <script type="module">${js}</script>\n  </body>`,
  );
fs.writeFileSync(path.join(dist, "report-template.html"), html);

#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled to build/ by `npm ci` (the `prepare` script).
// A reader that stops early (ip-report fields | head) is not an error.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(process.exitCode || 0);
  throw err;
});
let main;
try {
  main = require("../build/cli/main.js").main;
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND") {
    console.error(
      "ip-report 尚未编译，请先运行 npm ci（或 npm run build:cli）。 / ip-report is not built: run `npm ci` (or `npm run build:cli`) first.",
    );
    process.exit(2);
  }
  throw err;
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

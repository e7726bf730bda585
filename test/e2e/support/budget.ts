import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The scripts taskpane.html loads from its own origin: what the pane needs before it can render. */
export function initialScripts(dist: string): string[] {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^[a-z]+:\/\//i.test(src));
}

/** Gzipped at zlib's default level 6, about what a web server sends. */
export function initialJsGzipBytes(dist: string): number {
  return initialScripts(dist).reduce((sum, src) => sum + gzipSync(readFileSync(join(dist, src))).length, 0);
}

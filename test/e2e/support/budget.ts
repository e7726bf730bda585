import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The scripts a page (the task pane, or the checker) loads from its own origin before it can render. */
export function initialScripts(dist: string, page = "taskpane.html"): string[] {
  const html = readFileSync(join(dist, page), "utf8");
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^[a-z]+:\/\//i.test(src));
}

/** Gzipped at zlib's default level 6, about what a web server sends. */
export function initialJsGzipBytes(dist: string, page = "taskpane.html"): number {
  return initialScripts(dist, page).reduce(
    (sum, src) => sum + gzipSync(readFileSync(join(dist, src))).length,
    0,
  );
}

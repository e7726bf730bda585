import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { latestSpec, parseSpec } from "../spec";
import type { Spec } from "../spec/schema";
import { UsageError } from "./output";

/** The spec to work with: a file the user names (checked by the schema) or the newest bundled one. */
export function specFrom(file: string | undefined): Spec {
  if (!file) return latestSpec();
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "";
    throw new UsageError({
      zh: `无法读取规范文件 ${file}（${code}）`,
      en: `cannot read spec file ${file} (${code})`,
    });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (err) {
    throw new UsageError({
      zh: `规范文件 ${file} 不是有效的 JSON：${(err as Error).message}`,
      en: `spec file ${file} is not valid JSON: ${(err as Error).message}`,
    });
  }
  return parseSpec(document, basename(file));
}

/** The bundled specs plus one the user names (e.g. a next version not yet bundled). */
export function specsWith(file: string | undefined, bundled: Spec[]): Spec[] {
  if (!file) return bundled;
  const extra = specFrom(file);
  return [
    ...bundled.filter((s) => !(s.specId === extra.specId && s.specVersion === extra.specVersion)),
    extra,
  ];
}

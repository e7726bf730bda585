import { LocalizedError } from "../i18n/errors";
import { Spec } from "./schema";
import type { ZodError } from "zod";

/** A spec document that fails the schema, with the path of each offending element. */
export class SpecError extends LocalizedError {
  constructor(
    readonly problems: { path: string; message: string }[],
    readonly source: string,
  ) {
    const first = problems[0];
    const more = problems.length - 1;
    super(
      {
        zh: `规范文件 ${source} 不符合格式：${first?.path}：${first?.message}${more > 0 ? `（另有 ${more} 处）` : ""}`,
        en: `spec file ${source} fails the schema at ${first?.path}: ${first?.message}${more > 0 ? ` (+${more} more)` : ""}`,
      },
      "SpecError",
    );
  }
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : `${acc}${acc ? "." : ""}${String(key)}`),
    "",
  );
}

function problemsOf(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: pathOf(issue.path) || "(root)", message: issue.message }));
}

/** Checks a parsed JSON document against the spec schema. Pure: the caller reads the file. */
export function parseSpec(document: unknown, source = "spec"): Spec {
  const result = Spec.safeParse(document);
  if (!result.success) throw new SpecError(problemsOf(result.error), source);
  return result.data;
}

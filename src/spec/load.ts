import { Spec } from "./schema";
import type { ZodError } from "zod";

/** A spec document that fails the schema, with the path of each offending element. */
export class SpecError extends Error {
  constructor(
    readonly problems: { path: string; message: string }[],
    readonly source: string,
  ) {
    super(
      `${source}: ${problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join("; ")}${problems.length > 3 ? ` (+${problems.length - 3})` : ""}`,
    );
    this.name = "SpecError";
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

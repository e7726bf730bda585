import { LocalizedError } from "../i18n/errors";
import type { LocalizedText, Migration, Spec } from "../spec/schema";

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export class RefreshError extends LocalizedError {
  constructor(
    readonly problem: "unknown-version" | "downgrade" | "no-migration-path" | "other-spec" | "cell-too-long",
    detail: LocalizedText,
  ) {
    super(detail, "RefreshError");
  }
}

/** The newest spec of an id among those given. */
export function newestOf(specs: Spec[], specId: string): Spec | undefined {
  return specs
    .filter((s) => s.specId === specId)
    .sort((a, b) => compareVersions(a.specVersion, b.specVersion))
    .pop();
}

/** Chooses the version to refresh to: the one asked for, or the newest; never an unknown one or a downgrade. */
export function targetSpec(specs: Spec[], from: Spec, toVersion?: string): Spec {
  const same = specs.filter((s) => s.specId === from.specId);
  const known = same.map((s) => s.specVersion).join(", ");
  const to = toVersion ? same.find((s) => s.specVersion === toVersion) : newestOf(specs, from.specId);
  if (!to) {
    throw new RefreshError("unknown-version", {
      zh: `没有版本 ${toVersion ?? "?"} 的规范 ${from.specId}（可用：${known}）`,
      en: `spec ${from.specId} has no version ${toVersion ?? "?"} (available: ${known})`,
    });
  }
  if (compareVersions(to.specVersion, from.specVersion) < 0) {
    throw new RefreshError("downgrade", {
      zh: `不能把 ${from.specVersion} 版的工作簿降级到 ${to.specVersion}：较新版本的填报项可能无处安放`,
      en: `cannot downgrade a ${from.specVersion} workbook to ${to.specVersion}: newer fields may have no home there`,
    });
  }
  return to;
}

/**
 * The migrations that lead from one version to a later one, each step declared by the later spec.
 * A gap in the chain is an error: guessing a mapping could put a value under the wrong field id.
 */
export function migrationPath(specs: Spec[], from: Spec, to: Spec): Migration[] {
  const path: Migration[] = [];
  let current = from.specVersion;
  const ordered = specs
    .filter((s) => s.specId === from.specId)
    .sort((a, b) => compareVersions(a.specVersion, b.specVersion));
  while (compareVersions(current, to.specVersion) < 0) {
    const step = ordered
      .filter(
        (s) =>
          compareVersions(s.specVersion, current) > 0 && compareVersions(s.specVersion, to.specVersion) <= 0,
      )
      .flatMap((s) => s.migrations.filter((m) => m.fromVersion === current).map((m) => ({ s, m })))
      .pop();
    if (!step) {
      throw new RefreshError("no-migration-path", {
        zh: `规范 ${to.specVersion} 未说明如何从 ${current} 迁移，无法保证不丢失填报值`,
        en: `spec ${to.specVersion} declares no migration from ${current}; refusing rather than risk a value`,
      });
    }
    path.push(step.m);
    current = step.s.specVersion;
  }
  return path;
}

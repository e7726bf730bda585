import type { CellValue, FieldId } from "../layout/types";
import { migrationPath } from "../refresh/versions";
import type { Spec } from "../spec/schema";
import type { RoundProblem, UnitSubmission } from "./types";

/**
 * A file's values under the round version's field ids: renamed ids follow the migrations, as refresh
 * would move them. Retired ids and ids of a version with no migration path stay as they are, and the
 * comparison below says they could not be compared.
 */
export function valuesInRoundIds(
  submission: UnitSubmission,
  round: Spec,
  specs: Spec[],
): Record<FieldId, CellValue> {
  const from = submission.spec;
  if (from.specId !== round.specId || from.specVersion === round.specVersion) return submission.values;
  let renamed: Record<string, string> = {};
  try {
    for (const step of migrationPath(specs, from, round)) {
      const next: Record<string, string> = {};
      for (const [oldId, newId] of Object.entries(step.renamed)) next[oldId] = newId;
      // Compose: an id renamed twice lands on its last name.
      for (const [a, b] of Object.entries(renamed)) next[a] = step.renamed[b] ?? b;
      renamed = next;
    }
  } catch {
    return submission.values;
  }
  const out: Record<FieldId, CellValue> = {};
  for (const [id, value] of Object.entries(submission.values)) out[renamed[id] ?? id] = value;
  return out;
}

const isFigure = (id: FieldId) => /^target\.[^.]+\.(baseline|actual)$/.test(id);

/**
 * Files of another version than the round's: each was validated against its own version; the roll-up
 * compares target figures on the field ids common to both and names, per version, those it could not.
 */
export function compareVersions(
  round: Spec,
  roundFigureIds: Set<FieldId>,
  counted: { submission: UnitSubmission; values: Record<FieldId, CellValue> }[],
): {
  versions: string[];
  notCompared: { specVersion: string; fieldIds: FieldId[] }[];
  problems: RoundProblem[];
} {
  const byVersion = new Map<string, { files: string[]; ids: Set<FieldId> }>();
  for (const { submission, values } of counted) {
    const version = submission.spec.specVersion;
    const entry = byVersion.get(version) ?? { files: [], ids: new Set<FieldId>() };
    entry.files.push(submission.file);
    for (const id of Object.keys(values)) if (isFigure(id)) entry.ids.add(id);
    byVersion.set(version, entry);
  }
  const versions = [...byVersion.keys()].sort();
  const notCompared: { specVersion: string; fieldIds: FieldId[] }[] = [];
  const problems: RoundProblem[] = [];
  for (const [version, { files, ids }] of byVersion) {
    if (version === round.specVersion) continue;
    for (const file of files) {
      problems.push({
        kind: "other-version",
        severity: "warning",
        file,
        message: {
          zh: `按其自身版本 ${version} 校验（本轮为 ${round.specVersion}）；建议用 ip-report refresh 升级后重报`,
          en: `validated against its own version ${version} (the round is ${round.specVersion}); refresh it with ip-report refresh and resend`,
        },
      });
    }
    const missing = [...roundFigureIds].filter((id) => !ids.has(id));
    const extra = [...ids].filter((id) => !roundFigureIds.has(id));
    const fieldIds = [...missing, ...extra].sort();
    if (fieldIds.length === 0) continue;
    notCompared.push({ specVersion: version, fieldIds });
    problems.push({
      kind: "not-compared",
      severity: "info",
      message: {
        zh: `${version} 版文件与本轮 ${round.specVersion} 不共有的填报项未参与比较：${fieldIds.join("、")}`,
        en: `fields ${version} files do not share with the round's ${round.specVersion} were not compared: ${fieldIds.join(", ")}`,
      },
    });
  }
  return { versions, notCompared, problems };
}

import { buildLayout } from "../../layout/build";
import { fieldDictionary } from "../../layout/dictionary";
import { resolveProfile } from "../../layout/obligation";
import { bundledSpecs } from "../../spec";
import { pick } from "../../i18n";
import { readReport } from "../../reader/report";
import { readWorkbookFile } from "../../xlsx/file";
import type { CommandContext } from "../output";
import { defineCommand, splitList } from "../command";
import { specFrom, specsWith } from "../spec-source";

export interface FieldsOptions {
  json?: boolean;
  file?: string;
  province?: string;
  profile?: string;
  spec?: string;
}

/** Prints the field dictionary: of a workbook (where its names point now), or of a fresh template. */
export async function fieldsCommand(ctx: CommandContext, options: FieldsOptions): Promise<number> {
  let dictionary;
  if (options.file) {
    const specs = specsWith(options.spec, bundledSpecs());
    const report = readReport(await readWorkbookFile(options.file), specs, options.file);
    dictionary = fieldDictionary(report.layout);
    const misplaced = new Map((report.reading.misplacedNames ?? []).map((m) => [m.fieldId, m.pointsAt]));
    for (const entry of dictionary.fields) {
      const found = report.reading.cells[entry.id];
      if (found) Object.assign(entry, { sheet: found.sheetName, cell: found.cell });
      // The field's own cell stays the entry's; where its name points now is said beside it.
      const pointsAt = misplaced.get(entry.id);
      if (pointsAt) entry.namePointsAt = `${pointsAt.sheetName}!${pointsAt.cell}`;
    }
  } else {
    const spec = specFrom(options.spec);
    const profile = resolveProfile(spec, options.province ?? spec.units[0].id, splitList(options.profile));
    dictionary = fieldDictionary(buildLayout(spec, profile));
  }
  if (options.json) {
    ctx.console.out(JSON.stringify(dictionary, null, 2));
    return 0;
  }
  ctx.console.out(
    `${dictionary.specId} ${dictionary.specVersion} · template ${dictionary.templateVersion} · ${dictionary.unitId}`,
  );
  for (const f of dictionary.fields) {
    const required = typeof f.required === "string" ? f.required : pick(f.required.text, ctx.lang);
    const pointsAt = f.namePointsAt;
    const warning = pointsAt
      ? pick(
          {
            zh: `（定义名称指向 ${pointsAt}，已被改动）`,
            en: ` (its defined name points at ${pointsAt}: altered)`,
          },
          ctx.lang,
        )
      : "";
    ctx.console.out(
      `${f.id.padEnd(48)} ${`${f.sheet}!${f.cell}`.padEnd(12)} ${f.type.padEnd(8)} ${required.padEnd(10)} ${pick(f.label, ctx.lang)}${warning}`,
    );
  }
  return 0;
}

export const fields = defineCommand({
  name: "fields",
  usage: {
    zh: "fields [--json] [文件.xlsx] [--province 江苏 --profile ...]",
    en: "fields [--json] [FILE.xlsx] [--province Jiangsu --profile ...]",
  },
  summary: {
    zh: "列出字段字典（字段编号、定义名称、单元格、类型、是否必填）",
    en: "prints the field dictionary (field ids, defined names, cells, types, when required)",
  },
  options: {
    json: { type: "boolean" },
    province: { type: "string" },
    profile: { type: "string" },
    spec: { type: "string" },
  },
  run: (ctx, v, positionals) =>
    fieldsCommand(ctx, {
      json: v.json,
      file: positionals[0],
      province: v.province,
      profile: v.profile,
      spec: v.spec,
    }),
});

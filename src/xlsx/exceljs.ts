/**
 * ExcelJS, loaded the first time a workbook is made or loaded for writing. Requiring it (with the fixes
 * applied to its internals) takes about half a second of a command's start, which `validate`, `info` and
 * `fields` never need: they read through the report reader. Types come from `import type`, which costs
 * nothing at run time.
 */
import type ExcelJSModule from "exceljs";

let loaded: typeof ExcelJSModule | undefined;

/** ExcelJS with the fixes to its internals applied (exceljs-fixes.ts). */
export function excelJs(): typeof ExcelJSModule {
  if (!loaded) {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
    require("./exceljs-fixes");
    loaded = require("exceljs") as typeof ExcelJSModule;
    /* eslint-enable @typescript-eslint/no-require-imports */
  }
  return loaded;
}

/** A new, empty ExcelJS workbook. */
export function newWorkbook(): ExcelJSModule.Workbook {
  return new (excelJs().Workbook)();
}

/** ExcelJS's cell value types (ExcelJS.ValueType). */
export function valueTypes(): typeof ExcelJSModule.ValueType {
  return excelJs().ValueType;
}

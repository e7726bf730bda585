/**
 * The browser's stand-in for src/xlsx/exceljs-fixes.ts (swapped in by webpack.checker.js). That fix makes
 * ExcelJS under Node hand JSZip UTF-8 bytes instead of strings; ExcelJS's browser build already does.
 */
export {};

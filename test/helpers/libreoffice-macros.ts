import { join } from "node:path";
import { UnoOffice } from "./uno-office";

/** What LibreOffice loaded from a file: Basic library → module → code. */
export type BasicLibraries = Record<string, Record<string, string>>;

/**
 * One headless LibreOffice driven through Python UNO (uno_macros.py):
 * it makes real macro-enabled workbooks (LibreOffice writes the VBA project itself) and says which macro modules
 * it finds in a file.
 */
export class MacroOffice extends UnoOffice {
  constructor() {
    super("xlsm");
  }

  private run(args: string[]): unknown {
    return this.runScript(join(__dirname, "uno_macros.py"), args, 300_000);
  }

  /** Saves `input` as the .xlsm `output` with one VBA module `module` holding `code`. */
  makeMacroWorkbook(input: string, output: string, module: string, code: string): string {
    this.run(["make", input, output, module, code]);
    return output;
  }

  /** The Basic libraries and modules LibreOffice loads from each file. */
  basicLibraries(files: string[]): Record<string, BasicLibraries> {
    return this.run(["list", ...files]) as Record<string, BasicLibraries>;
  }
}

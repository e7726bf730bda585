import type { LocalizedText } from "../spec/schema";

/**
 * The one base of every error a person is meant to read: bad input, a refused operation, a file that cannot be
 * used. `detail` is the precise sentence in both languages; the command line and the task pane both show it (the
 * pane as it is, the command line as `line()`, which may add what a person at a terminal needs to act). Anything
 * else that is thrown is a defect, and both say so as such.
 */
export class LocalizedError extends Error {
  constructor(
    readonly detail: LocalizedText,
    name: string,
  ) {
    super(detail.en);
    this.name = name;
  }

  /** The one line the command line prints. */
  line(): LocalizedText {
    return this.detail;
  }
}

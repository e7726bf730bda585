import { SingleBar } from "cli-progress";
import { basename } from "node:path";

/** Per-file progress: a bar on a terminal, a plain line per file otherwise (logs, pipes, CI). */
export interface Progress {
  file(done: number, file: string, line: string): void;
  stop(): void;
}

export function progressFor(total: number, plain: (line: string) => void, tty: boolean): Progress {
  if (!tty) {
    return {
      file: (done, _file, line) => plain(`[${done}/${total}] ${line}`),
      stop: () => undefined,
    };
  }
  const bar = new SingleBar({
    format: "{bar} {value}/{total} {file}",
    barCompleteChar: "█",
    barIncompleteChar: "░",
    hideCursor: true,
    clearOnComplete: true,
    stream: process.stderr,
  });
  bar.start(total, 0, { file: "" });
  return {
    file: (done, file) => bar.update(done, { file: basename(file) }),
    stop: () => bar.stop(),
  };
}

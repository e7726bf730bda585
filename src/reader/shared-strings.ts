import { StopParsing, XmlStream } from "./xml";
import type { ZipArchive } from "./zip";

/**
 * Reads the shared strings a reading needs, and no others: a table bloated with junk strings is streamed
 * past, never held. Rich text is joined run by run; phonetic guides (`rPh`) are not part of the text.
 */
export function readSharedStrings(
  zip: ZipArchive,
  part: string | undefined,
  wanted: Set<number>,
): Map<number, string> {
  const out = new Map<number, string>();
  if (!part || wanted.size === 0) return out;
  const last = Math.max(...wanted);
  let index = -1;
  let text: string | undefined;
  let inText = false;
  let inPhonetic = false;
  const stream = new XmlStream({
    open(tag) {
      if (tag === "si") {
        index++;
        if (index > last) throw new StopParsing();
        text = wanted.has(index) ? "" : undefined;
      } else if (tag === "t") inText = text !== undefined && !inPhonetic;
      else if (tag === "rPh") inPhonetic = true;
    },
    text(t) {
      if (inText) text += t;
    },
    close(tag) {
      if (tag === "t") inText = false;
      else if (tag === "rPh") inPhonetic = false;
      else if (tag === "si" && text !== undefined) {
        out.set(index, text);
        text = undefined;
      }
    },
  });
  const decoder = new TextDecoder("utf-8");
  try {
    zip.inflate(part, (chunk) => {
      if (!stream.write(decoder.decode(chunk, { stream: true }))) throw new StopParsing();
    });
  } catch (err) {
    // Stopped past the last string wanted: the rest of the table is never inflated.
    if (!(err instanceof StopParsing)) throw err;
    return out;
  }
  stream.end();
  return out;
}

import { SaxesParser, type SaxesTagPlain } from "saxes";
import { ReportFileError } from "./errors";

/** A parser's own way to stop early: thrown by a handler, caught by `parseXml`. */
export class StopParsing extends Error {}

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Element names without their namespace prefix: some writers spell `<x:c>` for `<c>`. */
function local(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function unsafe(): ReportFileError {
  return new ReportFileError("unsafe-xml", {
    zh: "文件含有 XML 实体声明（DOCTYPE），可能是恶意构造，拒绝打开",
    en: "the file holds XML entity declarations (DOCTYPE), a sign of a crafted file; refused",
  });
}

/**
 * A streaming XML reader for one part: write decoded text in slices, handlers see local names. A DOCTYPE
 * is refused outright (no entity is ever declared, so none can expand); undefined entities are errors.
 */
export class XmlStream {
  private readonly parser = new SaxesParser<{ xmlns: false }>({ xmlns: false });
  private stopped = false;

  constructor(handlers: XmlHandlers) {
    const p = this.parser;
    p.on("doctype", () => {
      throw unsafe();
    });
    if (handlers.open) {
      const open = handlers.open;
      p.on("opentag", (tag: SaxesTagPlain) =>
        open(local(tag.name), tag.attributes as Record<string, string>),
      );
    }
    if (handlers.close) {
      const close = handlers.close;
      p.on("closetag", (tag: SaxesTagPlain) => close(local(tag.name)));
    }
    if (handlers.text) {
      const text = handlers.text;
      p.on("text", text);
      p.on("cdata", text);
    }
  }

  /** Feeds text; returns false once a handler stopped the parse. */
  write(text: string): boolean {
    if (this.stopped) return false;
    try {
      this.parser.write(text);
    } catch (err) {
      if (err instanceof StopParsing) {
        this.stopped = true;
        return false;
      }
      throw asXmlError(err);
    }
    return true;
  }

  end(): void {
    if (this.stopped) return;
    try {
      this.parser.close();
    } catch (err) {
      if (err instanceof StopParsing) return;
      throw asXmlError(err);
    }
  }
}

function asXmlError(err: unknown): unknown {
  if (err instanceof ReportFileError) return err;
  const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
  return new ReportFileError("corrupt", {
    zh: `文件无法解析为 Excel 工作簿（XML 有误：${message}）`,
    en: `the file cannot be parsed as an Excel workbook (bad XML: ${message})`,
  });
}

/** Parses a whole small part. */
export function parseXml(text: string, handlers: XmlHandlers): void {
  const stream = new XmlStream(handlers);
  if (stream.write(text)) stream.end();
}

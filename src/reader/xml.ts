import { ReportFileError } from "./errors";

/**
 * A parser's own way to stop early: thrown by a handler, caught by the stream. Not an Error: thrown on
 * every early stop, it need not capture a stack.
 */
export class StopParsing {
  readonly stop = true;
}

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

function malformed(why: string): ReportFileError {
  return new ReportFileError("corrupt", {
    zh: `文件无法解析为 Excel 工作簿（XML 有误：${why}）`,
    en: `the file cannot be parsed as an Excel workbook (bad XML: ${why})`,
  });
}

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([A-Za-z][\w.-]*))?;?/g;

/** Resolves the five predefined entities and character references; any other entity is an error. */
function decode(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (m, dec?: string, hex?: string, name?: string) => {
    if (!m.endsWith(";")) throw malformed(`“${m}”`);
    if (name !== undefined) {
      const ch = PREDEFINED[name];
      if (ch === undefined) throw malformed(`undefined entity &${name};`);
      return ch;
    }
    const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex ?? "", 16);
    if (!(code > 0 && code <= 0x10ffff)) throw malformed(`bad character reference ${m}`);
    return String.fromCodePoint(code);
  });
}

/** Whether a tag's text has an even number of each quote (else a '>' sat inside a value). */
function balancedQuotes(body: string): boolean {
  if (body.indexOf("'") < 0) {
    let n = 0;
    for (let i = body.indexOf('"'); i >= 0; i = body.indexOf('"', i + 1)) n++;
    return n % 2 === 0;
  }
  return /^(?:[^"']|"[^"]*"|'[^']*')*$/.test(body);
}

const START_TAG = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const END_TAG = /<\/([^\s>]+)\s*>/y;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** No tag of a spreadsheet part is anywhere near this long; a longer unfinished one is not XML. */
const MAX_PENDING_TAG = 1024 * 1024;

/**
 * A streaming XML tokenizer for the parts of a spreadsheet, written for speed (measured 4× faster than a
 * general parser on report parts) and strict where safety needs it: a DOCTYPE is refused outright (no
 * entity is ever declared, so none can expand), undefined entities and mismatched tags are errors.
 * Write decoded text in slices; handlers see local names and decoded text and attribute values.
 */
export class XmlStream {
  private pending = "";
  private stopped = false;
  private readonly stack: string[] = [];
  private rootClosed = false;

  constructor(private readonly handlers: XmlHandlers) {}

  /** Feeds text; returns false once a handler stopped the parse. */
  write(text: string): boolean {
    if (this.stopped) return false;
    this.pending += text;
    try {
      this.pending = this.consume(this.pending, false);
    } catch (err) {
      if (err instanceof StopParsing) {
        this.stopped = true;
        this.pending = "";
        return false;
      }
      throw err;
    }
    return true;
  }

  end(): void {
    if (this.stopped) return;
    try {
      const rest = this.consume(this.pending, true);
      if (rest.trim() !== "") throw malformed("unfinished tag at the end");
      if (this.stack.length > 0) throw malformed(`<${this.stack[this.stack.length - 1]}> never closed`);
    } catch (err) {
      if (err instanceof StopParsing) return;
      throw err;
    }
  }

  /** Handles every complete token of `s`; returns what is left for the next slice. */
  private consume(s: string, final: boolean): string {
    const { handlers } = this;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf("<", pos);
      if (lt < 0) return s.slice(pos);
      if (lt > pos) this.textBetween(s.slice(pos, lt));
      pos = lt;
      const next = s.charCodeAt(pos + 1);
      if (next === 63 /* ? */ || next === 33 /* ! */) {
        const done = this.special(s, pos, final);
        if (done < 0) return s.slice(pos);
        pos = done;
        continue;
      }
      if (next === 47 /* / */) {
        END_TAG.lastIndex = pos;
        const m = END_TAG.exec(s);
        if (!m) {
          if (!final && s.indexOf(">", pos) < 0) return s.slice(pos);
          throw malformed("bad closing tag");
        }
        const open = this.stack.pop();
        if (open !== m[1]) throw malformed(`</${m[1]}> closes <${open ?? ""}>`);
        if (this.stack.length === 0) this.rootClosed = true;
        pos = END_TAG.lastIndex;
        handlers.close?.(local(m[1]));
        continue;
      }
      const gt = s.indexOf(">", pos);
      if (gt < 0) {
        if (!final && s.length - pos < MAX_PENDING_TAG) return s.slice(pos);
        throw malformed("unfinished tag");
      }
      let body = s.slice(pos + 1, gt);
      let end = gt + 1;
      if (!balancedQuotes(body)) {
        // A '>' inside an attribute value: take the tag the long way.
        START_TAG.lastIndex = pos;
        const m = START_TAG.exec(s);
        if (!m) {
          if (!final && s.length - pos < MAX_PENDING_TAG) return s.slice(pos);
          throw malformed("bad tag");
        }
        body = s.slice(pos + 1, START_TAG.lastIndex - 1);
        end = START_TAG.lastIndex;
      }
      pos = end;
      const selfClosing = body.charCodeAt(body.length - 1) === 47; /* / */
      if (selfClosing) body = body.slice(0, -1);
      const space = body.search(/\s/);
      const name = space < 0 ? body : body.slice(0, space);
      if (name === "") throw malformed("bad tag");
      if (this.rootClosed) throw malformed("a second root element");
      if (selfClosing) {
        if (this.stack.length === 0) this.rootClosed = true;
      } else this.stack.push(name);
      if (handlers.open) {
        const attributes: Record<string, string> = {};
        if (space >= 0) {
          const rest = body.slice(space);
          ATTRIBUTE.lastIndex = 0;
          for (let a = ATTRIBUTE.exec(rest); a; a = ATTRIBUTE.exec(rest))
            attributes[a[1]] = decode(a[2] ?? a[3] ?? "");
        }
        handlers.open(local(name), attributes);
      }
      if (selfClosing) handlers.close?.(local(name));
    }
  }

  private textBetween(raw: string): void {
    if (this.stack.length === 0) {
      if (raw.trim() !== "") throw malformed("text outside the root element");
      return;
    }
    this.handlers.text?.(decode(raw));
  }

  /** `<?..?>`, `<!--..-->`, `<![CDATA[..]]>`; a DOCTYPE is refused. Returns the position after, or -1. */
  private special(s: string, pos: number, final: boolean): number {
    const need = (end: string, from: number) => {
      const at = s.indexOf(end, from);
      if (at < 0 && final) throw malformed("unfinished markup");
      return at < 0 ? -1 : at + end.length;
    };
    if (s.startsWith("<?", pos)) return need("?>", pos + 2);
    if (s.startsWith("<!--", pos)) return need("-->", pos + 4);
    if (s.startsWith("<![CDATA[", pos)) {
      const end = need("]]>", pos + 9);
      if (end > 0) {
        if (this.stack.length === 0) throw malformed("CDATA outside the root element");
        this.handlers.text?.(s.slice(pos + 9, end - 3));
      }
      return end;
    }
    if (s.length - pos < 9 && !final) return -1; // "<!DOCTYPE" or "<![CDATA[" may still be cut
    throw s.slice(pos, pos + 9).toUpperCase() === "<!DOCTYPE" ? unsafe() : malformed("bad markup");
  }
}

/** Parses a whole small part. */
export function parseXml(text: string, handlers: XmlHandlers): void {
  const stream = new XmlStream(handlers);
  if (stream.write(text)) stream.end();
}

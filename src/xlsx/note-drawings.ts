import { strFromU8, strToU8, unzipSync } from "fflate";
import { zipParts } from "./zip-write";

const VML_PART = /^xl\/drawings\/vmlDrawing(\d+)\.vml$/;
const SHAPES_PER_BLOCK = 1024;

/** Rows and columns a note's pop-up spans: ExcelJS's default (2 × 4) cuts a validation message short. */
const NOTE_BOX = { columns: 4, rows: 9 };

function enlargedAnchor(anchor: string): string {
  const parts = anchor.split(",").map((p) => Number(p.trim()));
  if (parts.length !== 8 || parts.some((p) => !Number.isFinite(p))) return anchor;
  const [left, leftOffset, top, topOffset, , rightOffset, , bottomOffset] = parts;
  return [
    left,
    leftOffset,
    top,
    topOffset,
    left + NOTE_BOX.columns,
    rightOffset,
    top + NOTE_BOX.rows,
    bottomOffset,
  ].join(", ");
}

/**
 * Gives one VML drawing its own block(s) of shape ids. Excel reads the shape ids of all drawings as one
 * space, split into blocks of 1,024 that each drawing claims in its <o:idmap data="…">.
 */
function renumberDrawing(vml: string, firstBlock: number): { vml: string; blocks: number } {
  const shapes = (vml.match(/<v:shape\s[^>]*\bid="_x0000_s\d+"/g) ?? []).length;
  const blocks = Math.floor(shapes / SHAPES_PER_BLOCK) + 1;
  const blockList = Array.from({ length: blocks }, (_, i) => firstBlock + i).join(",");
  let k = 0;
  const renumbered = vml
    .replace(/(<o:idmap\b[^>]*\bdata=")[^"]*(")/, `$1${blockList}$2`)
    .replace(/(<v:shape\s[^>]*\bid="_x0000_s)\d+(")/g, (_, head: string, tail: string) => {
      k++;
      return `${head}${firstBlock * SHAPES_PER_BLOCK + k}${tail}`;
    })
    .replace(
      /(<x:Anchor>)([^<]*)(<\/x:Anchor>)/g,
      (_, open: string, anchor: string, close: string) => `${open}${enlargedAnchor(anchor)}${close}`,
    );
  return { vml: renumbered, blocks };
}

/**
 * ExcelJS 4.4 writes every note drawing with <o:idmap data="1"/> and the same shape ids, and Excel then
 * calls a workbook with notes on two or more sheets corrupt (exceljs PR #3070). This gives each
 * vmlDrawingN.vml of the unzipped parts its own id block and ids, in place.
 */
function renumberDrawings(parts: Record<string, Uint8Array>): void {
  const drawings = Object.keys(parts)
    .map((name) => ({ name, n: Number(VML_PART.exec(name)?.[1] ?? NaN) }))
    .filter((p) => Number.isFinite(p.n))
    .sort((a, b) => a.n - b.n);
  let nextBlock = 1;
  for (const part of drawings) {
    // Block N for vmlDrawingN where room allows, as Excel itself numbers them.
    const first = Math.max(nextBlock, part.n);
    const { vml, blocks } = renumberDrawing(strFromU8(parts[part.name]), first);
    parts[part.name] = strToU8(vml);
    nextBlock = first + blocks;
  }
}

/**
 * The package ready for disk: its note drawings renumbered (above) and every part deflated once, at
 * zlib's default level. ExcelJS is asked for a stored (uncompressed) package, so nothing is deflated
 * twice, and the deflating is zlib's (src/xlsx/deflate.ts), not JSZip's pako: together most of the time
 * a copy took to write. Folder entries are dropped: Excel writes none and no reader needs them.
 */
export async function fixNoteDrawings(bytes: Uint8Array): Promise<Buffer> {
  const parts = unzipSync(bytes);
  renumberDrawings(parts);
  const zip = zipParts(Object.entries(parts).filter(([name]) => !name.endsWith("/")));
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}

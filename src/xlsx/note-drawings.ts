import JSZip from "jszip";

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
 * calls a workbook with notes on two or more sheets corrupt (exceljs PR #3070). This rewrites the written
 * package so that each vmlDrawingN.vml has its own id block and ids; a package without notes is returned as is.
 */
export async function fixNoteDrawings(bytes: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files)
    .map((name) => ({ name, n: Number(VML_PART.exec(name)?.[1] ?? NaN) }))
    .filter((p) => Number.isFinite(p.n))
    .sort((a, b) => a.n - b.n);
  if (parts.length === 0) return Buffer.from(bytes);
  let nextBlock = 1;
  for (const part of parts) {
    const file = zip.file(part.name);
    if (!file) continue;
    // Block N for vmlDrawingN where room allows, as Excel itself numbers them.
    const first = Math.max(nextBlock, part.n);
    const { vml, blocks } = renumberDrawing(await file.async("string"), first);
    zip.file(part.name, vml);
    nextBlock = first + blocks;
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

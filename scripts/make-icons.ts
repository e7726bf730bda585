/**
 * Draws the add-in's ribbon and catalogue icons and writes them as PNGs into assets/.
 * Run: npx tsx scripts/make-icons.ts. The PNGs are committed; this script is how they were made.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodePng, type Raster } from "./png";

type Rgb = [number, number, number];
/** A shape in unit coordinates (0..1 across the icon), tested at a point. */
type Shape = (x: number, y: number) => boolean;
interface Layer {
  shape: Shape;
  color: Rgb;
}

const BRAND: Rgb = [0x0f, 0x6c, 0xbd]; // Fluent's brand blue: the pane
const GREEN: Rgb = [0x10, 0x7c, 0x10]; // Excel green: validation
const WHITE: Rgb = [0xff, 0xff, 0xff];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function rect(x0: number, y0: number, x1: number, y1: number): Shape {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

/** A thick polyline: points within width/2 of any segment. */
function stroke(points: [number, number][], width: number): Shape {
  const half = width / 2;
  return (x, y) =>
    points.slice(1).some(([bx, by], i) => {
      const [ax, ay] = points[i];
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= half * half;
    });
}

/** Paints layers bottom to top with 4x4 supersampling, so edges stay smooth at 16 px. */
function render(size: number, layers: Layer[]): Raster {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  const topFirst = [...layers].reverse();
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          const top = topFirst.find((layer) => layer.shape(x, y));
          if (!top) continue;
          r += top.color[0];
          g += top.color[1];
          b += top.color[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return { width: size, height: size, rgba };
}

/** The report: a sheet with ruled lines on a blue tile. */
const PANE: Layer[] = [
  { shape: roundedRect(0.04, 0.04, 0.96, 0.96, 0.16), color: BRAND },
  { shape: roundedRect(0.24, 0.16, 0.76, 0.84, 0.05), color: WHITE },
  ...[0.34, 0.5, 0.66].map((y) => ({ shape: rect(0.33, y - 0.035, 0.67, y + 0.035), color: BRAND })),
];

/** Validation: a check mark on a green tile. */
const VALIDATE: Layer[] = [
  { shape: roundedRect(0.04, 0.04, 0.96, 0.96, 0.16), color: GREEN },
  {
    shape: stroke(
      [
        [0.24, 0.52],
        [0.42, 0.7],
        [0.76, 0.32],
      ],
      0.14,
    ),
    color: WHITE,
  },
];

/** 16/32/80 for ribbon buttons; 64 and 128 for the catalogue (IconUrl, HighResolutionIconUrl). */
const ICONS: { name: string; layers: Layer[]; sizes: number[] }[] = [
  { name: "icon", layers: PANE, sizes: [16, 32, 64, 80, 128] },
  { name: "validate", layers: VALIDATE, sizes: [16, 32, 80] },
];

export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const icon of ICONS) {
    for (const size of icon.sizes) {
      const file = join(dir, `${icon.name}-${size}.png`);
      writeFileSync(file, encodePng(render(size, icon.layers)));
      written.push(file);
    }
  }
  return written;
}

if (require.main === module) {
  for (const file of writeIcons(join(__dirname, "..", "assets"))) console.log(file);
}

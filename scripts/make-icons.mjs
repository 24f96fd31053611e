// Draws the add-in's PNG icons (assets/*-16/32/64/80.png) from simple shapes, with no image library.
// Run once after changing a design: node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const RED = [196, 43, 28, 255];
const BLUE = [15, 108, 189, 255];
const GREEN = [16, 124, 16, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

const inBox = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
/** A ruled table: frame and grid lines in `color` on white. */
function table(x, y, color) {
  if (!inBox(x, y, 0.1, 0.12, 0.9, 0.88)) return CLEAR;
  const line = 0.07;
  const onGrid = [0.1, 0.36, 0.62, 0.9].some((v) => Math.abs(y - v) < line / 2 + 0.02) || [0.1, 0.4, 0.9].some((v) => Math.abs(x - v) < line / 2 + 0.02);
  if (y < 0.36) return color;
  return onGrid ? color : WHITE;
}
const designs = {
  icon: (x, y) => table(x, y, RED),
  insert: (x, y) => {
    const plus = (Math.abs(x - 0.75) < 0.06 && inBox(x, y, 0.55, 0.55, 0.95, 0.95) && Math.abs(y - 0.75) < 0.2) || (Math.abs(y - 0.75) < 0.06 && Math.abs(x - 0.75) < 0.2);
    if (plus) return GREEN;
    return table(x * 1.15, y * 1.15, BLUE);
  },
  validate: (x, y) => {
    const onCheck = Math.abs(y - (0.55 + (x - 0.2))) < 0.08 && inBox(x, y, 0.18, 0.4, 0.45, 0.85);
    const onLong = Math.abs(y - (0.8 - (x - 0.42) * 1.3)) < 0.08 && inBox(x, y, 0.4, 0.15, 0.88, 0.85);
    return onCheck || onLong ? GREEN : CLEAR;
  },
  finalize: (x, y) => {
    const d = Math.hypot(x - 0.5, y - 0.5);
    if (d > 0.28 && d < 0.4) return RED;
    if (d <= 0.18) return RED;
    return CLEAR;
  },
  taskpane: (x, y) => {
    if (!inBox(x, y, 0.1, 0.15, 0.9, 0.85)) return CLEAR;
    if (inBox(x, y, 0.14, 0.19, 0.58, 0.81)) return WHITE;
    return BLUE;
  },
};
mkdirSync("assets", { recursive: true });
for (const [name, draw] of Object.entries(designs)) {
  const sizes = name === "icon" ? [16, 32, 64, 80, 128] : [16, 32, 80];
  for (const size of sizes) writeFileSync(`assets/${name}-${size}.png`, png(size, draw));
}
console.log("icons written to assets/");

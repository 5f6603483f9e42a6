// Draws the app icons (PNG, no image library): a white eye on Pantau blue, for the web manifest.
// `tsx scripts/make-icons.ts` writes public/icons/*.png; the PNGs are committed, so builds need no script.
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BLUE = [0x0b, 0x53, 0x94];
const WHITE = [0xff, 0xff, 0xff];

function crc32(buf: Buffer) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** size: pixels; safe: fraction of the edge the drawing may use (maskable icons keep to the inner 80%). */
function icon(size: number, { rounded, safe }: { rounded: boolean; safe: number }) {
  const rows: Buffer[] = [];
  const c = size / 2;
  const r = (size * safe) / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const dx = (x + 0.5 - c) / r;
      const dy = (y + 0.5 - c) / r;
      // rounded square background for the plain icon, full bleed for the maskable one
      const corner = 0.22 * size;
      const cx = Math.max(corner - x - 0.5, x + 0.5 - (size - corner), 0);
      const cy = Math.max(corner - y - 0.5, y + 0.5 - (size - corner), 0);
      const inside = !rounded || cx * cx + cy * cy <= corner * corner;
      // eye: almond shape of two circle arcs, a blue iris ring and a white pupil
      const almond = (dx * dx) / 0.64 + (dy * dy) / 0.18 <= 1;
      const d = Math.hypot(dx, dy);
      let colour = BLUE;
      if (almond) colour = d < 0.3 ? (d < 0.14 ? WHITE : BLUE) : WHITE;
      const o = 1 + x * 4;
      row[o] = colour[0];
      row[o + 1] = colour[1];
      row[o + 2] = colour[2];
      row[o + 3] = inside ? 255 : 0;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync("public/icons", { recursive: true });
writeFileSync("public/icons/icon-192.png", icon(192, { rounded: true, safe: 0.9 }));
writeFileSync("public/icons/icon-512.png", icon(512, { rounded: true, safe: 0.9 }));
writeFileSync("public/icons/maskable-512.png", icon(512, { rounded: false, safe: 0.7 }));
writeFileSync("public/icons/apple-touch-icon.png", icon(180, { rounded: false, safe: 0.8 }));
console.log("icons written to public/icons");

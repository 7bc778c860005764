// The app's icons, drawn here (no image tools, nothing fetched): a white parcel on the brand blue, as PNGs for
// the manifest and an SVG for the tab. Run `node web/scripts/make-icons.ts` after changing the drawing.
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const blue = [0x1c, 0x7e, 0xd6];
const white = [0xff, 0xff, 0xff];

/** Colour at (x, y) in a unit square; `inset` shrinks the parcel for maskable icons' safe zone. */
function colourAt(x: number, y: number, inset: number): number[] {
  const s = (v: number) => (v - 0.5) / (1 - 2 * inset) + 0.5;
  const [u, v] = [s(x), s(y)];
  const inBox = u > 0.22 && u < 0.78 && v > 0.3 && v < 0.78;
  const lid = u > 0.18 && u < 0.82 && v > 0.22 && v < 0.36;
  const tape = u > 0.45 && u < 0.55 && v > 0.22 && v < 0.55;
  const seam = v > 0.355 && v < 0.375 && u > 0.22 && u < 0.78;
  if (tape) return blue;
  if (seam) return blue;
  return inBox || lid ? white : blue;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function png(size: number, inset: number): Buffer {
  const rows = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const colour = colourAt((x + 0.5) / size, (y + 0.5) / size, inset);
      colour.forEach((c, i) => (rows[y * (size * 3 + 1) + 1 + x * 3 + i] = c));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<rect width="100" height="100" rx="18" fill="#1c7ed6"/>
<rect x="22" y="30" width="56" height="48" fill="#fff"/><rect x="18" y="22" width="64" height="14" fill="#fff"/>
<rect x="22" y="35.5" width="56" height="2" fill="#1c7ed6"/><rect x="45" y="22" width="10" height="33" fill="#1c7ed6"/>
</svg>
`;

const dir = new URL('../public/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', dir), png(192, 0));
writeFileSync(new URL('icon-512.png', dir), png(512, 0));
writeFileSync(new URL('maskable-512.png', dir), png(512, 0.1));
writeFileSync(new URL('icon.svg', dir), svg);

// Draws the app icons (run once; the PNGs are committed): a white shield with a check on blue.
// Plain Node (zlib for PNG), so no image tooling is needed. The SVG uses the same geometry.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'app', 'icons');
mkdirSync(out, { recursive: true });

const BLUE = [31, 79, 209];
const WHITE = [255, 255, 255];

// Shield outline in a 0..1 box: straight shoulders, sides curving to a point.
function quad(p0, p1, p2, n) {
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = i / n;
    return [(1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t ** 2 * p2[0], (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t ** 2 * p2[1]];
  });
}
const SHIELD = [[0.5, 0.17], [0.77, 0.27], [0.77, 0.47], ...quad([0.77, 0.47], [0.75, 0.72], [0.5, 0.85], 16),
  ...quad([0.5, 0.85], [0.25, 0.72], [0.23, 0.47], 16), [0.23, 0.27]];
const CHECK = [[0.37, 0.51], [0.47, 0.61], [0.65, 0.41]];
const CHECK_WIDTH = 0.055;

function inPolygon(x, y, poly) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

// Colour at a point of the unit square; `scale` < 1 shrinks the drawing into the maskable safe zone.
function colour(x, y, { rounded, scale }) {
  if (rounded) {
    const r = 0.18;
    const cx = Math.min(Math.max(x, r), 1 - r);
    const cy = Math.min(Math.max(y, r), 1 - r);
    if (Math.hypot(x - cx, y - cy) > r) return null;
  }
  const u = (x - 0.5) / scale + 0.5;
  const v = (y - 0.5) / scale + 0.5;
  if (!inPolygon(u, v, SHIELD)) return BLUE;
  const d = Math.min(segmentDistance(u, v, CHECK[0], CHECK[1]), segmentDistance(u, v, CHECK[1], CHECK[2]));
  return d < CHECK_WIDTH / 2 ? BLUE : WHITE;
}

function render(size, options) {
  const samples = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colour((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, options);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a++;
        }
      }
      const o = 1 + px * 4;
      if (a) {
        row[o] = Math.round(r / a); row[o + 1] = Math.round(g / a); row[o + 2] = Math.round(b / a);
      }
      row[o + 3] = Math.round((255 * a) / samples ** 2);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

writeFileSync(join(out, 'icon-192.png'), render(192, { rounded: true, scale: 1 }));
writeFileSync(join(out, 'icon-512.png'), render(512, { rounded: true, scale: 1 }));
// Maskable: full bleed, drawing inside the central 80 % safe zone.
writeFileSync(join(out, 'icon-maskable-512.png'), render(512, { rounded: false, scale: 0.8 }));

const points = (list) => list.map(([x, y]) => `${(x * 512).toFixed(1)},${(y * 512).toFixed(1)}`).join(' ');
writeFileSync(join(out, 'icon.svg'), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="92" fill="rgb(${BLUE})"/>
  <polygon points="${points(SHIELD)}" fill="#fff"/>
  <polyline points="${points(CHECK)}" fill="none" stroke="rgb(${BLUE})" stroke-width="${CHECK_WIDTH * 512}" stroke-linecap="round" stroke-linejoin="round"/>
</svg>
`);
console.log('icons written to app/icons/');

// Draws media/icon.png (128×128): a sine wave passing through three recurrent cells. No image tools needed:
// pixels are computed from distances to shapes (anti-aliased) and written as a PNG with zlib.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const bg = [30, 41, 59];
const wave = [56, 189, 248];
const cell = [251, 191, 36];
const ring = [15, 23, 42];

const wavePts = Array.from({ length: 97 }, (_, i) => [
  16 + i,
  64 - 30 * Math.sin((i / 96) * 2 * Math.PI * 1),
]);
const cells = [
  [16 + 24, 0],
  [16 + 48, 0],
  [16 + 72, 0],
].map(([x]) => [x, 64 - 30 * Math.sin(((x - 16) / 96) * 2 * Math.PI)]);

function segDist(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
/** Signed distance to a rounded square of half-size h and corner radius r centred in the icon. */
function roundedBox(px, py, h, r) {
  const qx = Math.abs(px - N / 2) - (h - r),
    qy = Math.abs(py - N / 2) - (h - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
const cover = (d) => Math.max(0, Math.min(1, 0.5 - d));
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N; x++) {
    const px = x + 0.5,
      py = y + 0.5;
    let rgb = bg;
    let d = Infinity;
    for (let i = 1; i < wavePts.length; i++) d = Math.min(d, segDist(px, py, wavePts[i - 1], wavePts[i]));
    rgb = mix(rgb, wave, cover(d - 3.5));
    for (const [cx, cy] of cells) {
      const dc = Math.hypot(px - cx, py - cy);
      rgb = mix(rgb, ring, cover(dc - 12));
      rgb = mix(rgb, cell, cover(dc - 9));
    }
    const alpha = cover(roundedBox(px, py, 62, 22));
    const o = y * (N * 4 + 1) + 1 + x * 4;
    raw[o] = Math.round(rgb[0]);
    raw[o + 1] = Math.round(rgb[1]);
    raw[o + 2] = Math.round(rgb[2]);
    raw[o + 3] = Math.round(alpha * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);

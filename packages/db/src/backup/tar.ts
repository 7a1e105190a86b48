/**
 * The smallest tar (POSIX ustar) we need: a backup is an ordinary tar file, so `tar tf` lists it
 * and `tar xf` unpacks it with no Evident installed. We write regular files only, each whole from
 * a file on disk (tar needs an entry's size before its data), and read entries back by position,
 * so a restore streams each one straight from the archive. Entries of 8 GiB or more (the ustar
 * size field's limit) are refused rather than written in an extension a reader might not know.
 */
import { open, stat } from "node:fs/promises";

const BLOCK = 512;
const MAX_SIZE = 8 * 1024 ** 3 - 1;

function field(buf: Buffer, offset: number, length: number, value: string): void {
  buf.write(value, offset, length, "utf8");
}

function octal(buf: Buffer, offset: number, length: number, value: number): void {
  field(buf, offset, length, `${value.toString(8).padStart(length - 1, "0")}\0`);
}

/** A ustar header for a regular file. Long names are split into prefix/name at a slash. */
export function tarHeader(name: string, size: number, mode = 0o600, mtime = new Date()): Buffer {
  if (size > MAX_SIZE) throw new Error(`${name} is too large for a tar entry (${size} bytes)`);
  let prefix = "";
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf("/", 155);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
    if (cut <= 0 || Buffer.byteLength(base) > 100 || Buffer.byteLength(prefix) > 155)
      throw new Error(`tar entry name too long: ${name}`);
  }
  const h = Buffer.alloc(BLOCK, 0);
  field(h, 0, 100, base);
  octal(h, 100, 8, mode);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, Math.floor(mtime.getTime() / 1000));
  field(h, 148, 8, "        "); // checksum is computed with this field as spaces
  field(h, 156, 1, "0");
  field(h, 257, 6, "ustar\0");
  field(h, 263, 2, "00");
  field(h, 345, 155, prefix);
  let sum = 0;
  for (const b of h) sum += b;
  field(h, 148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
  return h;
}

export function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest, 0);
}

/** Two zero blocks end an archive. */
export const END_OF_ARCHIVE = Buffer.alloc(BLOCK * 2, 0);

export type TarEntry = { name: string; size: number; mode: number; offset: number };

function readString(buf: Buffer, offset: number, length: number): string {
  const raw = buf.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString("utf8");
}

/** Lists the regular files in a tar, with where each one's data starts. */
export async function listTar(file: string): Promise<TarEntry[]> {
  const { size: total } = await stat(file);
  const fh = await open(file, "r");
  const entries: TarEntry[] = [];
  try {
    const h = Buffer.alloc(BLOCK);
    let pos = 0;
    while (pos + BLOCK <= total) {
      await fh.read(h, 0, BLOCK, pos);
      if (h.every((b) => b === 0)) break;
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
      if (sum !== Number.parseInt(readString(h, 148, 8).trim(), 8))
        throw new Error(`not a tar file, or damaged at byte ${pos}`);
      const size = Number.parseInt(readString(h, 124, 12).trim(), 8);
      const prefix = readString(h, 345, 155);
      const base = readString(h, 0, 100);
      const type = readString(h, 156, 1);
      if (type === "0" || type === "")
        entries.push({
          name: prefix ? `${prefix}/${base}` : base,
          size,
          mode: Number.parseInt(readString(h, 100, 8).trim(), 8),
          offset: pos + BLOCK,
        });
      pos += BLOCK + size + padding(size).length;
      if (pos > total) throw new Error("the archive is cut short");
    }
  } finally {
    await fh.close();
  }
  return entries;
}

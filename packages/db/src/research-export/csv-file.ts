/**
 * A CSV file written as it is made: rows go straight to disk with back-pressure and through a
 * SHA-256, so a file of any size needs only the row at hand, and its checksum is ready when it
 * closes (for the export's audit event and the download page).
 */
import { createHash, type Hash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { type CsvValue, csvField } from "@evident/domain/csv";

export type WrittenFile = { name: string; sha256: string; bytes: number; rows: number };

export class CsvFile {
  private stream: WriteStream;
  private hash: Hash = createHash("sha256");
  private failed: Error | null = null;
  private bytes = 0;
  private rows = 0;
  private pending: string[] = [];

  constructor(
    dir: string,
    readonly name: string,
    header: readonly string[],
  ) {
    this.stream = createWriteStream(path.join(dir, name), { mode: 0o600, highWaterMark: 1 << 20 });
    this.stream.on("error", (e) => {
      this.failed ??= e;
    });
    this.pending.push(this.line(header));
    this.rows = 0;
  }

  private line(values: readonly CsvValue[]): string {
    return `${values.map(csvField).join(",")}\r\n`;
  }

  /** Queues a row; `flush` writes what is queued (call it once per batch). */
  row(values: readonly CsvValue[]): void {
    this.pending.push(this.line(values));
    this.rows++;
  }

  async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(this.pending.join(""), "utf8");
    this.pending = [];
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, "drain");
  }

  async close(): Promise<WrittenFile> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
    if (this.failed) throw this.failed;
    return { name: this.name, sha256: this.hash.digest("hex"), bytes: this.bytes, rows: this.rows };
  }

  destroy(): void {
    this.stream.destroy();
  }
}

/** A small file written whole (dictionary, events, codebook). */
export async function writeSmallCsv(
  dir: string,
  name: string,
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
): Promise<WrittenFile> {
  const f = new CsvFile(dir, name, header);
  for (const r of rows) f.row(r);
  return f.close();
}

/** A small text file written whole (the cohort's definition), with its checksum. */
export async function writeTextFile(dir: string, name: string, text: string): Promise<WrittenFile> {
  const bytes = Buffer.from(text, "utf8");
  await writeFile(path.join(dir, name), bytes, { mode: 0o600 });
  return { name, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length, rows: 0 };
}

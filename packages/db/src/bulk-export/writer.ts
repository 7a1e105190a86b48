/**
 * The Bulk Data export's engine: reads the registry from one snapshot and writes NDJSON files,
 * never holding more than a batch or two of rows. Used by the server's export job (on the app's
 * pool, scoped to the client's clinic, so row-level security holds it to that clinic too) and by
 * `evident fhir export` (one clinic the same way, or every clinic through the system role).
 *
 * - One REPEATABLE READ, read-only transaction (`withSnapshot`): every file is the registry as it
 *   was when the export began, however long it takes, while writers carry on.
 * - Each source is a server-side cursor fetched in batches; the next batch is asked for before the
 *   current one is mapped, so PostgreSQL reads while Node builds JSON.
 * - Files are `<Type>-<n>.ndjson`, a new one every `maxPerFile` resources, written with
 *   back-pressure; `signal` stops the export between batches (a cancelled export's files are the
 *   caller's to remove).
 */

import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { BulkType, ExportProgress } from "@evident/domain/fhir";
import { bulkTypes, ndjsonFileName, toQuestionnaire } from "@evident/domain/fhir";
import { instruments } from "@evident/domain/instruments";
import type pg from "pg";
import { withSnapshot } from "../tenancy";
import { type Lines, type SourceFilter, sourcesFor } from "./sources";

export type BulkExportOptions = {
  pool: pg.Pool;
  /** The clinic whose setting the snapshot carries (the app's pool); null for the system pool. */
  scopedClinicId: string | null;
  /** The clinics to export, one after another into the same files. */
  clinicIds: readonly string[];
  types: readonly BulkType[];
  since: Date | null;
  /** A cohort: the patients with a treatment of this kind (Group export). */
  groupKind: string | null;
  dir: string;
  /** The app's clock: `transactionTime` is read from it just before the snapshot is taken. */
  now: () => Date;
  maxPerFile?: number;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void | Promise<void>;
};

export type ExportedFile = { type: BulkType; file: string; count: number };
export type BulkExportResult = { transactionTime: Date; files: ExportedFile[] };

const nonAscii = /[\u0080-\uffff]/;
const nonAsciiAll = /[\u0080-\uffff]/g;
const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Buffer's own latin1 copy (what `write(s, at, "latin1")` calls after checking its arguments). */
type Latin1Write = { latin1Write(s: string, at: number): number };

/**
 * Lines `from`…`to` as NDJSON bytes. Each line is made ASCII first (a non-ASCII character becomes
 * its \u escape: the same JSON value), so it is copied byte for byte (latin1) into one buffer:
 * joining the lines into one string and encoding it as UTF-8 cost five times as much, and more
 * when one character (an en dash in a title) made the whole string two-byte.
 */
export function ndjsonBuffer(lines: readonly string[], from = 0, to = lines.length): Buffer {
  const ascii: string[] = [];
  let size = 0;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const a = nonAscii.test(line) ? line.replace(nonAsciiAll, unicodeEscape) : line;
    ascii.push(a);
    size += a.length + 1;
  }
  const buffer = Buffer.allocUnsafe(size) as Buffer & Latin1Write;
  let at = 0;
  for (const a of ascii) {
    at += buffer.latin1Write(a, at);
    buffer[at++] = 10;
  }
  return buffer;
}

/** NDJSON files of one export: the open file of each type, rotated at `maxPerFile` lines. */
class NdjsonFiles {
  private open = new Map<BulkType, { stream: WriteStream; file: ExportedFile }>();
  readonly files: ExportedFile[] = [];
  /** A write that failed (the disk, or the directory removed by a cancel): thrown at the next write. */
  private failed: Error | null = null;
  constructor(
    private dir: string,
    private maxPerFile: number,
  ) {}

  async write(type: BulkType, lines: readonly string[]): Promise<void> {
    if (this.failed) throw this.failed;
    let from = 0;
    while (from < lines.length) {
      let current = this.open.get(type);
      if (!current || current.file.count >= this.maxPerFile) {
        if (current) await this.end(current.stream);
        const part = this.files.filter((f) => f.type === type).length + 1;
        const file: ExportedFile = { type, file: ndjsonFileName(type, part), count: 0 };
        const stream = createWriteStream(path.join(this.dir, file.file), {
          mode: 0o600,
          highWaterMark: 1 << 20,
        });
        stream.on("error", (e) => {
          this.failed ??= e;
        });
        current = { stream, file };
        this.open.set(type, current);
        this.files.push(file);
      }
      const take = Math.min(lines.length - from, this.maxPerFile - current.file.count);
      const chunk = ndjsonBuffer(lines, from, from + take);
      current.file.count += take;
      from += take;
      if (!current.stream.write(chunk)) await once(current.stream, "drain");
    }
  }

  private async end(stream: WriteStream): Promise<void> {
    if (this.failed) throw this.failed;
    stream.end();
    await once(stream, "finish");
  }

  async close(): Promise<void> {
    for (const { stream } of this.open.values()) await this.end(stream);
    this.open.clear();
  }

  /** Closes without waiting (after a failure): the caller removes the directory. */
  destroy(): void {
    for (const { stream } of this.open.values()) stream.destroy();
    this.open.clear();
  }
}

class ExportCancelled extends Error {
  constructor() {
    super("the export was cancelled");
    this.name = "AbortError";
  }
}
export const isExportCancelled = (e: unknown) => e instanceof ExportCancelled;

export async function writeBulkExport(o: BulkExportOptions): Promise<BulkExportResult> {
  const batchSize = o.batchSize ?? 2000;
  await mkdir(o.dir, { recursive: true, mode: 0o700 });
  const files = new NdjsonFiles(o.dir, o.maxPerFile ?? 250_000);
  const checkCancelled = () => {
    if (o.signal?.aborted) throw new ExportCancelled();
  };
  try {
    // Read before the snapshot (on the clock that stamps meta.lastUpdated): a change committed in
    // between is in these files and again in the next export `_since` this time, never in neither.
    const transactionTime = o.now();
    await withSnapshot(o.pool, o.scopedClinicId, async (client) => {
      // A cursor is planned for its first rows unless told it will be read to the end.
      await client.query("set local cursor_tuple_fraction = 1");
      const now = transactionTime;
      const sources = sourcesFor(o.types);
      const filters: SourceFilter[] = o.clinicIds.map((clinicId) => ({
        clinicId,
        since: o.since,
        groupKind: o.groupKind,
      }));
      let total = 0;
      for (const s of sources)
        for (const f of filters) {
          const q = s.from(f);
          const counted = await client.query<{ n: number }>({
            text: `select count(*)::int as n ${q.text}`,
            values: q.values,
          });
          total += counted.rows[0]?.n ?? 0;
        }
      const progress: ExportProgress = { done: 0, total, type: null };
      for (const s of sources) {
        progress.type = s.label;
        await o.onProgress?.(progress);
        checkCancelled();
        for (const f of filters) {
          const q = s.from(f);
          await client.query({
            text: `declare bulk_export no scroll cursor for select ${s.columns} ${q.text}`,
            values: q.values,
          });
          const fetch = () => {
            const p = client.query<Record<string, unknown>>(`fetch ${batchSize} from bulk_export`);
            p.catch(() => undefined); // awaited below; never an unhandled rejection if we stop first
            return p;
          };
          let next = fetch();
          for (;;) {
            const batch = (await next).rows;
            if (batch.length === 0) break;
            next = fetch();
            const out: Lines = await s.map(batch, { client, clinicId: f.clinicId, now });
            checkCancelled();
            for (const type of s.outputs) await files.write(type, out[type] ?? []);
            progress.done += batch.length;
            await o.onProgress?.(progress);
          }
          await client.query("close bulk_export");
        }
      }
      if (o.types.includes("Questionnaire"))
        await files.write(
          "Questionnaire",
          instruments.map((def) => JSON.stringify(toQuestionnaire(def))),
        );
    });
    await files.close();
    const order = (f: ExportedFile) => bulkTypes.indexOf(f.type) * 1e6 + files.files.indexOf(f);
    return { transactionTime, files: [...files.files].sort((a, b) => order(a) - order(b)) };
  } catch (e) {
    files.destroy();
    throw e;
  }
}

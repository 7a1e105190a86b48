/**
 * An online, consistent backup of an Evident database, while the server keeps serving.
 *
 * A logical copy in our own small format rather than a physical one: the embedded package ships
 * no pg_dump or pg_basebackup, and the operating system's pg_dump may be older than the embedded
 * PostgreSQL 17 (pg_dump refuses newer servers). Every table is read with COPY inside ONE
 * read-only REPEATABLE READ transaction, so all of them come from the same snapshot however long
 * the backup takes and whatever is written meanwhile (MVCC: nobody waits on it). The archive is a
 * tar: `manifest.json` first (what was copied, from which snapshot and migrations, each table's
 * row count and digest and each entry's SHA-256), then each table's COPY text, gzipped, then any
 * files from beside the database (the caller's choice: the audit key and anchors). The SHA-256 of
 * the whole file is returned and written beside it as `<file>.sha256` (sha256sum's format).
 *
 * Not covered: database roles and passwords, server settings, other databases in the cluster. A
 * restore builds the schema by running the migrations up to the backup's, then loads the rows.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { chmod, mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import {
  ByteDigest,
  copyOutSql,
  fixOutputSettings,
  listSequences,
  listTables,
  type SequenceValue,
  TableDigest,
  type TableSpec,
} from "./tables";
import { END_OF_ARCHIVE, padding, tarHeader } from "./tar";

export const BACKUP_FORMAT = "evident-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const ARCHIVE_ROOT = "evident-backup";

export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The snapshot's time (the transaction's start). */
  takenAt: string;
  database: string;
  serverVersion: string;
  evidentVersion: string | null;
  /** Drizzle's migration journal at the snapshot: the schema the rows belong to. */
  migrations: { hash: string; createdAt: number }[];
  tables: (TableSpec & { rows: number; sha256: string; entry: string; entrySha256: string; bytes: number })[];
  sequences: SequenceValue[];
  files: { path: string; entry: string; sha256: string; bytes: number; mode: number }[];
  notCovered: string[];
};

export type BackupResult = { file: string; sha256: string; bytes: number; manifest: BackupManifest };

export type BackupOptions = {
  /** The archive to write; it appears only when complete (written aside, then renamed). */
  out: string;
  /** Files from outside the database, copied before the snapshot is taken (see restore). */
  files?: { path: string; source: string }[];
  evidentVersion?: string;
  /** Rows copied so far, of an estimated total. */
  onProgress?: (rows: number, estimatedTotal: number) => void;
  /** Called with the exported snapshot id while it can still be imported (tests compare with it). */
  onSnapshot?: (snapshotId: string) => Promise<void>;
};

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

type Part = { entry: string; file: string; size: number; mode: number };

/** Copies every table of the snapshot to gzipped files in `dir`. */
async function copyTables(
  client: pg.PoolClient,
  dir: string,
  tables: TableSpec[],
  estimate: number,
  onProgress?: BackupOptions["onProgress"],
): Promise<{ manifest: BackupManifest["tables"]; parts: Part[] }> {
  const manifest: BackupManifest["tables"] = [];
  const parts: Part[] = [];
  let done = 0;
  for (const [i, t] of tables.entries()) {
    const entry = `data/${String(i + 1).padStart(4, "0")}-${t.schema}.${t.name}.copy.gz`;
    const file = path.join(dir, `${i}.gz`);
    const before = done;
    const digest = new TableDigest((rows) => {
      if (before + rows - done >= 5000) {
        done = before + rows;
        onProgress?.(done, Math.max(estimate, done));
      }
    });
    const stored = new ByteDigest();
    await pipeline(
      client.query(copyTo(copyOutSql(t))),
      digest,
      createGzip({ level: 6 }),
      stored,
      createWriteStream(file, { mode: 0o600 }),
    );
    done = before + digest.rows;
    onProgress?.(done, Math.max(estimate, done));
    manifest.push({
      ...t,
      rows: digest.rows,
      sha256: digest.sha256(),
      entry,
      entrySha256: stored.sha256(),
      bytes: stored.bytes,
    });
    parts.push({ entry, file, size: stored.bytes, mode: 0o600 });
  }
  return { manifest, parts };
}

/** Writes manifest + parts as a tar, hashing every byte written; returns the hash and size. */
async function writeArchive(target: string, manifest: BackupManifest, parts: Part[]): Promise<string> {
  const hash = createHash("sha256");
  const fh = await open(target, "w", 0o600);
  try {
    const write = async (buf: Buffer) => {
      hash.update(buf);
      await fh.write(buf);
    };
    const body = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await write(tarHeader(`${ARCHIVE_ROOT}/manifest.json`, body.length, 0o644));
    await write(body);
    await write(padding(body.length));
    for (const p of parts) {
      await write(tarHeader(`${ARCHIVE_ROOT}/${p.entry}`, p.size, p.mode));
      for await (const chunk of createReadStream(p.file)) await write(chunk as Buffer);
      await write(padding(p.size));
    }
    await write(END_OF_ARCHIVE);
    await fh.sync();
  } finally {
    await fh.close();
  }
  return hash.digest("hex");
}

export async function backupDatabase(pool: pg.Pool, opts: BackupOptions): Promise<BackupResult> {
  const out = path.resolve(opts.out);
  const work = `${out}.parts-${randomBytes(4).toString("hex")}`;
  await mkdir(work, { mode: 0o700 });
  try {
    // Outside files first: anything they record (audit anchors) then predates the snapshot.
    const files: BackupManifest["files"] = [];
    const fileParts: Part[] = [];
    for (const [i, f] of (opts.files ?? []).entries()) {
      const copy = path.join(work, `file-${i}`);
      const { mode } = await stat(f.source);
      await writeFile(copy, await readFile(f.source), { mode: 0o600 });
      const entry = `files/${f.path}`;
      const { size } = await stat(copy);
      files.push({ path: f.path, entry, sha256: await sha256File(copy), bytes: size, mode: mode & 0o777 });
      fileParts.push({ entry, file: copy, size, mode: mode & 0o777 });
    }

    const client = await pool.connect();
    let manifest: BackupManifest;
    let parts: Part[];
    try {
      await client.query("begin isolation level repeatable read, read only");
      // Fail rather than silently copy only the rows a row-level security policy lets us see.
      await client.query("set local row_security = off");
      await fixOutputSettings(client);
      const { rows } = await client.query<{ snapshot: string; at: Date; db: string; version: string }>(
        "select pg_export_snapshot() as snapshot, now() as at, current_database() as db, current_setting('server_version') as version",
      );
      const info = rows[0]!;
      await opts.onSnapshot?.(info.snapshot);
      const migrations = (
        await client.query<{ hash: string; created_at: string }>(
          "select hash, created_at::text from drizzle.__drizzle_migrations order by id",
        )
      ).rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
      const tables = await listTables(client);
      const sequences = await listSequences(client);
      const { rows: est } = await client.query<{ n: string }>(
        "select coalesce(sum(greatest(reltuples, 0)), 0)::bigint::text as n from pg_class where oid = any($1::regclass[])",
        [tables.map((t) => `"${t.schema}"."${t.name}"`)],
      );
      const copied = await copyTables(client, work, tables, Number(est[0]?.n ?? 0), opts.onProgress);
      await client.query("commit");
      manifest = {
        format: BACKUP_FORMAT,
        version: BACKUP_FORMAT_VERSION,
        takenAt: info.at.toISOString(),
        database: info.db,
        serverVersion: info.version,
        evidentVersion: opts.evidentVersion ?? null,
        migrations,
        tables: copied.manifest,
        sequences,
        files,
        notCovered: [
          "database roles and their passwords (a restore makes new credentials)",
          "server settings (postgresql.conf)",
          "other databases in the same cluster",
        ],
      };
      parts = [...copied.parts, ...fileParts];
    } catch (e) {
      await client.query("rollback").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }

    const partial = `${out}.partial`;
    const sha256 = await writeArchive(partial, manifest, parts);
    await rename(partial, out);
    await chmod(out, 0o600);
    await writeFile(`${out}.sha256`, `${sha256}  ${path.basename(out)}\n`);
    return { file: out, sha256, bytes: (await stat(out)).size, manifest };
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(`${out}.partial`, { force: true });
  }
}

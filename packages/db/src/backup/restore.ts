/**
 * Restoring a backup (./backup.ts) into a new embedded data directory.
 *
 * Nothing is written until the archive has proved whole: the SHA-256 of the file (when its
 * `.sha256` is beside it or given) and of every entry against the manifest. Then a new cluster is
 * made in the (empty) directory, the schema is built by running the migrations up to the backup's
 * (never further: the rows belong to that schema; the next `evident start` applies any newer
 * ones), and every table is loaded in ONE transaction with triggers off (the rows are history,
 * not new events: no audit trigger, no foreign-key check of rows from one consistent snapshot).
 * Before that transaction commits, each table's digest is recomputed and must equal the
 * manifest's: a restore either reproduces the snapshot exactly or leaves nothing behind.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createPool, migrate, migrationsFolder } from "../connect";
import { startEmbedded } from "../embedded";
import { ARCHIVE_ROOT, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupManifest } from "./backup";
import { columnList, digestTable, fixOutputSettings, qualified } from "./tables";
import { listTar, type TarEntry } from "./tar";

/** A backup that cannot be restored (damaged, not ours, or for another schema). */
export class BackupError extends Error {
  override name = "BackupError";
}

export type VerifiedBackup = { file: string; manifest: BackupManifest; entries: Map<string, TarEntry> };

function entryStream(file: string, e: TarEntry) {
  return createReadStream(file, { start: e.offset, end: e.offset + e.size - 1 });
}

async function sha256Of(stream: NodeJS.ReadableStream): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Checks the archive: the whole file against `expectedSha256` (or `<file>.sha256` if present),
 * then every entry against the manifest.
 */
export async function verifyBackup(file: string, expectedSha256?: string): Promise<VerifiedBackup> {
  const expected =
    expectedSha256 ??
    (await readFile(`${file}.sha256`, "utf8").then(
      (t) => t.trim().split(/\s+/)[0],
      () => undefined,
    ));
  if (expected) {
    const actual = await sha256Of(createReadStream(file));
    if (actual !== expected.toLowerCase())
      throw new BackupError(`${file} is damaged: its SHA-256 is ${actual}, not ${expected}`);
  }
  const entries = new Map<string, TarEntry>();
  for (const e of await listTar(file).catch((err: Error) => {
    throw new BackupError(`${file} is not a readable backup: ${err.message}`);
  }))
    entries.set(e.name.slice(ARCHIVE_ROOT.length + 1), e);
  const m = entries.get("manifest.json");
  if (!m) throw new BackupError(`${file} is not an Evident backup (no ${ARCHIVE_ROOT}/manifest.json)`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(Buffer.concat(await entryStream(file, m).toArray()).toString("utf8"));
  } catch {
    throw new BackupError(`${file}: its manifest is not readable`);
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== BACKUP_FORMAT_VERSION)
    throw new BackupError(`${file} is not an Evident backup of format version ${BACKUP_FORMAT_VERSION}`);
  for (const part of [
    ...manifest.tables.map((t) => ({ entry: t.entry, sha256: t.entrySha256 })),
    ...manifest.files,
  ]) {
    const e = entries.get(part.entry);
    if (!e) throw new BackupError(`${file} is incomplete: ${part.entry} is missing`);
    if ((await sha256Of(entryStream(file, e))) !== part.sha256)
      throw new BackupError(`${file} is damaged: ${part.entry} does not match its checksum`);
  }
  return { file, manifest, entries };
}

/** Applies this code's migrations up to the backup's, refusing a backup of another schema. */
async function migrateToBackup(pool: pg.Pool, manifest: BackupManifest): Promise<void> {
  const local = readMigrationFiles({ migrationsFolder });
  const wanted = manifest.migrations.map((m) => m.hash);
  const prefix = local.slice(0, wanted.length).map((m) => m.hash);
  if (wanted.length > local.length || prefix.some((h, i) => h !== wanted[i]))
    throw new BackupError(
      "This backup was made with a database schema this version of Evident does not have: restore it with the version that made it.",
    );
  if (wanted.length === local.length) return migrate(pool);
  // Fewer migrations than the code has: a migrations folder cut at the backup's.
  const folder = await mkdtemp(path.join(tmpdir(), "evident-migrations-"));
  try {
    const journal = JSON.parse(await readFile(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"));
    journal.entries = journal.entries.slice(0, wanted.length);
    await mkdir(path.join(folder, "meta"));
    await writeFile(path.join(folder, "meta", "_journal.json"), JSON.stringify(journal));
    for (const e of journal.entries as { tag: string }[])
      await copyFile(path.join(migrationsFolder, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
    await migrate(pool, { folder });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Loads every table and sequence, then checks each table's digest, all in one transaction. */
async function load(
  client: pg.PoolClient,
  backup: VerifiedBackup,
  onProgress?: RestoreProgress,
): Promise<void> {
  const { manifest, entries, file } = backup;
  const total = manifest.tables.reduce((n, t) => n + t.rows, 0);
  let done = 0;
  await client.query("begin");
  try {
    await client.query("set local session_replication_role = replica");
    // The migrations may have seeded rows (e.g. the instrument library): the backup's replace them.
    for (const t of manifest.tables) {
      const { rows } = await client.query(`select exists (select 1 from ${qualified(t)}) as filled`);
      if (rows[0]?.filled) await client.query(`truncate ${qualified(t)}`);
    }
    for (const t of manifest.tables) {
      const copy = client.query(copyFrom(`copy ${qualified(t)} (${columnList(t)}) from stdin`));
      await pipeline(entryStream(file, entries.get(t.entry)!), createGunzip(), copy);
      done += t.rows;
      onProgress?.("loading", done, total);
    }
    for (const s of manifest.sequences)
      if (s.lastValue !== null)
        await client.query("select setval($1::regclass, $2, true)", [qualified(s), s.lastValue]);
    await fixOutputSettings(client);
    let checked = 0;
    for (const t of manifest.tables) {
      const now = await digestTable(client, t);
      if (now.rows !== t.rows || now.sha256 !== t.sha256)
        throw new BackupError(
          `${t.schema}.${t.name} does not match the backup after loading (${now.rows} rows, expected ${t.rows})`,
        );
      checked += t.rows;
      onProgress?.("checking", checked, total);
    }
    await client.query("commit");
  } catch (e) {
    await client.query("rollback").catch(() => undefined);
    throw e;
  }
}

export type RestoreProgress = (stage: "loading" | "checking", rows: number, total: number) => void;

export type RestoreResult = { dataDir: string; manifest: BackupManifest; rows: number; files: string[] };

/** A restore goes into a new directory only: refuses one that holds anything. */
export async function checkRestoreTarget(dir: string): Promise<void> {
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  if (names.length > 0) throw new BackupError(`${dir} is not empty: restore into a new directory`);
}

/**
 * Restores a verified backup into `dataDir`, which must be empty or not exist. On any failure the
 * directory is removed again, so the restore can simply be retried.
 */
export async function restoreToDataDir(
  backup: VerifiedBackup,
  opts: { dataDir: string; port?: number; log?: (line: string) => void; onProgress?: RestoreProgress },
): Promise<RestoreResult> {
  const dataDir = path.resolve(opts.dataDir);
  await checkRestoreTarget(dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  let ok = false;
  try {
    const cluster = await startEmbedded({
      dataDir,
      ...(opts.port ? { port: opts.port } : {}),
      ...(opts.log ? { log: opts.log } : {}),
      command: "evident restore",
    });
    try {
      const pool = createPool(cluster.url, 2);
      try {
        await migrateToBackup(pool, backup.manifest);
        const client = await pool.connect();
        try {
          await load(client, backup, opts.onProgress);
          await client.query("analyze");
        } finally {
          client.release();
        }
      } finally {
        await pool.end();
      }
    } finally {
      await cluster.stop();
    }
    const files: string[] = [];
    for (const f of backup.manifest.files) {
      const target = path.resolve(dataDir, f.path);
      if (!target.startsWith(dataDir + path.sep)) throw new BackupError(`refusing to write ${f.path}`);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await writeFile(
        target,
        Buffer.concat(await entryStream(backup.file, backup.entries.get(f.entry)!).toArray()),
        {
          mode: f.mode,
        },
      );
      await chmod(target, f.mode);
      files.push(f.path);
    }
    ok = true;
    return {
      dataDir,
      manifest: backup.manifest,
      rows: backup.manifest.tables.reduce((n, t) => n + t.rows, 0),
      files,
    };
  } finally {
    if (!ok) await rm(dataDir, { recursive: true, force: true });
  }
}

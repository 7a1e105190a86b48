/**
 * `evident backup --out FILE`: a consistent online backup of the database while the server keeps
 * serving (db/src/backup/backup.ts), with the audit key and anchors kept beside the database (the
 * data directory's `audit*` files). Prints the archive's SHA-256 and writes it to FILE.sha256.
 *
 * `evident restore FILE --data-dir DIR`: checks the checksums, then brings the backup back into a
 * new embedded data directory (DIR must be empty or not exist).
 */
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupError, backupDatabase, checkRestoreTarget, restoreToDataDir, verifyBackup } from "@evident/db";
import { loadConfig, VERSION } from "@evident/server";
import { openCommandDatabase } from "../database";
import { progressBar } from "../progress";

const backupUsage = `Usage: evident backup --out FILE

Writes a consistent copy of the database (all tables from one snapshot, taken while the server
keeps serving) and the audit key and anchors from the data directory to FILE (a tar), and its
SHA-256 to FILE.sha256. Keep backups as safe as the data directory: they hold patient data.
Not included: database roles and passwords, server settings. Restore with evident restore.`;

const restoreUsage = `Usage: evident restore FILE --data-dir DIR [--sha256 HEX]

Checks FILE against its SHA-256 (FILE.sha256 beside it, or --sha256) and the checksum of every
part, then restores it into DIR, a new embedded data directory (empty or not existing). Start it
with EVIDENT_DATA_DIR=DIR evident start.`;

/** Files beside the database that a backup carries: the audit key and anchors. */
async function dataDirFiles(dataDir: string): Promise<{ path: string; source: string }[]> {
  if (!existsSync(dataDir)) return [];
  const found: { path: string; source: string }[] = [];
  const walk = async (rel: string) => {
    const full = path.join(dataDir, rel);
    if ((await stat(full)).isDirectory()) {
      for (const name of await readdir(full)) await walk(path.join(rel, name));
    } else found.push({ path: rel, source: full });
  };
  for (const name of await readdir(dataDir)) if (name.startsWith("audit")) await walk(name);
  return found;
}

export async function runBackup(args: string[]): Promise<number> {
  let values: { out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { out: { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (e) {
    console.error(`evident backup: ${(e as Error).message}\n\n${backupUsage}`);
    return 2;
  }
  if (values.help) {
    console.log(backupUsage);
    return 0;
  }
  if (!values.out) {
    console.error(`evident backup: --out is required\n\n${backupUsage}`);
    return 2;
  }
  const out = path.resolve(values.out);
  if (existsSync(out)) {
    console.error(`evident backup: ${out} exists; choose a new file name`);
    return 2;
  }
  const config = loadConfig();
  const database = await openCommandDatabase("backup", config);
  try {
    const bar = progressBar("backup");
    // As the tables' owner: the app's role may not read everything (and row security must not
    // hide rows from a backup).
    const files = database.mode === "embedded" ? await dataDirFiles(config.dataDir) : [];
    const result = await database.withOwner(({ pool }) =>
      backupDatabase(pool, { out, files, evidentVersion: VERSION, onProgress: (d, t) => bar.update(d, t) }),
    );
    bar.done();
    const rows = result.manifest.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      JSON.stringify({
        file: result.file,
        sha256: result.sha256,
        bytes: result.bytes,
        takenAt: result.manifest.takenAt,
        tables: result.manifest.tables.length,
        rows,
        files: result.manifest.files.map((f) => f.path),
      }),
    );
    console.error(
      `backup written: ${result.file} (${rows} rows, ${result.bytes} bytes)\nSHA-256 ${result.sha256}`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

export async function runRestore(args: string[]): Promise<number> {
  let values: { "data-dir"?: string; sha256?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        "data-dir": { type: "string" },
        sha256: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    console.error(`evident restore: ${(e as Error).message}\n\n${restoreUsage}`);
    return 2;
  }
  if (values.help) {
    console.log(restoreUsage);
    return 0;
  }
  const [file, ...extra] = positionals;
  const problems = [
    !file ? "the backup FILE is required" : null,
    extra.length > 0 ? `one FILE only (not ${extra.join(" ")})` : null,
    !values["data-dir"] ? "--data-dir is required" : null,
    values.sha256 !== undefined && !/^[0-9a-f]{64}$/i.test(values.sha256)
      ? "--sha256 must be 64 hex digits"
      : null,
  ].filter(Boolean);
  if (problems.length > 0 || !file || !values["data-dir"]) {
    console.error(`evident restore: ${problems.join("; ")}\n\n${restoreUsage}`);
    return 2;
  }
  try {
    await checkRestoreTarget(path.resolve(values["data-dir"]));
    console.error("checking the backup's checksums…");
    const backup = await verifyBackup(path.resolve(file), values.sha256);
    let bar: ReturnType<typeof progressBar> | null = null;
    let stage = "";
    const result = await restoreToDataDir(backup, {
      dataDir: values["data-dir"],
      log: (l) => console.error(l),
      onProgress: (s, d, t) => {
        if (s !== stage) {
          bar?.done();
          bar = progressBar(s);
          stage = s;
        }
        bar?.update(d, t);
      },
    });
    (bar as ReturnType<typeof progressBar> | null)?.done();
    console.log(
      JSON.stringify({
        dataDir: result.dataDir,
        takenAt: result.manifest.takenAt,
        tables: result.manifest.tables.length,
        rows: result.rows,
        files: result.files,
      }),
    );
    console.error(
      `restored the backup of ${result.manifest.takenAt} into ${result.dataDir}; every table matches the backup.\nStart it with: EVIDENT_DATA_DIR=${result.dataDir} npx evident start`,
    );
    return 0;
  } catch (e) {
    if (e instanceof BackupError) {
      console.error(`evident restore: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

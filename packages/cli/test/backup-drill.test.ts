/**
 * The backup drill: a backup taken while staff keep registering patients through the API is
 * restored into a new data directory, and every table there has the same rows as the source had
 * at the backup's snapshot — counted and hashed by plain SQL here (md5 of the ordered rows), not
 * by the backup's own digest — and the audit chain verifies on the restored copy. A damaged
 * archive is found out by its checksums. In the external pass the source is the external server
 * (DATABASE_URL, another major version than the embedded one), so the copy also crosses versions.
 */
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  anchorAudit,
  backupDatabase,
  createPool,
  freePort,
  listTables,
  listTar,
  loadAuditKey,
  restoreToDataDir,
  tables as schemaTables,
  startEmbedded,
  type TableSpec,
  verifyAudit,
  verifyBackup,
} from "@evident/db";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createHarness, type Harness } from "../../server/test/harness";
import { seedDemo } from "../src/demo/seed";

let h: Harness;
let work = "";

beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.database, { patients: 150, seed: 7, today: "2026-03-02" });
  work = await mkdtemp(path.join(tmpdir(), "evident-drill-"));
  await chmod(work, 0o755); // the restored cluster runs as the postgres user when we are root
});
afterAll(async () => {
  await h?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

type Fingerprint = Record<string, { rows: number; md5: string }>;

/** Row count and md5 of the rows in a fixed order, per table, by plain SQL. */
async function fingerprint(client: pg.Client, tables: TableSpec[]): Promise<Fingerprint> {
  const out: Fingerprint = {};
  for (const t of tables) {
    const { rows } = await client.query<{ rows: number; md5: string }>(
      `select count(*)::int as rows, md5(coalesce(string_agg(r::text, E'\\n' order by r::text collate "C"), '')) as md5
       from "${t.schema}"."${t.name}" r`,
    );
    out[`${t.schema}.${t.name}`] = rows[0]!;
  }
  return out;
}

/** Staff registering patients as fast as they can (each one audited), until stopped. */
function writeLoad(cookie: string, writers = 3) {
  const acknowledged: number[] = [];
  let stop = false;
  const loops = Array.from({ length: writers }, async (_, w) => {
    for (let i = 0; !stop; i++) {
      const res = await h.call("POST", "/api/v1/patients", {
        cookie,
        body: h.patientBody({ givenName: `Load${w}x${i}` }),
      });
      if (res.status !== 201) throw new Error(`write failed: ${res.text}`);
      acknowledged.push(Date.now());
    }
  });
  return {
    acknowledged,
    stop: async () => {
      stop = true;
      await Promise.all(loops);
    },
  };
}

describe("backup and restore drill", () => {
  it("restores a backup taken under write load to exactly the snapshot's rows, with an intact audit chain", async () => {
    const { cookie } = await h.staff("clinician");
    const load = writeLoad(cookie);
    while (load.acknowledged.length < 10) await new Promise((r) => setTimeout(r, 20));

    // The tables' owner sees every row (the app's role may not), as the backup itself reads.
    const snap = new pg.Client({ connectionString: h.database.ownerUrl });
    await snap.connect();
    let atSnapshot: Fingerprint = {};
    let tables: TableSpec[] = [];
    const out = path.join(work, "drill.tar");
    const started = Date.now();
    // An anchor taken before the backup: the restored chains must still reach it.
    const anchor = await anchorAudit(h.database);
    const result = await backupDatabase(h.database.owner, {
      out,
      files: [
        { path: "audit.key", source: await writeKey() },
        { path: "audit-anchors.jsonl", source: anchor.file },
      ],
      onSnapshot: async (id) => {
        await snap.query("begin isolation level repeatable read, read only");
        await snap.query(`set transaction snapshot '${id}'`);
      },
    });
    const finished = Date.now();
    await load.stop();
    try {
      tables = await listTables(snap);
      atSnapshot = await fingerprint(snap, tables);
    } finally {
      await snap.end();
    }
    // Writes were acknowledged while the backup ran, and the source moved on past the snapshot.
    expect(load.acknowledged.filter((t) => t >= started && t <= finished).length).toBeGreaterThan(0);
    expect(await h.count("patients")).toBeGreaterThan(atSnapshot["public.patients"]!.rows);
    expect(atSnapshot["public.patients"]!.rows).toBeGreaterThan(150);
    expect(result.sha256).toBe((await readFile(`${out}.sha256`, "utf8")).split(" ")[0]);
    expect((await stat(out)).mode & 0o777).toBe(0o600);

    const restoredDir = path.join(work, "restored");
    const restored = await restoreToDataDir(await verifyBackup(out), { dataDir: restoredDir });
    expect(restored.files).toEqual(["audit.key", "audit-anchors.jsonl"]);
    expect(await readFile(path.join(restoredDir, "audit.key"), "utf8")).toBe(`${inject("auditKeyHex")}\n`);

    const cluster = await startEmbedded({ dataDir: restoredDir, port: await freePort() });
    try {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        expect(await fingerprint(client, tables)).toEqual(atSnapshot);
      } finally {
        await client.end();
      }
      const pool = createPool(cluster.url, 2);
      try {
        const key = await loadAuditKey({ dataDir: restoredDir });
        const audit = await verifyAudit(drizzle(pool, { schema: schemaTables.schema }), {
          key,
          anchorDir: restoredDir,
        });
        expect(audit).toMatchObject({ ok: true, events: atSnapshot["public.audit_events"]!.rows });
        expect(audit.anchors.count).toBe(1);
      } finally {
        await pool.end();
      }
    } finally {
      await cluster.stop();
    }
  }, 180_000);

  it("finds a damaged archive by the file's SHA-256, and without it by the part's checksum", async () => {
    const out = path.join(work, "small.tar");
    await backupDatabase(h.database.owner, { out });
    const patients = (await listTar(out)).find((e) => e.name.endsWith("public.patients.copy.gz"))!;
    const bytes = await readFile(out);
    const at = patients.offset + Math.floor(patients.size / 2);
    bytes[at] = (bytes[at]! + 1) % 256;
    await writeFile(out, bytes);
    await expect(verifyBackup(out)).rejects.toThrow(/damaged: its SHA-256 is/);
    // Without the file's own checksum, the manifest's checksum of each part still catches it.
    await rm(`${out}.sha256`);
    await expect(verifyBackup(out)).rejects.toThrow(/patients\.copy\.gz does not match its checksum/);
  }, 120_000);
});

async function writeKey(): Promise<string> {
  const file = path.join(work, "audit.key");
  await writeFile(file, `${inject("auditKeyHex")}\n`, { mode: 0o600 });
  return file;
}

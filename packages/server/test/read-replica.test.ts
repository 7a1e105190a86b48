/**
 * Reads from a replica (EVIDENT_READ_DATABASE_URL, db/src/replica.ts) on two real clusters joined by
 * PostgreSQL's streaming replication (db/test/replica-cluster.ts): the app opened by `openDatabase`
 * on the primary with its read URL on the standby, driven through the real HTTP stack. What shows
 * that reads come from the standby: with its replay paused, a treatment recorded on the primary is
 * missing from the report (which says how current it is) until replay resumes, and the standby's
 * pg_stat_activity holds the app's read connections. A researcher's pooled reads are served there
 * as `evident_research` (each connection they take is asked who it is), never as the system role;
 * the pooled comparison is computed and cached on the primary first.
 */
import {
  cacheComparison,
  createPool,
  type Database,
  openDatabase,
  outcomeReadRepository,
  replicaReads,
  scopedDb,
} from "@evident/db";
import { sql } from "drizzle-orm";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "../../db/test/database";
import { type ReplicatedClusters, startReplicatedClusters } from "../../db/test/replica-cluster";
import { createHarness, type Harness } from "./harness";
import { people, writeRegistry } from "./outcome-registry";

let clusters: ReplicatedClusters;
let database: Database;
let h: Harness;
const logs: string[] = [];
/**
 * How long a read waits for the standby to replay (200 ms in a server): long enough that, with
 * replay running, every read here finds the standby current however loaded the machine; a read
 * while replay is paused waits this long and is then read behind, as intended.
 */
const READ_WAIT_MS = 5_000;
/** The standby as its superuser (a pool, so its connections may die with a stopped standby). */
let standby: pg.Pool;

beforeAll(async () => {
  clusters = await startReplicatedClusters();
  database = await openDatabase({
    dataDir: clusters.primaryDir,
    // No user in it: the app signs in to the standby as it does to the primary.
    readDatabaseUrl: clusters.replicaUrl,
    readWaitMs: READ_WAIT_MS,
    log: (line) => logs.push(line),
  });
  const owner = createPool(clusters.primary.url, 2);
  const testDatabase: TestDatabase = {
    ...database,
    name: "evident",
    url: clusters.primary.url,
    ownerUrl: clusters.primary.url,
    owner,
    cliEnv: {},
    async close() {
      await database.close();
      await owner.end();
    },
  };
  h = await createHarness({ database: testDatabase, now: "2026-03-02T09:00:00Z" });
  await clusters.caughtUp();
  standby = createPool(clusters.replicaOwnerUrl, 2);
}, 120_000);

afterAll(async () => {
  await standby?.end();
  await h?.close();
  await clusters?.close();
}, 120_000);

/** A patient of the clinic with one treatment recorded today: one more patient in the report. */
async function treatedPatient(cookie: string): Promise<string> {
  const p = await h.patient(cookie);
  const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
    cookie,
    body: { kind: "exercise_physiotherapy", date: "2026-03-02" },
  });
  expect(t.status).toBe(201);
  return p.id;
}

let registryWritten: Promise<void> | undefined;
/** Enough patients in two arms for a pooled comparison (21 each, all answered), written once. */
function registry(): Promise<void> {
  registryWritten ??= (async () => {
    const s = await h.staff("clinician");
    await writeRegistry(h, s, [
      ...people("bone_marrow_concentrate", 21, 1),
      ...people("exercise_physiotherapy", 21, 2),
    ]);
  })();
  return registryWritten;
}

/**
 * Asks every connection the research pools (standby and primary) hand out, before the borrower's
 * own statements, who it is and where, until `stop`. (The standby's app pool is left out: it is
 * asked how far the standby has replayed before every read.)
 */
function researchConnections() {
  const pools = {
    "replica research": database.reads.replica!.research.pool,
    "primary research": database.reads.primary.research.pool,
  };
  const served: Promise<{ pool: string; who: string; standby: boolean }>[] = [];
  const stops = Object.entries(pools).map(([name, pool]) => {
    const listener = (client: pg.PoolClient) =>
      served.push(
        client
          .query<{ who: string; standby: boolean }>(
            "select current_user as who, pg_is_in_recovery() as standby",
          )
          .then((r) => ({ pool: name, ...r.rows[0]! })),
      );
    pool.on("acquire", listener);
    return () => pool.off("acquire", listener);
  });
  return {
    stop() {
      for (const stop of stops) stop();
    },
    answers: () => Promise.all(served),
  };
}

describe("reads from a streaming replica", () => {
  it("opens the read pools on the standby, as the app's role and the research role, every transaction read-only", async () => {
    expect(logs.some((l) => l.includes("reads go to the replica"))).toBe(true);
    expect(database.reads.replica).not.toBeNull();
    const who =
      "select pg_is_in_recovery() as standby, current_user as who, current_setting('default_transaction_read_only') as ro";
    const app = await database.reads.replica!.pool.query<Record<string, string | boolean>>(who);
    expect(app.rows[0]).toEqual({ standby: true, who: "evident_app", ro: "on" });
    const research = await database.reads.replica!.research.pool.query<Record<string, string | boolean>>(who);
    expect(research.rows[0]).toEqual({ standby: true, who: "evident_research", ro: "on" });
    // The research role's grants are replicated with it: aggregates only, on the standby too.
    await expect(
      database.reads.replica!.research.pool.query("select id from patients limit 1"),
    ).rejects.toThrow(/permission denied/);
  });

  it("reads the outcomes report from the standby: while its replay is paused a new treatment is missing, and the report says how current it is", async () => {
    const s = await h.staff("clinician");
    await treatedPatient(s.cookie);
    const before = await h.call("GET", "/api/v1/outcomes", { cookie: s.cookie });
    expect(before.status).toBe(200);
    expect(before.json.patients).toBe(1);
    expect(before.json.dataAsOf).toBe(before.json.generatedAt);
    expect(before.json.notes.join(" ")).not.toMatch(/copy of the database/);
    // The app's read connections are on the standby.
    const activity = await standby.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where application_name = 'evident-read' and usename = 'evident_app'",
    );
    expect(activity.rows[0]!.n).toBeGreaterThan(0);

    await standby.query("select pg_wal_replay_pause()");
    try {
      await treatedPatient(s.cookie);
      const lagging = await h.call("GET", "/api/v1/outcomes", { cookie: s.cookie });
      expect(lagging.status).toBe(200);
      expect(lagging.json.patients).toBe(1); // the standby has not applied the second one
      const replayed = await standby.query<{ at: Date }>("select pg_last_xact_replay_timestamp() as at");
      expect(lagging.json.dataAsOf).toBe(replayed.rows[0]!.at.toISOString());
      expect(lagging.json.notes.join(" ")).toContain("Read from a copy of the database that was behind");
      // The primary has it (the summaries were refreshed there before the read).
      const { rows } = await h.database.pool.query<{ n: number }>(
        "select patients as n from summary_clinics where clinic_id = $1",
        [s.clinicId],
      );
      expect(rows[0]!.n).toBe(2);
    } finally {
      await standby.query("select pg_wal_replay_resume()");
    }
    const caughtUp = await h.call("GET", "/api/v1/outcomes", { cookie: s.cookie });
    expect(caughtUp.json.patients).toBe(2);
    expect(caughtUp.json.dataAsOf).toBe(caughtUp.json.generatedAt);
  });

  it("answers survival, the distribution, people like you and a researcher's pooled report from the standby, each audited on the primary", async () => {
    const s = await h.staff("clinician");
    const patientId = await treatedPatient(s.cookie);
    const researcher = await h.staff("researcher");
    const reads = [
      ["outcomes-survival", s.cookie, "/api/v1/outcomes/survival"],
      ["outcomes-distribution", s.cookie, "/api/v1/outcomes/distribution?instrument=odi&timepoint=3m"],
      ["decision-aid-registry", s.cookie, `/api/v1/decision-aid/registry?patientId=${patientId}`],
      ["outcomes-report", researcher.cookie, "/api/v1/outcomes"],
    ] as const;
    for (const [entity, cookie, path] of reads) {
      const res = await h.call("GET", path, { cookie });
      expect(res.status, path).toBe(200);
      expect(res.json.dataAsOf, path).toBeTruthy();
      const { rows } = await h.database.pool.query<{ n: number }>(
        "select count(*)::int as n from audit_events where entity_type = $1 and action = 'read' and actor_id = $2",
        [entity, cookie === s.cookie ? s.id : researcher.id],
      );
      expect(rows[0]!.n, path).toBe(1);
    }
    const pooled = await h.call("GET", "/api/v1/outcomes", { cookie: researcher.cookie });
    expect(pooled.json.patients).toBeGreaterThanOrEqual(3);
  });

  it("serves a researcher's pooled report and pooled comparison from the standby as evident_research, the comparison computed and cached on the primary", async () => {
    await registry();
    const researcher = await h.staff("researcher");
    await clusters.caughtUp();
    const served = researchConnections();
    const question =
      "treatment=bone_marrow_concentrate&comparator=exercise_physiotherapy&instrument=odi&timepoint=12m";
    let comparison: Awaited<ReturnType<Harness["call"]>>;
    let report: Awaited<ReturnType<Harness["call"]>>;
    try {
      comparison = await h.call("GET", `/api/v1/outcomes/comparison?${question}`, {
        cookie: researcher.cookie,
      });
      report = await h.call("GET", "/api/v1/outcomes", { cookie: researcher.cookie });
    } finally {
      served.stop();
    }
    expect(comparison.status, comparison.text).toBe(200);
    expect(comparison.json.arms.map((a: { n: number }) => a.n)).toEqual([21, 21]);
    expect(comparison.json.dataAsOf).toBe(comparison.json.generatedAt);
    expect(comparison.json.notes.join(" ")).toContain("All clinics pooled");
    expect(report.status).toBe(200);
    expect(report.json.patients).toBeGreaterThanOrEqual(42);
    // Both reads (the cached comparison, then the report's summaries) on the standby, as the research role.
    expect(await served.answers()).toEqual([
      { pool: "replica research", who: "evident_research", standby: true },
      { pool: "replica research", who: "evident_research", standby: true },
    ]);
    // The pooled result was stored on the primary (the system role computed it: the research role cannot write).
    const { rows } = await h.database.system.pool.query<{ n: number }>(
      "select count(*)::int as n from comparison_cache where clinic_id is null and question like '%bone_marrow_concentrate%'",
    );
    expect(rows[0]!.n).toBe(1);
  }, 180_000);

  it("reads a pooled comparison the standby has not replayed yet from the primary's research pool, without a lag note", async () => {
    await registry();
    const researcher = await h.staff("researcher");
    const question =
      "treatment=bone_marrow_concentrate&comparator=exercise_physiotherapy&instrument=nrs_back&timepoint=12m";
    await standby.query("select pg_wal_replay_pause()");
    const served = researchConnections();
    let res: Awaited<ReturnType<Harness["call"]>>;
    try {
      res = await h.call("GET", `/api/v1/outcomes/comparison?${question}`, { cookie: researcher.cookie });
    } finally {
      served.stop();
      await standby.query("select pg_wal_replay_resume()");
    }
    expect(res.status, res.text).toBe(200);
    expect(res.json.instrument).toBe("nrs_back");
    // The primary answered, so the figures are current and no lag is reported.
    expect(res.json.dataAsOf).toBe(res.json.generatedAt);
    expect(res.json.notes.join(" ")).not.toMatch(/copy of the database/);
    // Looked for on the standby first, then read on the primary, as the research role both times.
    expect(await served.answers()).toEqual([
      { pool: "replica research", who: "evident_research", standby: true },
      { pool: "primary research", who: "evident_research", standby: false },
    ]);
    const { rows } = await h.database.pool.query<{ n: number }>(
      "select count(*)::int as n from audit_events where entity_type = 'outcomes-comparison' and actor_id = $1",
      [researcher.id],
    );
    expect(rows[0]!.n).toBe(1);
  }, 180_000);

  it("runs a clinic's read on the standby as the app's role and a pooled one as the research role, and keeps what the clinic's read computed on the primary", async () => {
    const s = await h.staff("clinician");
    const replica = database.reads.replica!;
    const scope = {
      clinicId: s.clinicId,
      actor: { kind: "staff" as const, id: s.id },
      requestId: null,
      now: () => new Date(),
    };
    const repo = outcomeReadRepository(scopedDb(database.pool, s.clinicId), scope, {
      db: scopedDb(replica.pool, s.clinicId),
      pooled: replica.research.db,
    });
    type Where = { who: string; standby: boolean };
    const where = async (tx: Parameters<Parameters<typeof repo.read>[2]>[0]) =>
      (await tx.execute<Where>(sql`select current_user as who, pg_is_in_recovery() as standby`)).rows[0]!;
    const kept: (string | null)[] = [];
    const answers: Where[] = [];
    for (const pooled of [false, true])
      answers.push(
        await repo.read(
          "replica-keep-test",
          { pooled, asOf: "2026-03-02" },
          where,
          () => ({}),
          async (tx, clinicId, answered) => {
            kept.push(clinicId);
            await cacheComparison(
              tx,
              { clinicId, question: "replica", asOf: "2026-03-02", version: 1 },
              answered,
            );
          },
        ),
      );
    expect(answers).toEqual([
      { who: "evident_app", standby: true },
      { who: "evident_research", standby: true },
    ]);
    // Only the clinic's read keeps anything (a pooled result is stored before, as the system role).
    expect(kept).toEqual([s.clinicId]);
    const { rows } = await h.database.system.pool.query<{ clinic_id: string | null; result: unknown }>(
      "select clinic_id, result from comparison_cache where question = 'replica'",
    );
    expect(rows).toEqual([{ clinic_id: s.clinicId, result: { who: "evident_app", standby: true } }]);
  });

  it("sends writes to the primary, which the standby then holds, and a FHIR search read there finds them", async () => {
    const s = await h.staff("clinician");
    const id = await treatedPatient(s.cookie);
    const search = await h.call("GET", `/api/fhir/Patient?_id=${id}`, { cookie: s.cookie });
    expect(search.status).toBe(200);
    expect(search.json.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([id]);
    const onStandby = await standby.query("select 1 from patients where id = $1", [id]);
    expect(onStandby.rowCount).toBe(1);
  });

  it("refuses a write through the read pools, and keeps row-level security there", async () => {
    const s = await h.staff("clinician");
    const other = await h.staff("clinician");
    await treatedPatient(s.cookie);
    await treatedPatient(other.cookie);
    const replica = database.reads.replica!;
    const refused = await scopedDb(replica.pool, s.clinicId)
      .execute(sql`delete from summary_dirty`)
      .then(
        () => null,
        (e: { cause?: { code?: string } }) => e.cause?.code,
      );
    expect(refused).toBe("25006"); // read_only_sql_transaction
    await expect(
      replica.pool.query("insert into summary_dirty (clinic_id) values ($1)", [s.clinicId]),
    ).rejects.toMatchObject({
      code: "25006",
    });
    await clusters.caughtUp();
    const mine = await scopedDb(replica.pool, s.clinicId).execute<{ clinic_id: string }>(
      sql`select distinct clinic_id from patients`,
    );
    expect(mine.rows.map((r) => r.clinic_id)).toEqual([s.clinicId]);
    const unscoped = await replica.pool.query("select id from patients");
    expect(unscoped.rowCount).toBe(0);
  });

  it("reads from the primary while the standby is down, and goes back to the standby once it answers", async () => {
    const s = await h.staff("clinician");
    await treatedPatient(s.cookie);
    await clusters.stopReplica();
    try {
      const report = await h.call("GET", "/api/v1/outcomes", { cookie: s.cookie });
      expect(report.status).toBe(200);
      expect(report.json.patients).toBe(1);
      expect(report.json.dataAsOf).toBe(report.json.generatedAt);
      expect(logs.some((l) => /read replica .* cannot be reached/.test(l))).toBe(true);
      // The same pools, tried again after 50 ms instead of 10 s.
      const quick = replicaReads({
        primary: database.reads.primary,
        pool: database.reads.replica!.pool,
        researchPool: database.reads.replica!.research.pool,
        name: "standby",
        maxWaitMs: READ_WAIT_MS,
        retryAfterMs: 50,
      });
      expect((await quick.run(async (on) => on.replica)).from).toBe("primary");
      await clusters.startReplica();
      await new Promise((done) => setTimeout(done, 60));
      await clusters.caughtUp();
      expect(await quick.run(async (on) => on.replica)).toMatchObject({ from: "replica", data: true });
    } finally {
      await clusters.startReplica().catch(() => undefined);
    }
  });
});

/**
 * Keeping the outcome summaries current (schema/summaries.ts, built by ./summary-build):
 *
 * - `refreshSummaries` recomputes the slices queued in `summary_dirty` by the triggers (in the
 *   writes' own transactions) and those computed for an earlier day. The job runner calls it every
 *   minute; every outcomes read calls it for its scope first, so a read never shows a figure older
 *   than the data it was asked after (it only pays for the slices still queued).
 * - `rebuildSummaries` recomputes everything (after a bulk load, or by `evident summaries rebuild`).
 * - `checkSummaries` rebuilds into a rolled-back transaction and compares every row with what
 *   is stored: incremental must equal rebuild (`evident summaries check`).
 *
 * Refreshes take turns on one advisory lock; the queue rows a refresh removes are those visible
 * when it starts (DELETE … RETURNING), so a write committed meanwhile stays queued for the next.
 */
import { isSurgery, toIsoDate, treatmentKindIds } from "@evident/domain";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { schema } from "../schema";
import { analyticMemory } from "./outcome-sql";
import {
  buildAnswerTallies,
  buildFollowUpTallies,
  buildOutcomeTallies,
  buildRegistry,
  buildSurvival,
  clearSlices,
  measureParts,
  type Slice,
  writeClinicCounts,
  writeSliceRows,
} from "./summary-build";

type Transactional = Executor;

const surgeryKinds = treatmentKindIds.filter(isSurgery);
const lock = sql`select pg_advisory_xact_lock(hashtext('evident:summaries'))`;

const clinicScope = (clinicId: string | null, alias: string) =>
  clinicId === null ? sql`true` : sql`${sql.raw(alias)}.clinic_id = ${clinicId}`;

async function build(
  tx: Executor,
  slices: readonly Slice[] | null,
  today: string,
  now: Date,
  progress: (step: string) => void,
): Promise<void> {
  await analyticMemory(tx);
  await clearSlices(tx, slices);
  progress("outcome tallies");
  await buildOutcomeTallies(tx, slices);
  progress("survival");
  await buildSurvival(tx, slices, surgeryKinds, today);
  progress("people like you");
  await buildRegistry(tx, slices, today);
  await writeSliceRows(tx, slices, today, now);
  await writeClinicCounts(tx, slices === null ? null : [...new Set(slices.map((s) => s.clinicId))], now);
}

export type RefreshResult = { slices: number; ms: number };

/** Whether a read of this scope (a clinic, or null: all) would find something to recompute. */
async function pending(db: Executor, clinicId: string | null, today: string): Promise<boolean> {
  const { rows } = await db.execute<{ due: boolean }>(sql`
    select exists (select 1 from summary_dirty d where ${clinicScope(clinicId, "d")})
        or exists (select 1 from summary_slices s where ${clinicScope(clinicId, "s")} and s.as_of <> ${today}::date)
        as due`);
  return rows[0]?.due === true;
}

/** Recomputes the queued and out-of-date slices of a clinic (null: of every clinic). */
export async function refreshSummaries(
  db: Transactional,
  opts: { clinicId?: string | null; today: string; now?: Date },
): Promise<RefreshResult> {
  const clinicId = opts.clinicId ?? null;
  const started = performance.now();
  if (!(await pending(db, clinicId, opts.today))) return { slices: 0, ms: 0 };
  const slices = await db.transaction(async (tx) => {
    await tx.execute(lock);
    const queued = await tx.execute<{ clinic_id: string; kind: string | null }>(sql`
      delete from summary_dirty d where ${clinicScope(clinicId, "d")} returning d.clinic_id, d.kind`);
    const wholeClinics = [...new Set(queued.rows.filter((r) => r.kind === null).map((r) => r.clinic_id))];
    const found = await tx.execute<{ clinic_id: string; kind: string }>(sql`
      select s.clinic_id, s.kind from summary_slices s
      where ${clinicScope(clinicId, "s")} and s.as_of <> ${opts.today}::date
      union
      select distinct t.clinic_id, t.kind from treatments t
      where t.clinic_id in (select jsonb_array_elements_text(${JSON.stringify(wholeClinics)}::jsonb)::uuid)
      union
      select s.clinic_id, s.kind from summary_slices s
      where s.clinic_id in (select jsonb_array_elements_text(${JSON.stringify(wholeClinics)}::jsonb)::uuid)`);
    const keyed = new Map<string, Slice>();
    for (const r of [...queued.rows, ...found.rows])
      if (r.kind !== null) keyed.set(`${r.clinic_id} ${r.kind}`, { clinicId: r.clinic_id, kind: r.kind });
    const list = [...keyed.values()];
    if (list.length > 0) await build(tx, list, opts.today, opts.now ?? new Date(), () => {});
    return list.length;
  });
  return { slices, ms: Math.round(performance.now() - started) };
}

/**
 * Recomputes every summary from scratch, and empties the queue. The demo calls it after its bulk
 * load (whose triggers are off); `progress` hears each step. Given `pool` (of at least two
 * connections), it splits the work over two transactions on two of them, which PostgreSQL runs on
 * two cores: the rebuild is one large aggregate after another, and one statement runs on one core
 * (an INSERT … SELECT gets no parallel workers).
 */
export async function rebuildSummaries(
  db: Transactional,
  opts: { today?: string; now?: Date; progress?: (step: string) => void; pool?: pg.Pool } = {},
): Promise<RefreshResult> {
  const started = performance.now();
  const today = opts.today ?? toIsoDate(new Date());
  const now = opts.now ?? new Date();
  const progress = opts.progress ?? (() => {});
  if (opts.pool) {
    await rebuildOnTwo(drizzle(opts.pool, { schema }), today, now, progress);
  } else {
    await db.transaction(async (tx) => {
      await tx.execute(lock);
      await tx.execute(sql`delete from summary_dirty`);
      await build(tx, null, today, now, progress);
    });
  }
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from summary_slices`);
  return { slices: rows[0]?.n ?? 0, ms: Math.round(performance.now() - started) };
}

/**
 * A full rebuild in two transactions on two connections, each replacing its own rows, so neither
 * waits on a row the other holds. The first takes the summaries' lock and empties the queue; the
 * second starts once it holds the lock (no refresh runs until both have committed). Each replaces
 * half of the answer tallies (by measure: `measureParts`); the first also the follow-up tallies,
 * survival, the slices and the clinic counts, the second "people like you". Both commit only when
 * both have done their work, the second first (while the first still holds the lock); if either
 * fails, both roll back. Only a crash between the two commits could leave the second's half new
 * and the first's old: `evident summaries check` would name the tables, and a rebuild mends them.
 */
async function rebuildOnTwo(
  db: Db,
  today: string,
  now: Date,
  progress: (step: string) => void,
): Promise<void> {
  const locked = signal();
  const firstDone = signal();
  const secondCommitted = signal();
  const first = db
    .transaction(async (tx) => {
      await tx.execute(lock);
      locked.resolve();
      await tx.execute(sql`delete from summary_dirty`);
      await analyticMemory(tx);
      await tx.execute(sql`delete from outcome_follow_up_summary`);
      await tx.execute(sql`delete from survival_summary`);
      await tx.execute(sql`delete from summary_slices`);
      await tx.execute(
        sql`delete from outcome_answer_summary where instrument = any(${sqlTextArray(measureParts[0])})`,
      );
      progress("outcome tallies");
      await buildAnswerTallies(tx, null, measureParts[0]);
      await buildFollowUpTallies(tx, null);
      progress("survival");
      await buildSurvival(tx, null, surgeryKinds, today);
      await writeSliceRows(tx, null, today, now);
      await writeClinicCounts(tx, null, now);
      firstDone.resolve();
      await secondCommitted.promise;
    })
    .catch((e: unknown) => {
      locked.reject(e);
      firstDone.reject(e);
      throw e;
    });
  const second = locked.promise
    .then(() =>
      db.transaction(async (tx) => {
        await analyticMemory(tx);
        await tx.execute(
          sql`delete from outcome_answer_summary where not (instrument = any(${sqlTextArray(measureParts[0])}))`,
        );
        await tx.execute(sql`delete from registry_summary`);
        await buildAnswerTallies(tx, null, measureParts[1]);
        progress("people like you");
        await buildRegistry(tx, null, today);
        await firstDone.promise;
      }),
    )
    .then(
      () => secondCommitted.resolve(),
      (e: unknown) => {
        secondCommitted.reject(e);
        throw e;
      },
    );
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === "rejected") throw a.reason;
  if (b.status === "rejected") throw b.reason;
}

const sqlTextArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** A promise settled from outside; a rejection nobody awaits is not reported as unhandled. */
function signal() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** Every summary table's content, in a fixed order: what `checkSummaries` compares. */
const summaryContent = sql`
  select 'f' as t, jsonb_agg(x order by x::text) as rows from (
    select clinic_id, kind, timepoint, window_start, window_end, completed, cancelled, completed_at, cancelled_at, n
    from outcome_follow_up_summary) x
  union all select 'a', jsonb_agg(x order by x::text) from (
    select clinic_id, kind, timepoint, instrument, baseline, follow_up, n from outcome_answer_summary) x
  union all select 's', jsonb_agg(x order by x::text) from (
    select clinic_id, kind, days, surgery, n from survival_summary) x
  union all select 'r', jsonb_agg(x order by x::text) from (
    select clinic_id, kind, odi, start_back, weeks, age, treated, due_3m, n_3m, responders_3m,
           due_6m, n_6m, responders_6m, due_12m, n_12m, responders_12m from registry_summary) x
  union all select 'k', jsonb_agg(x order by x::text) from (
    select clinic_id, kind, as_of, first_treatments from summary_slices) x
  union all select 'c', jsonb_agg(x order by x::text) from (
    select clinic_id, patients from summary_clinics) x`;

export type CheckResult = { ok: boolean; differing: string[]; queued: number };

/**
 * Compares the stored summaries with a full rebuild (made in a transaction that is rolled back),
 * after applying what is queued: the tables that differ are named.
 */
export async function checkSummaries(db: Transactional, opts: { today?: string } = {}): Promise<CheckResult> {
  const today = opts.today ?? toIsoDate(new Date());
  const { rows: q } = await db.execute<{ n: number }>(sql`select count(*)::int as n from summary_dirty`);
  await refreshSummaries(db, { today });
  const names: Record<string, string> = {
    f: "outcome_follow_up_summary",
    a: "outcome_answer_summary",
    s: "survival_summary",
    r: "registry_summary",
    k: "summary_slices",
    c: "summary_clinics",
  };
  const rollback = new Error("rollback");
  let differing: string[] = [];
  try {
    await db.transaction(async (tx) => {
      await tx.execute(lock);
      const stored = (await tx.execute<{ t: string; rows: unknown }>(summaryContent)).rows;
      await build(tx, null, today, new Date(), () => {});
      const rebuilt = (await tx.execute<{ t: string; rows: unknown }>(summaryContent)).rows;
      differing = stored
        .filter((s) => JSON.stringify(s.rows) !== JSON.stringify(rebuilt.find((r) => r.t === s.t)?.rows))
        .map((s) => names[s.t] ?? s.t);
      throw rollback;
    });
  } catch (e) {
    if (e !== rollback) throw e;
  }
  return { ok: differing.length === 0, differing, queued: q[0]?.n ?? 0 };
}

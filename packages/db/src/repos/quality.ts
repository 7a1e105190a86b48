/**
 * Running the data-quality rules (domain/quality) and storing what they found. A run reads a
 * clinic's records as the system role, a batch of patients at a time (every rule looks within one
 * patient, so memory does not grow with the clinic), and stores in one transaction the run, its
 * count for every rule (zero included) and the records found; older runs keep their counts (the
 * history), while only the newest run's findings are kept. The run is audited in the clinic's
 * chain with who asked for it.
 *
 * Reads: staff read their clinic's newest run with its records through the scoped database
 * (audited, naming the run); researchers read the newest counts of every clinic through the
 * research role, which may read `quality_counts` and no table naming a record.
 */
import {
  checkPatient,
  type QualityFinding,
  type QualityPatient,
  type QualityRuleId,
  qualityRuleIds,
} from "@evident/domain/quality";
import { asc, desc, eq, sql } from "drizzle-orm";
import { appendAudit, type Executor } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { clinics } from "../schema";
import { qualityCounts, qualityFindings, qualityRuns } from "../schema/quality";
import { whereClinic } from "../tenancy";
import { auditedRead, type Scope } from "./scope";

export type QualityTrigger = "nightly" | "on-demand" | "command-line";

export type QualityRunSummary = {
  clinicId: string;
  runId: string;
  asOf: Date;
  patientsChecked: number;
  counts: Record<QualityRuleId, number>;
};

type Row = Record<string, unknown>;
const ids = (list: readonly string[]) =>
  sql`array[${sql.join(
    list.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;

async function rows<T extends Row>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute<T>(query)).rows as T[];
}

/** The records of a batch of patients, in the shape the rules read. */
async function loadPatients(db: Executor, clinicId: string, after: string | null, batch: number) {
  const people = await rows<{ id: string; birth_date: string }>(
    db,
    sql`select id, birth_date from patients where clinic_id = ${clinicId}
        ${after ? sql`and id > ${after}` : sql``} order by id limit ${batch}`,
  );
  if (people.length === 0) return [];
  const list = ids(people.map((p) => p.id));
  // One after another: the four reads share the run's transaction, and so its connection.
  const episodes = await rows<{ id: string; patient_id: string; onset_date: string | null }>(
    db,
    sql`select id, patient_id, onset_date from episodes where clinic_id = ${clinicId} and patient_id = any(${list})`,
  );
  const treatments = await rows<{
    id: string;
    patient_id: string;
    episode_id: string;
    kind: string;
    treatment_date: string;
    created_at: Date;
  }>(
    db,
    sql`select id, patient_id, episode_id, kind, treatment_date, created_at from treatments
          where clinic_id = ${clinicId} and patient_id = any(${list})`,
  );
  const followUps = await rows<{
    id: string;
    patient_id: string;
    treatment_id: string | null;
    timepoint: string;
    window_start: string;
    window_end: string;
    completed_at: Date | string | null;
    cancelled_at: Date | string | null;
    contacted: boolean;
  }>(
    db,
    sql`select f.id, f.patient_id, f.treatment_id, f.timepoint, f.window_start, f.window_end,
                 f.completed_at, f.cancelled_at,
                 exists (select 1 from follow_up_contacts c where c.follow_up_id = f.id)
                   or exists (select 1 from tasks k where k.clinic_id = f.clinic_id
                              and k.source_type = 'follow-up' and k.source_id = f.id) as contacted
          from follow_ups f where f.clinic_id = ${clinicId} and f.patient_id = any(${list})`,
  );
  const responses = await rows<{
    id: string;
    patient_id: string;
    episode_id: string | null;
    follow_up_id: string | null;
    instrument: string;
    timepoint: string;
    answers: Record<string, unknown>;
    score: unknown;
    completed_at: Date | string;
    superseded_at: Date | null;
  }>(
    db,
    sql`select id, patient_id, episode_id, follow_up_id, instrument, timepoint, answers, score,
                 completed_at, superseded_at
          from questionnaire_responses where clinic_id = ${clinicId} and patient_id = any(${list})`,
  );
  const of = <T extends { patient_id: string }>(all: T[], id: string) =>
    all.filter((r) => r.patient_id === id);
  return people.map(
    (p): QualityPatient => ({
      id: p.id,
      birthDate: p.birth_date,
      episodes: of(episodes, p.id).map((e) => ({ id: e.id, onsetDate: e.onset_date })),
      treatments: of(treatments, p.id).map((t) => ({
        id: t.id,
        episodeId: t.episode_id,
        kind: t.kind,
        date: t.treatment_date,
        recordedAt: instant(t.created_at),
      })),
      followUps: of(followUps, p.id).map((f) => ({
        id: f.id,
        treatmentId: f.treatment_id,
        timepoint: f.timepoint,
        windowStart: f.window_start,
        windowEnd: f.window_end,
        completedAt: f.completed_at === null ? null : instant(f.completed_at),
        cancelledAt: f.cancelled_at === null ? null : instant(f.cancelled_at),
        contacted: f.contacted,
      })),
      responses: of(responses, p.id).map((r) => ({
        id: r.id,
        episodeId: r.episode_id,
        followUpId: r.follow_up_id,
        instrument: r.instrument,
        timepoint: r.timepoint,
        answers: r.answers,
        score: typeof r.score === "number" ? r.score : null,
        completedAt: instant(r.completed_at),
        superseded: r.superseded_at !== null,
      })),
    }),
  );
}

/** A timestamptz as a raw query returns it (text), or as a Date. */
const instant = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

const zeroCounts = () =>
  Object.fromEntries(qualityRuleIds.map((id) => [id, 0])) as Record<QualityRuleId, number>;

/**
 * Runs every rule over each clinic (all, or `clinicIds`) and stores the result. `actor` is who
 * the audit trail names: the staff member who asked, the command line, or the job runner.
 */
export async function runQualityChecks(
  system: Db,
  opts: {
    now: Date;
    trigger: QualityTrigger;
    actor: { kind: "staff" | "system"; id: string };
    clinicIds?: readonly string[];
    batch?: number;
  },
): Promise<QualityRunSummary[]> {
  const all = await system
    .select({ id: clinics.id, timeZone: clinics.timeZone })
    .from(clinics)
    .orderBy(asc(clinics.createdAt));
  const chosen = opts.clinicIds ? all.filter((c) => opts.clinicIds?.includes(c.id)) : all;
  const out: QualityRunSummary[] = [];
  for (const clinic of chosen) out.push(await runForClinic(system, clinic, opts));
  return out;
}

async function runForClinic(
  system: Db,
  clinic: { id: string; timeZone: string },
  opts: Parameters<typeof runQualityChecks>[1],
): Promise<QualityRunSummary> {
  const today = opts.now.toISOString().slice(0, 10);
  const findings: QualityFinding[] = [];
  let checked = 0;
  // One snapshot for the whole clinic, so a write during the run is either seen or not, everywhere.
  await system.transaction(
    async (tx) => {
      let after: string | null = null;
      for (;;) {
        const batch = await loadPatients(tx, clinic.id, after, opts.batch ?? 500);
        if (batch.length === 0) break;
        for (const p of batch) findings.push(...checkPatient(p, { today, timeZone: clinic.timeZone }));
        checked += batch.length;
        after = batch[batch.length - 1]?.id ?? null;
      }
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  const counts = zeroCounts();
  for (const f of findings) counts[f.rule] += 1;
  const runId = uuidv7();
  await system.transaction(async (tx) => {
    await tx.insert(qualityRuns).values({
      id: runId,
      clinicId: clinic.id,
      asOf: opts.now,
      trigger: opts.trigger,
      ranBy: opts.actor.kind === "staff" ? opts.actor.id : null,
      patientsChecked: checked,
    });
    await tx.insert(qualityCounts).values(
      qualityRuleIds.map((rule) => ({
        runId,
        clinicId: clinic.id,
        rule,
        count: counts[rule],
        asOf: opts.now,
      })),
    );
    await tx.delete(qualityFindings).where(eq(qualityFindings.clinicId, clinic.id));
    for (let i = 0; i < findings.length; i += 1000)
      await tx.insert(qualityFindings).values(
        findings.slice(i, i + 1000).map((f) => ({
          runId,
          clinicId: clinic.id,
          rule: f.rule,
          recordType: f.recordType,
          recordId: f.recordId,
          patientId: f.patientId,
          note: f.note,
        })),
      );
    await appendAudit(tx, {
      at: opts.now,
      actorKind: opts.actor.kind,
      actorId: opts.actor.id,
      clinicId: clinic.id,
      patientId: null,
      action: "run",
      entityType: "data-quality",
      entityId: runId,
      requestId: null,
      detail: { trigger: opts.trigger, patientsChecked: checked, counts },
    });
  });
  return { clinicId: clinic.id, runId, asOf: opts.now, patientsChecked: checked, counts };
}

export type QualityRecord = Omit<QualityFinding, "rule">;
export type StoredQuality = {
  run: { id: string; asOf: Date; trigger: QualityTrigger; patientsChecked: number } | null;
  counts: Record<QualityRuleId, number>;
  records: Record<QualityRuleId, QualityRecord[]>;
};

/** The clinic's newest run, with the records each rule found: staff only, audited. */
export function qualityRepository(db: Db, scope: Scope) {
  return {
    async latest(): Promise<StoredQuality> {
      return auditedRead(
        db,
        scope,
        async (tx) => {
          const [run] = await tx
            .select()
            .from(qualityRuns)
            .where(whereClinic(qualityRuns, scope))
            .orderBy(desc(qualityRuns.asOf), desc(qualityRuns.id))
            .limit(1);
          const counts = zeroCounts();
          const records = Object.fromEntries(
            qualityRuleIds.map((id) => [id, [] as QualityRecord[]]),
          ) as Record<QualityRuleId, QualityRecord[]>;
          if (!run) return { run: null, counts, records };
          for (const c of await tx.select().from(qualityCounts).where(eq(qualityCounts.runId, run.id)))
            if (c.rule in counts) counts[c.rule as QualityRuleId] = c.count;
          const found = await tx
            .select()
            .from(qualityFindings)
            .where(eq(qualityFindings.runId, run.id))
            .orderBy(asc(qualityFindings.patientId), asc(qualityFindings.recordId));
          for (const f of found)
            records[f.rule as QualityRuleId]?.push({
              recordType: f.recordType,
              recordId: f.recordId,
              patientId: f.patientId,
              note: f.note,
            });
          return {
            run: { id: run.id, asOf: run.asOf, trigger: run.trigger, patientsChecked: run.patientsChecked },
            counts,
            records,
          };
        },
        (r) => ({
          action: "read",
          entityType: "data-quality",
          entityId: r.run?.id ?? null,
          detail: { records: Object.values(r.records).reduce((n, l) => n + l.length, 0) },
        }),
      );
    },
  };
}

export type PooledQuality = {
  counts: Record<QualityRuleId, number>;
  /** Clinics with a stored run, and the oldest and newest of their newest runs. */
  clinics: number;
  oldestAsOf: Date | null;
  newestAsOf: Date | null;
};

/** The newest counts of every clinic, summed: for researchers, through the research role. */
export async function pooledQualityCounts(research: Executor): Promise<PooledQuality> {
  const latest = await rows<{ clinic_id: string; rule: string; count: number; as_of: Date | string }>(
    research,
    sql`select distinct on (clinic_id, rule) clinic_id, rule, count, as_of from quality_counts
        order by clinic_id, rule, as_of desc, run_id desc`,
  );
  const counts = zeroCounts();
  for (const r of latest) if (r.rule in counts) counts[r.rule as QualityRuleId] += r.count;
  const times = [...new Set(latest.map((r) => instant(r.as_of).getTime()))].sort((a, b) => a - b);
  return {
    counts,
    clinics: new Set(latest.map((r) => r.clinic_id)).size,
    oldestAsOf: times.length ? new Date(times[0] as number) : null,
    newestAsOf: times.length ? new Date(times[times.length - 1] as number) : null,
  };
}

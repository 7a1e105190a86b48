/**
 * The demo registry on a real PostgreSQL, by its content: scored by the instrument library,
 * realistic in its missing data and course, audited, and enough for every row of the outcomes
 * report. Its care after treatment (diary, imaging, problem reports) is in demo-care.test.ts;
 * determinism, re-runs and the command line are in demo-runs.test.ts.
 */
import { outcomeObservations, planOf, verifyAudit } from "@evident/db";
import { lateBaseline } from "@evident/db/repos/outcome-sql";
import {
  defaultInstruments,
  followUpStatus,
  isInvestigational,
  localTime,
  treatmentKindIds,
} from "@evident/domain";
import { type CandidacyOutcome, candidacyGate } from "@evident/domain/candidacy";
import { getInstrument, validateAnswers } from "@evident/domain/instruments";
import { summarizeOutcomes } from "@evident/domain/outcomes";
import { defaultPlan } from "@evident/domain/pathway/plan";
import { evaluateTriage, parseIntakeAnswers } from "@evident/domain/triage";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEMO_CLINIC, demoSignIns, SECOND_CLINIC } from "../src/demo/seed";
import { type FollowUp, followUpColumns, rowsOf, seededDemo, type TestDb, TODAY } from "./demo-fixture";

let a: TestDb;
seededDemo((db) => {
  a = db;
});

describe("evident demo", () => {
  it("gives every response, of every instrument, the score the instrument library gives its stored answers", async () => {
    const rows = await rowsOf<{
      instrument: string;
      instrument_version: string;
      answers: Record<string, number | null>;
      score: number | null;
      score_detail: Record<string, unknown>;
      source: string;
    }>(
      a,
      "select instrument, instrument_version, answers, score, score_detail, source from questionnaire_responses",
    );
    expect(rows.length).toBeGreaterThan(1000);
    for (const r of rows) {
      const def = getInstrument(r.instrument);
      expect(validateAnswers(def, r.answers)).toEqual([]);
      expect(Object.keys(r.answers).sort()).toEqual(def.items.map((i) => i.id).sort());
      const scored = def.score(r.answers);
      expect(r.score).toBe(scored.score);
      expect(r.score_detail).toEqual({
        ...scored.extras,
        ...(scored.reason ? { reason: scored.reason } : {}),
      });
      expect(r.instrument_version).toBe(def.version);
      expect(r.source).toBe("demo");
    }
    const answered = new Set(rows.map((r) => r.instrument));
    expect(answered).toEqual(new Set(Object.values(defaultPlan).flat()));
    const odiWithBlank = rows.filter(
      (r) => r.instrument === "odi" && Object.values(r.answers).includes(null),
    );
    expect(odiWithBlank.length).toBeGreaterThan(0);
  });

  it("starts patients where registries do: ODI mostly 30–60, back pain mostly 5–8", async () => {
    const base = await rowsOf<{ instrument: string; score: number }>(
      a,
      "select instrument, (score #>> '{}')::float8 as score from questionnaire_responses where timepoint = 'baseline'",
    );
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const odi = base.filter((r) => r.instrument === "odi").map((r) => r.score);
    const nrs = base.filter((r) => r.instrument === "nrs_back").map((r) => r.score);
    expect(median(odi)).toBeGreaterThanOrEqual(35);
    expect(median(odi)).toBeLessThanOrEqual(55);
    expect(odi.filter((s) => s >= 25 && s <= 65).length / odi.length).toBeGreaterThan(0.75);
    expect(median(nrs)).toBeGreaterThanOrEqual(5);
    expect(median(nrs)).toBeLessThanOrEqual(8);
  });

  it("answers the rest of the plan in step with each patient's course", async () => {
    const scores = await rowsOf<{
      patient: string;
      timepoint: string;
      instrument: string;
      score: number;
      condition: string;
    }>(
      a,
      `select r.patient_id as patient, r.timepoint, r.instrument, (r.score #>> '{}')::float8 as score, e.condition
         from questionnaire_responses r join episodes e on e.id = r.episode_id
        where r.instrument in ('nrs_back', 'nrs_leg', 'peg', 'odi', 'pgic', 'eq5d5l') and r.score is not null
          and jsonb_typeof(r.score) = 'number'`,
    );
    const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
    const of = (instrument: string, where: (r: (typeof scores)[number]) => boolean = () => true) =>
      scores.filter((r) => r.instrument === instrument && where(r)).map((r) => r.score);
    const sciatica = (r: { condition: string }) => r.condition === "disc_herniation_sciatica";
    // Sciatica: the leg hurts about as much as the back; in the axial conditions, much less.
    expect(mean(of("nrs_leg", sciatica))).toBeGreaterThan(mean(of("nrs_leg", (r) => !sciatica(r))) + 1.5);
    // PEG close to the back pain rating, on average.
    expect(Math.abs(mean(of("peg")) - mean(of("nrs_back")))).toBeLessThan(1);
    // EQ VAS in the range of chronic low back pain samples.
    expect(mean(of("eq5d5l", (r) => r.timepoint === "baseline"))).toBeGreaterThan(50);
    expect(mean(of("eq5d5l", (r) => r.timepoint === "baseline"))).toBeLessThan(75);
    // PGIC: patients who say "much" or "very much improved" improved more on the ODI.
    const key = (r: { patient: string; timepoint: string }) => `${r.patient}|${r.timepoint}`;
    const odiAt = new Map(scores.filter((r) => r.instrument === "odi").map((r) => [key(r), r.score]));
    const baseline = new Map(
      scores
        .filter((r) => r.instrument === "odi" && r.timepoint === "baseline")
        .map((r) => [r.patient, r.score]),
    );
    const change = (better: boolean) =>
      mean(
        scores
          .filter((r) => r.instrument === "pgic" && r.score <= 2 === better)
          .flatMap((r) => {
            const now = odiAt.get(key(r));
            const before = baseline.get(r.patient);
            return now === undefined || before === undefined ? [] : [now - before];
          }),
      );
    expect(change(true)).toBeLessThan(change(false) - 8);
  });

  it("puts baseline STarT Back groups in step with disability", async () => {
    const rows = await rowsOf<{ grp: string; odi: number }>(
      a,
      `select s.score_detail->>'group' as grp, (o.score #>> '{}')::float8 as odi
         from questionnaire_responses s join questionnaire_responses o
           on o.follow_up_id = s.follow_up_id and o.instrument = 'odi' and jsonb_typeof(o.score) = 'number'
        where s.instrument = 'startback' and s.timepoint = 'baseline'`,
    );
    const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
    const odi = (g: string) => mean(rows.filter((r) => r.grp === g).map((r) => r.odi));
    expect(new Set(rows.map((r) => r.grp))).toEqual(new Set(["low", "medium", "high"]));
    expect(odi("high")).toBeGreaterThan(odi("low") + 10);
    for (const g of ["low", "medium", "high"])
      expect(rows.filter((r) => r.grp === g).length / rows.length).toBeGreaterThan(0.15);
  });

  it("asks every patient the safety questions before any questionnaire, every one answered, judged by the current rules", async () => {
    const intakes = await rowsOf<{
      patient_id: string;
      answers: Record<string, number | boolean | "unsure">;
      tier: string;
      flags: string[];
      flag_details: unknown;
      rules_version: string;
      submitted_at: Date;
      reviewed_at: Date | null;
    }>(a, "select * from intakes");
    expect(intakes).toHaveLength(400);
    expect(new Set(intakes.map((i) => i.patient_id)).size).toBe(400);
    for (const i of intakes) {
      // parseIntakeAnswers refuses an intake with any answer missing.
      const verdict = evaluateTriage(parseIntakeAnswers(i.answers));
      expect([i.tier, i.flags, i.rules_version]).toEqual([
        verdict.tier,
        verdict.flags.map((f) => f.id),
        verdict.rulesVersion,
      ]);
      expect(i.flag_details).toEqual(verdict.flags);
      // No demo patient is held: every flag was reviewed.
      if (i.tier !== "none") expect(i.reviewed_at).not.toBeNull();
    }
    expect(intakes.filter((i) => i.tier !== "none").length).toBeGreaterThan(10);
    expect(intakes.some((i) => Object.values(i.answers).includes("unsure"))).toBe(true);
    const [early] = await rowsOf<{ n: number }>(
      a,
      `select count(*)::int as n from questionnaire_responses r join intakes i on i.patient_id = r.patient_id
       where r.completed_at < i.submitted_at`,
    );
    expect(early?.n).toBe(0);
  });

  it("puts the demo clinics in their own time zones (diary reminders go out in their evening)", async () => {
    const rows = await rowsOf<{ name: string; time_zone: string }>(
      a,
      "select name, time_zone from clinics order by name",
    );
    expect(Object.fromEntries(rows.map((r) => [r.name, r.time_zone]))).toEqual({
      [DEMO_CLINIC]: "America/New_York",
      [SECOND_CLINIC]: "America/Chicago",
    });
  });

  it("gives both demo clinics every licence, confirmed, and the default plan", async () => {
    const licensed = await rowsOf<{ name: string; n: number }>(
      a,
      `select c.name, count(l.id)::int as n from clinics c join instrument_licences l on l.clinic_id = c.id group by c.name`,
    );
    expect(licensed.map((r) => r.n)).toEqual([5, 5]);
    for (const c of await rowsOf<{ id: string }>(a, "select id from clinics")) {
      expect(await planOf(a.system.db, c.id)).toEqual(defaultPlan);
    }
  });

  it("misses 20–30% of the follow-ups that have come due, more of the later ones", async () => {
    const fus = await rowsOf<FollowUp & { timepoint: string }>(
      a,
      `select timepoint, ${followUpColumns} from follow_ups where treatment_id is not null`,
    );
    const share = (tps: string[]) => {
      const status = fus.filter((f) => tps.includes(f.timepoint)).map((f) => followUpStatus(f, TODAY));
      const due = status.filter((s) => s !== "upcoming" && s !== "cancelled").length;
      return status.filter((s) => s === "missed").length / due;
    };
    const all = share(["2w", "6w", "3m", "6m", "12m"]);
    expect(all).toBeGreaterThanOrEqual(0.2);
    expect(all).toBeLessThanOrEqual(0.3);
    expect(share(["6m", "12m"])).toBeGreaterThan(share(["2w", "6w"]));
    const status = fus.map((f) => followUpStatus(f, TODAY));
    expect(status).toContain("open");
    expect(status).toContain("upcoming");
  });

  it("completes every response inside its follow-up's window, before today, and marks it completed", async () => {
    const bad = await rowsOf(
      a,
      `select r.id from questionnaire_responses r join follow_ups f on f.id = r.follow_up_id
       where (r.completed_at at time zone 'UTC')::date not between f.window_start and f.window_end
          or r.completed_at >= $1::date
          or f.status <> 'completed' or f.completed_at is null
          or r.patient_id <> f.patient_id or r.episode_id <> f.episode_id or r.timepoint <> f.timepoint`,
      [TODAY],
    );
    expect(bad).toEqual([]);
    const unlinked = await rowsOf(a, "select id from questionnaire_responses where follow_up_id is null");
    expect(unlinked).toEqual([]);
    const unanswered = await rowsOf(
      a,
      `select f.id from follow_ups f where f.status = 'completed'
       and (select count(*) from questionnaire_responses r where r.follow_up_id = f.id) <> cardinality(f.instruments)`,
    );
    expect(unanswered).toEqual([]);
  });

  it("answers every baseline on or before the treatment day, in the clinic's time zone: none is late", async () => {
    const late = await a.system.db.execute<{ n: number }>(
      sql`select count(*)::int as n from questionnaire_responses r where ${lateBaseline()}`,
    );
    expect(late.rows[0]?.n).toBe(0);
  });

  it("rests every cell therapy and PRP on an eligible sign-off the gate accepts, or on an override with a reason", async () => {
    const treated = await rowsOf<{
      patient_id: string;
      kind: string;
      treatment_date: string;
      candidacy: { basis: string; assessmentId: string | null; reason?: string; refusal?: string } | null;
    }>(a, "select patient_id, kind, treatment_date::text, candidacy from treatments");
    const signOffs = await rowsOf<{
      id: string;
      patient_id: string;
      outcome: CandidacyOutcome;
      criteria_version: string;
      signed_at: Date;
      time_zone: string;
    }>(
      a,
      `select ca.id, ca.patient_id, ca.outcome, ca.criteria_version, ca.signed_at, c.time_zone
         from candidacy_assessments ca join clinics c on c.id = ca.clinic_id`,
    );
    const investigational = treated.filter((t) => isInvestigational(t.kind));
    expect(investigational.length).toBeGreaterThan(20);
    expect(treated.filter((t) => !isInvestigational(t.kind)).every((t) => t.candidacy === null)).toBe(true);
    for (const t of investigational) {
      const own = signOffs
        .filter((s) => s.patient_id === t.patient_id)
        .map((s) => ({
          id: s.id,
          outcome: s.outcome,
          criteriaVersion: s.criteria_version,
          signedOn: localTime(s.signed_at, s.time_zone).date,
        }));
      const verdict = candidacyGate(t.kind, t.treatment_date, own);
      if (t.candidacy?.basis === "assessment")
        expect(verdict).toMatchObject({ status: "passed", signOff: { id: t.candidacy.assessmentId } });
      else {
        expect(t.candidacy).toMatchObject({ basis: "override", reason: expect.stringMatching(/\w/) });
        expect(verdict.status === "refused" && verdict.message).toBe(t.candidacy?.refusal);
      }
    }
    // Both paths occur: treatment within the trial criteria, and outside them by a clinician's choice.
    const bases = new Set(investigational.map((t) => t.candidacy?.basis));
    expect(bases).toEqual(new Set(["assessment", "override"]));
  });

  it("closes an unanswered baseline's window at the treatment date, as recording a treatment does", async () => {
    const bad = await rowsOf(
      a,
      `select f.id from follow_ups f
       join treatments t on t.episode_id = f.episode_id
       where f.timepoint = 'baseline' and f.completed_at is null and f.window_end > t.treatment_date`,
    );
    expect(bad).toEqual([]);
  });

  it("includes later operations, adverse events mostly of low grade, and a second clinic with about 20%", async () => {
    const [later] = await rowsOf<{ n: number }>(
      a,
      `select count(*)::int as n from treatments t
       where t.kind in ('discectomy', 'fusion')
         and exists (select 1 from treatments e where e.episode_id = t.episode_id and e.treatment_date < t.treatment_date)`,
    );
    expect(later!.n).toBeGreaterThan(0);
    const events = await rowsOf<{ kind: string; severity: number; serious: boolean }>(
      a,
      "select kind, severity, serious from adverse_events",
    );
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.severity >= 1 && e.severity <= 4)).toBe(true);
    expect(events.filter((e) => e.severity <= 2).length / events.length).toBeGreaterThan(0.6);
    const byClinic = await rowsOf<{ name: string; n: number }>(
      a,
      "select c.name, count(p.id)::int as n from clinics c left join patients p on p.clinic_id = c.id group by c.name",
    );
    const second = byClinic.find((c) => c.name === SECOND_CLINIC)!.n / 400;
    expect(second).toBeGreaterThan(0.12);
    expect(second).toBeLessThan(0.28);
  });

  it("records one hash-chained audit event for the seeding", async () => {
    const verified = await verifyAudit(a.system.db, a.audit);
    expect(verified).toMatchObject({ ok: true, events: 1 });
    const [event] = await rowsOf<{ action: string; actor_kind: string; detail: Record<string, unknown> }>(
      a,
      "select action, actor_kind, detail from audit_events",
    );
    expect(event).toMatchObject({
      action: "seed-demo",
      actor_kind: "system",
      detail: { patients: 400, seed: 7, today: TODAY },
    });
  });

  it("leaves planner statistics for the tables it filled, so the first views of the demo are fast", async () => {
    // pg_stats hides tables under row-level security from roles subject to it: ask as the owner.
    const { rows } = await a.owner.query<{ tablename: string }>(
      `select distinct tablename from pg_stats where schemaname = 'public'
          and tablename = any($1::text[])`,
      [["treatments", "follow_ups", "questionnaire_responses", "episodes", "patients"]],
    );
    expect(rows.map((r) => r.tablename).sort()).toEqual([
      "episodes",
      "follow_ups",
      "patients",
      "questionnaire_responses",
      "treatments",
    ]);
  });

  it("has outcome rows for every treatment kind, for the clinic and pooled", async () => {
    const [demo] = await rowsOf<{ id: string }>(a, "select id from clinics where name = $1", [DEMO_CLINIC]);
    const pooled = await outcomeObservations(a.system.db, null);
    const clinic = await outcomeObservations(a.system.db, demo!.id);
    const rows = summarizeOutcomes(pooled.observations, TODAY, defaultInstruments);
    expect([...treatmentKindIds].filter((k) => !rows.some((r) => r.treatmentKind === k))).toEqual([]);
    expect(pooled.patients).toBeGreaterThan(clinic.patients);
    const threeMonths = rows.filter((r) => r.timepoint === "3m");
    for (const r of threeMonths) expect(r.due).toBeGreaterThan(0);
    const answered = threeMonths.flatMap((r) => r.measures).filter((m) => m.n > 0);
    expect(answered.length).toBeGreaterThan(0);
  });

  it("gives the portal patient an activated account and a follow-up open today", async () => {
    const patient = demoSignIns.find((s) => s.role === "patient")!;
    const [account] = await rowsOf<{
      patient_id: string;
      activated_at: Date | null;
      password_hash: string | null;
      clinic: string;
    }>(
      a,
      `select a.patient_id, a.activated_at, a.password_hash, c.name as clinic from patient_accounts a
       join clinics c on c.id = a.clinic_id where a.email = $1`,
      [patient.email],
    );
    expect(account).toMatchObject({ clinic: DEMO_CLINIC });
    expect(account!.activated_at).not.toBeNull();
    expect(account!.password_hash).toMatch(/^\$argon2id\$/);
    const fus = await rowsOf<FollowUp>(a, `select ${followUpColumns} from follow_ups where patient_id = $1`, [
      account!.patient_id,
    ]);
    expect(fus.map((f) => followUpStatus(f, TODAY))).toContain("open");
    expect(fus.map((f) => followUpStatus(f, TODAY))).toContain("completed");
  });
});

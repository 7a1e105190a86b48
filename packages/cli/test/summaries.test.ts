/**
 * The outcome summaries equal the direct computation, on random registries (the demo generator
 * with random seeds, sizes and days), after the demo's rebuild and again after random writes —
 * new answers, corrections, moved treatment dates, changed kinds, birth dates, diary days and
 * imaging studies written, changed and deleted, and a clinic's time zone — are applied through
 * the queue, and after the day moves on. `checkSummaries` agrees. Every outcome measure is
 * compared, the diary's and imaging's too.
 */
import {
  checkSummaries,
  outcomeTallies,
  rebuildSummaries,
  refreshSummaries,
  registryCases,
  summaryOutcomeTallies,
  summaryRegistryTallies,
  summarySurvival,
  survivalTallies,
} from "@evident/db";
import { addDays, isSurgery, treatmentKindIds } from "@evident/domain";
import {
  type BaselineProfile,
  comparableFromTallies,
  comparablePatients,
  ODI_WINDOW,
} from "@evident/domain/evidence";
import {
  distributionsByKind,
  measuredInstruments,
  type OutcomeTallies,
  outcomeMeasures,
  summarizeOutcomes,
  surgeryFreeSurvival,
} from "@evident/domain/outcomes";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../db/test/database";
import { seedDemo } from "../src/demo/seed";

type TestDb = Awaited<ReturnType<typeof freshDatabase>>;
const surgeryKinds = treatmentKindIds.filter(isSurgery);
const opened: TestDb[] = [];
afterAll(async () => {
  await Promise.all(opened.map((d) => d.close()));
});

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sorted = <T>(xs: readonly T[]) =>
  [...xs].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
const canonical = (t: OutcomeTallies & { patients: number }) => ({
  patients: t.patients,
  followUps: sorted(
    t.followUps.map((f) => ({
      ...f,
      completedAt: f.completedAt !== null,
      cancelledAt: f.cancelledAt !== null,
    })),
  ),
  answers: sorted(t.answers),
});

async function compareAll(db: TestDb, today: string, random: () => number): Promise<void> {
  const clinics = (
    await db.system.db.execute<{ id: string }>(sql`select id from clinics order by id`)
  ).rows.map((r) => r.id);
  // Every outcome measure: each instrument's score and each sub-score (PROMIS-29 domains, EQ-5D-5L indexes).
  const instruments = outcomeMeasures.map((m) => m.id);
  const answered = (
    await db.system.db.execute<{ i: string }>(
      sql`select distinct instrument as i from questionnaire_responses`,
    )
  ).rows.map((r) => r.i);
  // The registry must answer every instrument a measure reads, or a measure's comparison is empty.
  expect(answered).toEqual(expect.arrayContaining(measuredInstruments.filter((i) => i !== "rmdq")));
  expect(await refreshSummaries(db.system.db, { today })).toBeDefined();
  for (const scope of [...clinics, null]) {
    const direct = await outcomeTallies(db.system.db, scope, { instruments });
    const summary = await summaryOutcomeTallies(db.system.db, scope, { instruments, today });
    expect(summary.patients).toBe(direct.patients);
    expect(sorted(summary.answers)).toEqual(sorted(direct.answers));
    if (scope === null)
      for (const id of [
        "nrs_leg",
        "peg",
        "promis29.pain_interference",
        "eq5d5l.index_us",
        "eq5d5l.index_england",
        "eq5d5l",
        "pgic",
        "diary.mme",
        "diary.on_opioids",
      ])
        expect(
          direct.answers.some((a) => a.instrument === id),
          `${id} answered`,
        ).toBe(true);
    if (scope === null) {
      // Opioid use has baselines and follow-ups, someone took an opioid, and some level was imaged twice.
      const mme = direct.answers.filter((a) => a.instrument === "diary.mme" && a.baseline !== null);
      expect(
        mme.some((a) => a.baseline! > 0 || a.followUp > 0),
        "an opioid in the diary",
      ).toBe(true);
      expect(
        direct.answers.some((a) => a.instrument.startsWith("imaging.pfirrmann.") && a.baseline !== null),
        "a Pfirrmann grade before and after",
      ).toBe(true);
      expect(
        direct.answers.some((a) => a.instrument.startsWith("imaging.disc_height.") && a.baseline !== null),
        "a disc height before and after",
      ).toBe(true);
    }
    expect(summarizeOutcomes(canonical(summary) as never, today, instruments)).toEqual(
      summarizeOutcomes(canonical(direct) as never, today, instruments),
    );
    for (const instrument of ["odi", "nrs_back"])
      for (const timepoint of ["3m", "12m"]) {
        const one = { instruments: [instrument], timepoint };
        expect(
          distributionsByKind(
            await summaryOutcomeTallies(db.system.db, scope, { ...one, today }),
            instrument,
            timepoint,
            today,
          ),
        ).toEqual(
          distributionsByKind(await outcomeTallies(db.system.db, scope, one), instrument, timepoint, today),
        );
      }
    const survivalDirect = await survivalTallies(db.system.db, scope, surgeryKinds, today);
    const survivalSummary = await summarySurvival(db.system.db, scope, surgeryKinds);
    expect(survivalSummary.counts).toEqual(survivalDirect.counts);
    expect(sorted(survivalSummary.tallies)).toEqual(sorted(survivalDirect.tallies));
    expect(surgeryFreeSurvival(sorted(survivalSummary.tallies), survivalSummary.counts)).toEqual(
      surgeryFreeSurvival(sorted(survivalDirect.tallies), survivalDirect.counts),
    );
  }
  for (const clinicId of clinics) {
    const cases = await registryCases(db.system.db, clinicId, { today });
    const groups = ["low", "medium", "high", null] as const;
    const profiles: (BaselineProfile | null)[] = [null];
    for (let i = 0; i < 6; i++)
      profiles.push({
        odi: random() < 0.1 ? null : Math.round(random() * 50) * 2,
        startBack: groups[Math.floor(random() * 4)] ?? null,
        symptomWeeks: random() < 0.2 ? null : Math.floor(random() * 300),
        age: random() < 0.1 ? null : 20 + Math.floor(random() * 60),
      });
    for (const profile of profiles)
      for (const minimum of [3, 30]) {
        const tallies = await summaryRegistryTallies(db.system.db, clinicId, profile, ODI_WINDOW);
        expect(comparableFromTallies(profile, tallies, minimum)).toEqual(
          comparablePatients(profile, cases, minimum),
        );
      }
  }
}

/**
 * Random diary and imaging writes alone (the other writes queue whole clinics, which would hide a
 * missing trigger): diary days deleted, opioid doses changed, a new day for a few (a day before
 * another entry, so it can fall into a baseline or a window); a study's grades changed, a study
 * deleted.
 */
async function diaryAndImagingWrites(db: TestDb, seed: number): Promise<void> {
  const pick = (table: string, n: number) =>
    sql.raw(`select * from ${table} order by md5(id::text || '${seed}') limit ${n}`);
  await db.system.db.execute(sql`
    with pick as (${pick("pain_diary_entries", 20)})
    delete from pain_diary_entries e using pick where e.id = pick.id`);
  await db.system.db.execute(sql`
    with pick as (${pick("pain_diary_entries", 20)})
    update pain_diary_entries e set mme = case when e.mme > 0 then 0 else 22.5 end from pick where e.id = pick.id`);
  await db.system.db.execute(sql`
    with pick as (${pick("pain_diary_entries", 10)})
    insert into pain_diary_entries (id, clinic_id, patient_id, entry_date, back_pain, leg_pain, mme, mme_table, created_at, updated_at)
    select gen_random_uuid(), clinic_id, patient_id, entry_date - 1, back_pain, leg_pain, 15, mme_table, now(), now()
    from pick on conflict (patient_id, entry_date) do nothing`);
  await db.system.db.execute(sql`
    with pick as (${pick("imaging_studies", 4)})
    update imaging_studies s set findings = (
      select jsonb_agg(case when f ? 'pfirrmann' then jsonb_set(f, '{pfirrmann}', to_jsonb(least(5, (f->>'pfirrmann')::int + 1))) else f end)
      from jsonb_array_elements(s.findings) f)
    from pick where s.id = pick.id`);
  await db.system.db.execute(sql`
    with pick as (${pick("imaging_studies", 2)})
    delete from imaging_studies s using pick where s.id = pick.id`);
}

/** Random writes through the app's role, so the queue's triggers see them. */
async function randomWrites(db: TestDb, seed: number): Promise<void> {
  const pick = (table: string, where: string, n: number) =>
    sql.raw(`select * from ${table} where ${where} order by md5(id::text || '${seed}') limit ${n}`);
  // Corrections: a new version of 15 current answers, the old ones superseded.
  await db.system.db.execute(sql`
    with pick as (${pick("questionnaire_responses", "superseded_at is null and score is not null and score <> 'null'::jsonb", 15)}),
    old as (update questionnaire_responses r set superseded_at = now() from pick where r.id = pick.id returning r.id)
    insert into questionnaire_responses (id, clinic_id, patient_id, episode_id, follow_up_id, instrument,
      instrument_version, timepoint, answers, score, score_detail, completed_at, source, supersedes_id, correction_reason)
    select gen_random_uuid(), clinic_id, patient_id, episode_id, follow_up_id, instrument, instrument_version,
      timepoint, answers, to_jsonb(greatest(0, score::float8 - 4)), score_detail, completed_at, source, id, 'test'
    from pick where exists (select 1 from old)`);
  // New answers: a later second answer to 15 follow-ups (the latest counts).
  await db.system.db.execute(sql`
    with pick as (${pick("questionnaire_responses", "superseded_at is null and follow_up_id is not null and score is not null and score <> 'null'::jsonb", 15)})
    insert into questionnaire_responses (id, clinic_id, patient_id, episode_id, follow_up_id, instrument,
      instrument_version, timepoint, answers, score, score_detail, completed_at, source)
    select gen_random_uuid(), clinic_id, patient_id, episode_id, follow_up_id, instrument, instrument_version,
      timepoint, answers, to_jsonb(score::float8 + 2), score_detail, completed_at + interval '2 days', source
    from pick`);
  // Treatment dates moved by up to three weeks either way, and two treatments of another kind.
  await db.system.db.execute(sql`
    with pick as (${pick("treatments", "true", 12)})
    update treatments t set treatment_date = t.treatment_date + ((abs(hashtext(t.id::text || ${String(seed)})) % 43) - 21)
    from pick where t.id = pick.id`);
  await db.system.db.execute(sql`
    with pick as (${pick("treatments", "kind <> 'lumbar_fusion'", 2)})
    update treatments t set kind = 'lumbar_fusion' from pick where t.id = pick.id`);
  await db.system.db.execute(sql`
    with pick as (${pick("patients", "true", 10)})
    update patients p set birth_date = p.birth_date - 3650 from pick where p.id = pick.id`);
  await db.system.db.execute(sql`
    update clinics set time_zone = 'Pacific/Kiritimati' where id = (select min(clinic_id::text)::uuid from treatments)`);
}

describe("outcome summaries", () => {
  const registries = [
    { seed: 5, patients: 180, today: "2026-06-15" },
    { seed: 23, patients: 120, today: "2025-11-03" },
  ];
  for (const r of registries) {
    it(`equal the direct computation on a random registry (seed ${r.seed}), after random writes and on a later day`, async () => {
      const db = await freshDatabase();
      opened.push(db);
      await seedDemo(db, {
        patients: r.patients,
        seed: r.seed,
        today: r.today,
        now: () => new Date(`${r.today}T12:00:00Z`),
      });
      const random = rng(r.seed);
      await compareAll(db, r.today, random);
      const queuedBefore = await db.system.db.execute<{ n: number }>(
        sql`select count(*)::int as n from summary_dirty`,
      );
      expect(queuedBefore.rows[0]?.n).toBe(0);
      await diaryAndImagingWrites(db, r.seed);
      await compareAll(db, r.today, random);
      await randomWrites(db, r.seed);
      const queued = await db.system.db.execute<{ n: number }>(
        sql`select count(*)::int as n from summary_dirty`,
      );
      expect(queued.rows[0]?.n).toBeGreaterThan(0);
      await compareAll(db, r.today, random);
      await compareAll(db, addDays(r.today, 45), random);
      expect(await checkSummaries(db.system.db, { today: addDays(r.today, 45) })).toMatchObject({
        ok: true,
        differing: [],
      });
    }, 240_000);
  }

  it("a check names a summary that no longer matches the registry", async () => {
    const db = opened[0]!;
    await db.owner.query(
      "delete from survival_summary where ctid in (select ctid from survival_summary limit 1)",
    );
    const result = await checkSummaries(db.system.db, { today: "2026-07-30" });
    expect(result.ok).toBe(false);
    expect(result.differing).toContain("survival_summary");
  });

  it("a rebuild on two connections mends them, and equals the rebuild on one", async () => {
    const db = opened[0]!;
    await db.owner.query(
      "delete from outcome_answer_summary where ctid in (select ctid from outcome_answer_summary limit 3)",
    );
    await db.owner.query(
      "delete from registry_summary where ctid in (select ctid from registry_summary limit 1)",
    );
    const broken = await checkSummaries(db.system.db, { today: "2026-07-30" });
    expect(broken.differing).toEqual(expect.arrayContaining(["outcome_answer_summary", "registry_summary"]));
    const rebuilt = await rebuildSummaries(db.system.db, { today: "2026-07-30", pool: db.system.pool });
    expect(rebuilt.slices).toBeGreaterThan(0);
    expect(await checkSummaries(db.system.db, { today: "2026-07-30" })).toEqual({
      ok: true,
      differing: [],
      queued: 0,
    });
  });
});

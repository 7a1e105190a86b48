/**
 * Opioid use from the pain diary and imaging change per level in the outcomes report, on a
 * constructed registry: patients write diary days around a treatment in the portal and staff
 * record MRIs before and after it; the report's rows must equal what those writes give by the
 * rules of domain/outcomes/source-measures.ts, worked out here by hand. Days and studies just
 * outside each rule (the treatment day, day 15 before it, a study over a year old, a second study
 * in the window) are written too, so a rule that let them in would change the numbers. The report
 * is read once before the follow-up data exist, so the follow-up numbers also show that diary
 * and imaging writes queue the summaries' slices.
 */
import { addDays } from "@evident/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "./harness";

const T0 = "2025-03-03";
const KIND = "exercise_physiotherapy";
const at = (date: string) => `${date}T09:00:00Z`;
/** The 6-week follow-up's window is days 28–56 after the treatment; the 6-month one is around 2025-09-03 ± 42 days. */
const SIX_WEEKS = [addDays(T0, 30), addDays(T0, 31), addDays(T0, 32), addDays(T0, 33)];
const SIX_MONTHS_FIRST = "2025-08-25";
const SIX_MONTHS_SECOND = "2025-09-12";

type Dose = { drug: string; dose: number; dosesPerDay: number };
const oxycodone = (dosesPerDay: number): Dose => ({ drug: "oxycodone", dose: 5, dosesPerDay });
const tramadol = (dosesPerDay: number): Dose => ({ drug: "tramadol", dose: 50, dosesPerDay });

/**
 * Per patient: the medicines of each baseline day (days −10 … −10 + k) and of each 6-week day;
 * `baselineDays`/`followUpDays` entries are written (fewer than 3: no value). MME per day: oxycodone
 * 5 mg × doses × 1.5, tramadol 50 mg × doses × 0.2 (CDC 2022).
 */
type Person = {
  before: Dose[];
  after: Dose[];
  baselineDays: number;
  followUpDays: number;
  /** Pfirrmann L4-L5 and disc height before (latest in the year) and after (first in the window); null: no study. */
  grade: [number, number] | null;
  height: [number, number];
};

const people: Person[] = [
  // On opioids before, stopped after.
  { before: [oxycodone(2)], after: [], baselineDays: 4, followUpDays: 4, grade: [4, 3], height: [70, 74] },
  { before: [oxycodone(3)], after: [], baselineDays: 4, followUpDays: 4, grade: [4, 4], height: [66, 66] },
  { before: [tramadol(2)], after: [], baselineDays: 3, followUpDays: 3, grade: [3, 3], height: [80, 78] },
  { before: [tramadol(4)], after: [], baselineDays: 5, followUpDays: 4, grade: [3, 4], height: [82, 75] },
  // On opioids before and after, on a lower dose.
  {
    before: [oxycodone(4)],
    after: [oxycodone(2)],
    baselineDays: 4,
    followUpDays: 4,
    grade: [5, 5],
    height: [50, 49],
  },
  {
    before: [oxycodone(2)],
    after: [oxycodone(1)],
    baselineDays: 4,
    followUpDays: 4,
    grade: [4, 3],
    height: [68, 71],
  },
  {
    before: [tramadol(3)],
    after: [tramadol(3)],
    baselineDays: 4,
    followUpDays: 4,
    grade: [3, 3],
    height: [85, 85],
  },
  // Not on opioids before; one starts.
  { before: [], after: [tramadol(2)], baselineDays: 4, followUpDays: 4, grade: [2, 2], height: [95, 94] },
  { before: [], after: [], baselineDays: 4, followUpDays: 4, grade: [3, 3], height: [84, 86] },
  { before: [], after: [], baselineDays: 4, followUpDays: 4, grade: [4, 4], height: [72, 70] },
  { before: [], after: [], baselineDays: 6, followUpDays: 4, grade: [3, 2], height: [80, 83] },
  { before: [], after: [], baselineDays: 4, followUpDays: 5, grade: [4, 5], height: [60, 58] },
  // Too few days: no baseline; no follow-up. Neither enters a change; the second is not answered.
  // The last has no MRI in the year before the treatment either (one over a year old), but one after.
  { before: [oxycodone(2)], after: [], baselineDays: 2, followUpDays: 4, grade: [3, 3], height: [80, 80] },
  { before: [oxycodone(2)], after: [], baselineDays: 4, followUpDays: 2, grade: null, height: [0, 0] },
];

const mmeOf = (doses: Dose[]) =>
  doses.reduce((s, d) => s + d.dose * d.dosesPerDay * (d.drug === "oxycodone" ? 1.5 : 0.2), 0);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

let h: Harness;
type Row = { treatmentKind: string; timepoint: string; measures: Record<string, unknown>[] };
let before: { rows: Row[] };
let report: { rows: Row[] };
const MEASURES = "diary.mme,diary.on_opioids,imaging.pfirrmann.L4-L5,imaging.disc_height.L4-L5";

async function staffCookie(clinicId: string) {
  return (await h.staff("clinician", clinicId)).cookie;
}

beforeAll(async () => {
  h = await createHarness({ now: at(T0) });
  const clinic = await h.clinic("Diary and imaging clinic");
  let cookie = await staffCookie(clinic.id);
  const patients: { id: string; email: string; cookie: string }[] = [];
  for (const [i, person] of people.entries()) {
    const p = await h.portalPatient(cookie);
    patients.push(p);
    // Day −15 and the treatment day are outside the baseline; their doses are large, so letting
    // them in would show.
    const days: [string, Dose[]][] = [
      [addDays(T0, -15), [oxycodone(8)]],
      ...Array.from({ length: person.baselineDays }, (_, k): [string, Dose[]] => [
        addDays(T0, -10 + k),
        person.before,
      ]),
      [T0, [oxycodone(8)]],
    ];
    for (const [date, medications] of days) {
      const res = await h.call("PUT", `/api/v1/portal/diary/${date}`, {
        cookie: p.cookie,
        body: { backPain: 6, legPain: 2, medications },
      });
      expect(res.status, res.text).toBe(200);
    }
    const studies: [string, number][] = [
      [addDays(T0, -400), 1], // over a year before: not a baseline
      ...(person.grade
        ? ([
            [addDays(T0, -200), 2], // in the year, but not the latest
            [addDays(T0, -30), person.grade[0]],
          ] as [string, number][])
        : []),
      [T0, 1], // the treatment day: neither before nor after
    ];
    for (const [date, grade] of studies) {
      const latest = date === addDays(T0, -30);
      const res = await h.call("POST", `/api/v1/patients/${p.id}/imaging`, {
        cookie,
        body: {
          date,
          modality: "mri",
          findings: [{ level: "L4-L5", pfirrmann: grade, discHeightPercent: latest ? person.height[0] : 99 }],
        },
      });
      expect(res.status, `${i}: ${res.text}`).toBe(201);
    }
    const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie,
      body: { kind: KIND, date: T0 },
    });
    expect(t.status, t.text).toBeLessThan(300);
  }
  // The 6-week days, written in the portal a few days after them.
  h.clock.set(at(addDays(T0, 36)));
  before = (
    await h.call("GET", `/api/v1/outcomes?measures=${MEASURES}`, { cookie: await staffCookie(clinic.id) })
  ).json;
  for (const [i, person] of people.entries()) {
    const signIn = await h.call("POST", "/api/v1/auth/patient/sign-in", {
      body: { email: patients[i]!.email, password: PASSWORD },
    });
    expect(signIn.status, signIn.text).toBe(200);
    for (const date of SIX_WEEKS.slice(0, person.followUpDays)) {
      const res = await h.call("PUT", `/api/v1/portal/diary/${date}`, {
        cookie: h.cookieFrom(signIn),
        body: { backPain: 4, legPain: 1, medications: person.after },
      });
      expect(res.status, res.text).toBe(200);
    }
  }
  // The 6-month MRIs: the first in the window counts, not the second.
  h.clock.set(at("2025-10-20"));
  cookie = await staffCookie(clinic.id);
  for (const [i, person] of people.entries()) {
    if (!person.grade && i !== people.length - 1) continue;
    for (const [date, grade, height] of [
      [SIX_MONTHS_FIRST, person.grade?.[1] ?? 3, person.height[1]],
      [SIX_MONTHS_SECOND, 1, 140],
    ] as const) {
      const res = await h.call("POST", `/api/v1/patients/${patients[i]!.id}/imaging`, {
        cookie,
        body: {
          date,
          modality: "mri",
          findings: [{ level: "L4-L5", pfirrmann: grade, discHeightPercent: height }],
        },
      });
      expect(res.status, res.text).toBe(201);
    }
  }
  const res = await h.call("GET", `/api/v1/outcomes?measures=${MEASURES}`, { cookie });
  expect(res.status, res.text).toBe(200);
  report = res.json;
}, 180_000);
afterAll(() => h.close());

const measureAt = (r: { rows: Row[] }, timepoint: string, id: string) =>
  r.rows
    .find((x) => x.treatmentKind === KIND && x.timepoint === timepoint)
    ?.measures.find((m) => m.instrument === id);

/** Per patient with enough days: mean daily MME before and at 6 weeks (to 0.01), as the rule says. */
function diaryPairs(): { answered: number; pairs: [number, number][] } {
  let answered = 0;
  const pairs: [number, number][] = [];
  for (const p of people) {
    if (p.followUpDays < 3) continue;
    answered++;
    if (p.baselineDays < 3) continue;
    pairs.push([mmeOf(p.before), mmeOf(p.after)]);
  }
  return { answered, pairs };
}

describe("opioid use from the pain diary", () => {
  it("gives the mean daily MME before and at 6 weeks of patients with 3 or more days each, and its change, with no responders", () => {
    const { answered, pairs } = diaryPairs();
    expect(pairs).toHaveLength(12);
    const row = measureAt(report, "6w", "diary.mme")!;
    expect(row).toMatchObject({
      n: 12,
      answered: 13,
      suppressed: false,
      responders: 0,
      responderRule: "none",
    });
    expect(answered).toBe(13);
    // By hand: before 15 + 22.5 + 20 + 40 + 30 + 15 + 30 = 172.5 over 12; after 15 + 7.5 + 30 + 20 = 72.5.
    expect(row.baselineMean as number).toBeCloseTo(172.5 / 12, 9);
    expect(row.followUpMean as number).toBeCloseTo(72.5 / 12, 9);
    expect(row.meanChange as number).toBeCloseTo(mean(pairs.map(([b, a]) => a - b)), 9);
    expect(row.meanChange as number).toBeCloseTo(-100 / 12, 9);
  });

  it("gives the shares on opioids before and at 6 weeks, and those who stopped as responders", () => {
    const row = measureAt(report, "6w", "diary.on_opioids")!;
    // 7 of 12 on opioids before, 4 after (3 still on, 1 started); 4 stopped.
    expect(row).toMatchObject({ n: 12, answered: 13, responders: 4 });
    expect(row.baselineMean as number).toBeCloseTo(7 / 12, 12);
    expect(row.followUpMean as number).toBeCloseTo(4 / 12, 12);
    expect(row.responderShare as number).toBeCloseTo(4 / 12, 12);
    expect(row.responderRule).toMatch(/^stopped/);
  });

  it("has no 6-week value before the 6-week days are written, and picks them up once they are", () => {
    expect(measureAt(before, "6w", "diary.mme")).toMatchObject({ n: 0, answered: 0 });
    expect(measureAt(report, "2w", "diary.mme")).toMatchObject({ n: 0, answered: 0 });
  });
});

describe("imaging change per level", () => {
  it("gives the Pfirrmann grade at L4-L5 as the shares worse, the same and better, from the latest study in the year before and the first in the window", () => {
    const pairs = people.flatMap((p) => (p.grade ? [p.grade] : []));
    expect(pairs).toHaveLength(13);
    const row = measureAt(report, "6m", "imaging.pfirrmann.L4-L5")!;
    // By hand: better 3 (4→3, 4→3, 3→2), worse 2 (3→4, 4→5), the same 8.
    expect(row).toMatchObject({
      n: 13,
      answered: 14,
      baselineMean: null,
      meanChange: null,
      shift: { worse: { count: 2 }, same: { count: 8 }, better: { count: 3 } },
    });
    const shift = row.shift as Record<string, { share: number }>;
    expect(shift.better!.share).toBeCloseTo(3 / 13, 12);
    expect(shift.worse!.share).toBeCloseTo(2 / 13, 12);
  });

  it("gives disc height at L4-L5 as a mean change from the same studies", () => {
    const pairs = people.filter((p) => p.grade).map((p) => p.height);
    const row = measureAt(report, "6m", "imaging.disc_height.L4-L5")!;
    expect(row).toMatchObject({ n: 13, answered: 14, responders: 0 });
    expect(row.baselineMean as number).toBeCloseTo(mean(pairs.map(([b]) => b)), 9);
    expect(row.meanChange as number).toBeCloseTo(mean(pairs.map(([b, a]) => a - b)), 9);
    // By hand: changes 4, 0, −2, −7, −1, 3, 0, −1, 2, −2, 3, −2, 0 = −3 over 13.
    expect(row.meanChange as number).toBeCloseTo(-3 / 13, 9);
  });
});

describe("the outcomes API", () => {
  it("returns the diary and imaging measures asked for, in order", async () => {
    h.clock.set(at("2025-10-20"));
    const clinicId = (
      await h.database.pool.query<{ id: string }>(
        "select id from clinics where name = 'Diary and imaging clinic'",
      )
    ).rows[0]!.id;
    const res = await h.call("GET", "/api/v1/outcomes?measures=diary.mme,imaging.pfirrmann.L4-L5", {
      cookie: await staffCookie(clinicId),
    });
    expect(res.status, res.text).toBe(200);
    for (const row of res.json.rows as Row[])
      expect(row.measures.map((m) => m.instrument)).toEqual(["diary.mme", "imaging.pfirrmann.L4-L5"]);
    expect(res.json.notes.join(" ")).toMatch(/Opioid use is from the pain diary.*Imaging change per level/);
  });
});

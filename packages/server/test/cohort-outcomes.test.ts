/**
 * Cohort filters on the outcomes report (GET /outcomes), on a registry with known answers
 * (./outcome-registry): a filter changes the figures exactly as a direct computation from the
 * people written says, for a clinic (direct SQL) and pooled for a researcher (computed by the
 * system role, read from the cache); a filter by clinic alone is answered from the summaries and
 * equals the clinic's own view; a saved cohort gives the same numbers as its filters and prints
 * its line; rows with 1 to 10 follow-ups due are left out whole and counted; bad filters are
 * problem+json naming the field.
 */
import { mean } from "@evident/domain/stats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { type Person, people, T0, writeTwoClinics } from "./outcome-registry";

let h: Harness;
let clinician: { cookie: string };
let researcher: { cookie: string };
let admin: { cookie: string };
let mainClinic: string;

// Conditions alternate facet (i % 3 = 0) and degenerative disc disease, so each filter's cohort
// is known: 18 + 16 people with disc disease here, 2 elsewhere; 9 + 8 with facet arthropathy.
const injected = people("bone_marrow_concentrate", 27, 1, { fusions: 3, missed: 2, noBaseline: 1 });
const exercised = people("exercise_physiotherapy", 24, 2, { missed: 2, noBaseline: 1, shift: 3 });
const elsewhere = people("medication", 3, 3);

beforeAll(async () => {
  h = await createHarness({ now: `${T0}T09:00:00Z` });
  const written = await writeTwoClinics(h, [...injected, ...exercised], elsewhere);
  mainClinic = written.clinicId;
  ({ clinician, researcher, admin } = written);
}, 180_000);
afterAll(() => h.close());

const get = (query: string, cookie: string) => h.call("GET", `/api/v1/outcomes${query}`, { cookie });
type Row = { treatmentKind: string; timepoint: string; due: number; responded: number; measures: Measure[] };
type Measure = { instrument: string; n: number; meanChange: number | null };
const rowOf = (rows: Row[], kind: string, timepoint: string) =>
  rows.find((r) => r.treatmentKind === kind && r.timepoint === timepoint);

/** The 12-month row as the people written say it: due, answered, and the ODI change. */
function expected12m(ps: readonly Person[]) {
  const due = ps.filter((p) => p.fusionDay === null);
  const paired = due.filter((p) => p.baseline && p.twelveMonths);
  return {
    due: due.length,
    responded: due.filter((p) => p.twelveMonths).length,
    n: paired.length,
    meanChange: mean(paired.map((p) => p.twelveMonths!.odi - p.baseline!.odi)),
  };
}
const disc = (ps: readonly Person[]) => ps.filter((p) => p.condition === "degenerative_disc_disease");

function expectRow(rows: Row[], kind: string, ps: readonly Person[]) {
  const want = expected12m(ps);
  const row = rowOf(rows, kind, "12m");
  expect(row, kind).toMatchObject({ due: want.due, responded: want.responded });
  const odi = row!.measures.find((m) => m.instrument === "odi")!;
  expect(odi.n).toBe(want.n);
  expect(odi.meanChange).toBeCloseTo(want.meanChange, 10);
}

describe("the outcomes report for a cohort", () => {
  it("changes the clinic's 12-month figures exactly as the filtered people say (direct SQL)", async () => {
    const all = await get("", clinician.cookie);
    expectRow(all.json.rows, "bone_marrow_concentrate", injected);
    expect(all.json.cohort).toBeNull();
    const res = await get("?conditions=degenerative_disc_disease", clinician.cookie);
    expect(res.status, res.text).toBe(200);
    expect(res.json.patients).toBe(disc(injected).length + disc(exercised).length);
    expectRow(res.json.rows, "bone_marrow_concentrate", disc(injected));
    expectRow(res.json.rows, "exercise_physiotherapy", disc(exercised));
    expect(res.json.cohort).toMatchObject({
      line: "Filtered: Degenerative disc disease",
      id: null,
    });
    // The two operated on with disc disease make fusion rows of 2 due: left out whole, and counted.
    expect(res.json.rows.filter((r: Row) => r.treatmentKind === "fusion" && r.due > 0)).toEqual([]);
    expect(res.json.rows.every((r: Row) => r.due === 0 || r.due >= 11)).toBe(true);
    expect(res.json.cohort.suppressedRows).toBeGreaterThan(0);
  });

  it("pools every clinic's cohort for a researcher and leaves out rows with 1 to 10 due, saying how many", async () => {
    const res = await get("?conditions=degenerative_disc_disease", researcher.cookie);
    expect(res.status, res.text).toBe(200);
    expect(res.json.patients).toBe(disc(injected).length + disc(exercised).length + disc(elsewhere).length);
    expectRow(res.json.rows, "bone_marrow_concentrate", disc(injected));
    // The other clinic's two people with disc disease had medication: too few to show, row and counts.
    expect(res.json.rows.filter((r: Row) => r.treatmentKind === "medication")).toEqual([]);
    expect(res.json.cohort.suppressedRows).toBeGreaterThan(0);
    expect(res.json.notes.join(" ")).toMatch(
      /left out of this filtered view because 1 to 10 follow-ups were due/,
    );
  });

  it("suppresses every row of a cohort too small in each row, still giving a patient count of 11 or more", async () => {
    const res = await get("?conditions=facet_arthropathy", clinician.cookie);
    expect(res.json.rows.filter((r: Row) => r.due > 0)).toEqual([]);
    expect(res.json.patients).toBe(17);
    const tiny = await get("?conditions=facet_arthropathy&treatmentKinds=medication", researcher.cookie);
    expect([tiny.json.patients, tiny.json.rows.filter((r: Row) => r.due > 0)]).toEqual([null, []]);
  });

  it("answers a clinic filter from the summaries with the clinic's own figures", async () => {
    const own = await get("", clinician.cookie);
    const filtered = await get(`?clinicIds=${mainClinic}`, researcher.cookie);
    // The same figures, less the rows of 1 to 10 due that every filtered view leaves out.
    const shown = own.json.rows.filter((r: Row) => r.due === 0 || r.due >= 11);
    expect(filtered.json.rows).toEqual(shown);
    expect(filtered.json.cohort.suppressedRows).toBe(own.json.rows.length - shown.length);
    expect(filtered.json.patients).toBe(own.json.patients);
    const pooled = await get("", researcher.cookie);
    expect(pooled.json.patients).toBe(own.json.patients + elsewhere.length);
  });

  it("gives a saved cohort the same figures as its filters and prints its name and version", async () => {
    const saved = await h.call("POST", "/api/v1/cohorts", {
      cookie: admin.cookie,
      body: {
        name: "Disc BMC",
        filter: { conditions: ["degenerative_disc_disease"], treatmentKinds: ["bone_marrow_concentrate"] },
      },
    });
    expect(saved.status, saved.text).toBe(201);
    const byId = await get(`?cohort=${saved.json.id}`, clinician.cookie);
    const byFilter = await get(
      "?conditions=degenerative_disc_disease&treatmentKinds=bone_marrow_concentrate",
      clinician.cookie,
    );
    expect(byId.json.rows).toEqual(byFilter.json.rows);
    expect(byId.json.rows.map((r: Row) => r.treatmentKind)).toEqual(
      expect.arrayContaining(["bone_marrow_concentrate"]),
    );
    expect(new Set(byId.json.rows.map((r: Row) => r.treatmentKind))).toEqual(
      new Set(["bone_marrow_concentrate"]),
    );
    expectRow(byId.json.rows, "bone_marrow_concentrate", disc(injected));
    expect(byId.json.cohort).toMatchObject({
      line: "Cohort 'Disc BMC' v1: Degenerative disc disease; Bone-marrow concentrate injection",
      id: saved.json.id,
      version: 1,
    });
  });

  it("names each bad filter as problem+json, refuses another clinic to staff and an unknown cohort", async () => {
    const bad = await get("?sexes=robot&ageBands=40-49,teen", clinician.cookie);
    expect([bad.status, bad.headers.get("content-type")]).toEqual([
      400,
      expect.stringMatching(/problem\+json/),
    ]);
    expect(bad.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(["ageBands.1", "sexes.0"]);
    const order = await get("?treatedFrom=2026-02-01&treatedTo=2026-01-01", clinician.cookie);
    expect([order.status, order.json.issues[0].path]).toEqual([400, "treatedFrom"]);
    const both = await get(`?cohort=${mainClinic}&sexes=female`, clinician.cookie);
    expect([both.status, both.json.issues[0].path]).toEqual([400, "cohort"]);
    const other = await get("?clinicIds=0190c0de-0000-7000-8000-000000000001", clinician.cookie);
    expect([other.status, other.json.issues[0].path]).toEqual([400, "clinicIds"]);
    const unknown = await get("?cohort=0190c0de-0000-7000-8000-000000000001", clinician.cookie);
    expect(unknown.status).toBe(404);
  });
});

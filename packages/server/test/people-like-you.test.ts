/**
 * "People like you" through the API, on a registry written as a clinic writes it: the decision
 * aid's clinic numbers count only patients of the same treatment kind with a similar baseline
 * (Oswestry within 10 points, age within 10 years; criteria the patient has not given are not
 * applied, and said so), widen one criterion at a time when too few match and say which, give
 * how many were treated, due and answered with the range the missing could move the share over,
 * and show neither a number nor a count below 30. A patient sees their own; staff name the patient.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "./harness";
import { odiAnswers, type Person, writeRegistry } from "./outcome-registry";

let h: Harness;
let staffCookie: string;
let target: { id: string; cookie: string };
let clinicId: string;

/**
 * `n` people given `kind` at baseline ODI `odi`, born `born`; the first `responders` improve 7 → 3
 * at 3 months, and the last `missed` do not answer then.
 */
function cohort(
  kind: string,
  n: number,
  responders: number,
  odi: number,
  born = "1972-03-03",
  missed = 0,
): Person[] {
  return Array.from({ length: n }, (_, i) => ({
    kind,
    condition: "degenerative_disc_disease",
    birthDate: born,
    sex: i % 2 ? "female" : "male",
    onsetDate: "2024-01-01",
    baseline: { nrs: 7, odi },
    threeMonths: i >= n - missed ? null : { nrs: i < responders ? 3 : 7, odi },
    twelveMonths: null,
    fusionDay: null,
  }));
}

const registry = (cookie: string, patientId?: string) =>
  h.call("GET", `/api/v1/decision-aid/registry${patientId ? `?patientId=${patientId}` : ""}`, { cookie });
const item = (res: { json: { items: { optionId: string }[] } }, optionId: string) =>
  res.json.items.find((i) => i.optionId === optionId) as unknown as Record<string, unknown> & {
    figure: { n: number; responders: number; timepoint: string } | null;
  };

beforeAll(async () => {
  h = await createHarness();
  const clinic = await h.clinic("Like-you clinic");
  clinicId = clinic.id;
  const staff = await h.staff("clinician", clinic.id);
  await writeRegistry(h, staff, [
    ...cohort("exercise_physiotherapy", 40, 20, 40, "1972-03-03", 6), // like the target; 6 never answer
    ...cohort("exercise_physiotherapy", 20, 20, 80), // far more disabled: not like the target
    ...cohort("bone_marrow_concentrate", 31, 9, 42, "1935-01-01"), // like the target but for age
    ...cohort("epidural_steroid_injection", 12, 12, 40), // too few
  ]);
  staffCookie = h.cookieFrom(
    await h.call("POST", "/api/v1/auth/staff/sign-in", { body: { email: staff.email, password: PASSWORD } }),
  );
  // The target: born 1970 (56 today), Oswestry 44 at baseline, no STarT Back, no onset date.
  const p = await h.portalPatient(staffCookie);
  await h.call("POST", `/api/v1/patients/${p.id}/responses`, {
    cookie: staffCookie,
    body: { responses: [{ instrument: "odi", answers: odiAnswers(44) }] },
  });
  target = { id: p.id, cookie: p.cookie };
});
afterAll(() => h.close());

describe("people like you", () => {
  it("counts only patients of the same kind with a similar baseline, and says what that means", async () => {
    const res = await registry(target.cookie);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ basis: "patient", usable: true, minimum: 30 });
    expect(res.json.criteria).toEqual([
      { id: "odi", words: "a daily life score within 10 points of yours (44 out of 100)" },
      { id: "age", words: "an age within 10 years of yours (55)" },
    ]);
    expect(res.json.unknown.map((c: { id: string }) => c.id)).toEqual(["startBack", "duration"]);
    expect(item(res, "exercise-physiotherapy")).toMatchObject({
      criteria: ["odi", "age"],
      widened: [],
      figure: {
        timepoint: "3m",
        treated: 40,
        due: 40,
        n: 34,
        responders: 20,
        // The 6 who did not answer: 20/40 if none of them improved, 26/40 if all did.
        range: { due: 40, missing: 6, lower: 0.5, upper: 0.65 },
      },
    });
    // Staff asking for the same patient see the same.
    const staff = await registry(staffCookie, target.id);
    expect(staff.json).toEqual(res.json);
  });

  it("widens age when too few match on it, and says so", async () => {
    const res = await registry(target.cookie);
    expect(item(res, "bone-marrow-concentrate")).toMatchObject({
      criteria: ["odi"],
      widened: ["age"],
      figure: { n: 31, responders: 9 },
    });
  });

  it("shows no number and no count below 30, even widened", async () => {
    const res = await registry(target.cookie);
    const epidural = item(res, "epidural-steroid-injection");
    expect(epidural).toMatchObject({ figure: null, widened: ["age"] });
    expect(JSON.stringify(epidural)).not.toMatch(/\b12\b/);
  });

  it("finds nobody like a patient with no Oswestry score yet", async () => {
    const p = await h.portalPatient(staffCookie);
    const res = await registry(p.cookie);
    expect(res.json.usable).toBe(false);
    expect(res.json.items.every((i: { figure: unknown }) => i.figure === null)).toBe(true);
    expect(res.json.unknown.map((c: { id: string }) => c.id)).toContain("odi");
  });

  it("is audited with the patient, refused for another patient (403) or another clinic's (404)", async () => {
    const other = await h.portalPatient(staffCookie);
    expect((await registry(target.cookie, other.id)).status).toBe(403);
    const elsewhere = await h.staff("clinician");
    const res = await registry(elsewhere.cookie, target.id);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    const bad = await registry(staffCookie, "not-an-id");
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toEqual(["patientId"]);
    const audit = await h.database.pool.query(
      "select detail from audit_events where entity_type = 'decision-aid-registry' and patient_id = $1 and clinic_id = $2",
      [target.id, clinicId],
    );
    expect(audit.rows.length).toBeGreaterThan(0);
    expect(audit.rows[0].detail.basis).toBe("patient");
  });
});

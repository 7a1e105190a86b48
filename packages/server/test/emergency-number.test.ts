/**
 * The clinic's emergency number: a country (ISO 3166-1 alpha-2) gives the default, an
 * administrator may set the clinic's own (audited); a country without a known default needs one.
 * Every patient text the server sends names it — triage advice, the recovery warnings, the
 * problem-report advice, the follow-up e-mails — and the portal's "me" carries it for the
 * Spanish texts the web app fills in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJobsOnce } from "../src/jobs/runner";
import { calmIntake } from "./answers";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const setNumber = (cookie: string, body: unknown) =>
  h.call("PUT", "/api/v1/clinic/emergency-number", { cookie, body });

describe("the clinic's emergency number", () => {
  it("defaults from the country, takes the clinic's own, and is audited", async () => {
    const admin = await h.staff("admin");
    const spain = await setNumber(admin.cookie, { country: "ES" });
    expect(spain.status).toBe(200);
    expect(spain.json).toMatchObject({
      country: "ES",
      emergencyNumber: null,
      defaultEmergencyNumber: "112",
      effectiveEmergencyNumber: "112",
    });
    const own = await setNumber(admin.cookie, { country: "GB", emergencyNumber: "112" });
    expect(own.json).toMatchObject({
      country: "GB",
      defaultEmergencyNumber: "999",
      effectiveEmergencyNumber: "112",
    });
    expect(
      (await h.call("GET", "/api/v1/clinic", { cookie: admin.cookie })).json.effectiveEmergencyNumber,
    ).toBe("112");
    const { rows } = await h.database.pool.query(
      "select detail from audit_events where entity_type = 'clinic' and action = 'update' and clinic_id = $1 order by seq",
      [admin.clinicId],
    );
    expect(rows.map((r) => r.detail)).toEqual([
      { country: { from: "US", to: "ES" }, emergencyNumber: { from: null, to: null } },
      { country: { from: "ES", to: "GB" }, emergencyNumber: { from: null, to: "112" } },
    ]);
  });

  it("refuses a country that is not a code, a malformed number, and no number where no default is known", async () => {
    const admin = await h.staff("admin");
    const cases: [unknown, string[]][] = [
      [{ country: "UK" }, ["country"]],
      [{ country: "usa" }, ["country"]],
      [{ country: "ES", emergencyNumber: "1 1 2" }, ["emergencyNumber"]],
      [{ country: "JP" }, ["emergencyNumber"]],
      [{}, ["country"]],
    ];
    for (const [body, paths] of cases) {
      const res = await setNumber(admin.cookie, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
      expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(paths);
    }
    expect((await setNumber(admin.cookie, { country: "JP", emergencyNumber: "119" })).status).toBe(200);
  });

  it("is set by administrators only", async () => {
    const admin = await h.staff("admin");
    const clinician = await h.staff("clinician", admin.clinicId);
    expect((await setNumber(clinician.cookie, { country: "ES" })).status).toBe(403);
    expect((await h.call("GET", "/api/v1/clinic", { cookie: clinician.cookie })).json.country).toBe("US");
  });

  it("is the number in the patient's advice, recovery warnings, problem advice and e-mails, and in 'me'", async () => {
    const admin = await h.staff("admin");
    await setNumber(admin.cookie, { country: "ES" });
    const clinician = await h.staff("clinician", admin.clinicId);
    const p = await h.portalPatient(clinician.cookie);

    // The baseline questionnaire's invitation, sent by the contacts job.
    await runJobsOnce(h.deps, { again: true });
    const mail = await h.database.pool.query<{ body: string }>(
      "select body from outbox_messages where patient_id = $1 and kind = 'follow-up-invitation'",
      [p.id],
    );
    expect(mail.rows.map((r) => r.body)).toEqual([expect.stringContaining("Call the clinic or 112 now.")]);

    const me = await h.call("GET", "/api/v1/auth/me", { cookie: p.cookie });
    expect(me.json.clinic.emergencyNumber).toBe("112");
    expect(
      (await h.call("GET", "/api/v1/auth/me", { cookie: clinician.cookie })).json.clinic.emergencyNumber,
    ).toBe("112");

    const intake = await h.call("POST", "/api/v1/portal/intake", {
      cookie: p.cookie,
      body: { answers: calmIntake({ pulsatileAbdominalMass: "unsure" }) },
    });
    expect(intake.json.latest.advice.whatToDo).toContain("call 112.");
    expect(intake.json.latest.advice.safetyNet).toContain("call 112 at once");
    const review = await h.call("POST", `/api/v1/patients/${p.id}/intakes/${intake.json.latest.id}/review`, {
      cookie: clinician.cookie,
      body: { note: "Called: no lump; reassured" },
    });
    expect(review.status).toBe(200);

    const treated = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: clinician.cookie,
      body: { kind: "epidural_steroid_injection", date: "2026-03-01" },
    });
    expect(treated.status).toBe(201);
    const recovery = await h.call("GET", "/api/v1/portal/recovery", { cookie: p.cookie });
    expect(recovery.json.phases[0].warning).toContain("call 112 now");
    const problem = await h.call("POST", "/api/v1/portal/problems", {
      cookie: p.cookie,
      body: { symptoms: ["fever"], onsetDate: "2026-03-02" },
    });
    expect(problem.json.advice.text).toContain("Call 112 if you cannot pass urine");

    const texts = JSON.stringify([intake.json, recovery.json, problem.json]);
    expect(texts).not.toMatch(/911|\{emergencyNumber\}/);
  });
});

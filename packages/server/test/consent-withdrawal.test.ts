/**
 * Withdrawing research consent in the portal: from then on the patient is left out of the
 * researcher's pooled outcomes and of research exports' cohorts, while the clinic's own outcomes
 * still count them and their record says so; audited; a second withdrawal is refused.
 */
import { cohortPatientIds } from "@evident/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchFor } from "./answers";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => h.close());

describe("withdrawing research consent", () => {
  it("takes the patient out of pooled outcomes and exports, but not out of the clinic's own view", async () => {
    const clinic = await h.clinic("Withdrawal clinic");
    const clinician = await h.staff("clinician", clinic.id);
    const researcher = await h.staff("researcher");
    const research = await h.publishConsent(clinic.id, { purpose: "research" });
    const patients = [];
    for (let i = 0; i < 2; i++) {
      const p = await h.portalPatient(clinician.cookie);
      await h.answerSafetyQuestions(p.cookie);
      await h.call("POST", `/api/v1/patients/${p.id}/responses`, {
        cookie: clinician.cookie,
        body: batchFor(["nrs_back", "odi"], 0.6),
      });
      const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
        cookie: clinician.cookie,
        body: { kind: "medication", date: "2026-03-02" },
      });
      expect(t.status).toBe(201);
      patients.push(p);
    }
    const [leaving, staying] = patients as [(typeof patients)[number], (typeof patients)[number]];
    const signed = await h.call("POST", "/api/v1/portal/consents", {
      cookie: leaving.cookie,
      body: { documentId: research[0]!.id, typedName: "Ada Lovelace", confirmed: true },
    });
    expect(signed.status).toBe(201);
    const pooled = async () =>
      (await h.call("GET", "/api/v1/outcomes", { cookie: researcher.cookie })).json.patients;
    const own = async () =>
      (await h.call("GET", "/api/v1/outcomes", { cookie: clinician.cookie })).json.patients;
    const pooledBefore = await pooled();
    expect(await own()).toBe(2);
    const cohortBefore = await cohortPatientIds(h.database.db, null, {});
    expect(cohortBefore).toEqual(expect.arrayContaining([leaving.id, staying.id]));

    const consentId = signed.json.consents[0].id;
    const withdrawn = await h.call("POST", `/api/v1/portal/consents/${consentId}/withdrawal`, {
      cookie: leaving.cookie,
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json).toMatchObject({
      researchWithdrawn: true,
      consents: [{ id: consentId, withdrawnAt: "2026-03-02T09:00:00.000Z" }],
    });

    expect(await pooled()).toBe(pooledBefore - 1);
    expect(await own()).toBe(2);
    const pooledCohort = await cohortPatientIds(h.database.db, null, {});
    expect(pooledCohort).toContain(staying.id);
    expect(pooledCohort).not.toContain(leaving.id);
    expect(await cohortPatientIds(h.database.db, clinic.id, {})).toContain(leaving.id);

    const record = await h.call("GET", `/api/v1/patients/${leaving.id}/consents`, {
      cookie: clinician.cookie,
    });
    expect(record.json.researchWithdrawn).toBe(true);
    const { rows } = await h.database.pool.query(
      "select detail from audit_events where entity_type = 'consent' and action = 'withdraw' and entity_id = $1",
      [consentId],
    );
    expect(rows[0].detail).toMatchObject({ purpose: "research", summarySlicesQueued: 1 });

    const twice = await h.call("POST", `/api/v1/portal/consents/${consentId}/withdrawal`, {
      cookie: leaving.cookie,
    });
    expect([twice.status, twice.json.issues[0].path]).toEqual([409, "consentId"]);
    const notTheirs = await h.call("POST", `/api/v1/portal/consents/${consentId}/withdrawal`, {
      cookie: staying.cookie,
    });
    expect(notTheirs.status).toBe(404);
  });
});

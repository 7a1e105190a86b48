/**
 * A research export run after a patient withdraws research consent leaves them out, where the
 * same export run before counted them: twelve patients of one k-anonymity class (the export keeps
 * a class of 11 or more), one of them the only one with a treatment, so the treatments file shows
 * whether they are in it. The export is the web app's job, as a researcher runs it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExportJobsOnce } from "../src/jobs/runner";
import { batchFor } from "./answers";
import { createHarness, type Harness } from "./harness";

let h: Harness;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "evident-withdrawal-"));
  h = await createHarness({ now: "2026-03-10T09:00:00Z", config: { dataDir } });
}, 120_000);
afterAll(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a research export after research consent is withdrawn", () => {
  it("contained the patient before the withdrawal and does not after it", async () => {
    const clinic = await h.clinic("Export withdrawal clinic");
    const clinician = await h.staff("clinician", clinic.id);
    const researcher = await h.staff("researcher", clinic.id);
    const [research] = await h.publishConsent(clinic.id, { purpose: "research" });
    const leaving = await h.portalPatient(clinician.cookie);
    await h.answerSafetyQuestions(leaving.cookie);
    const ids = [leaving.id];
    for (let i = 0; i < 11; i++) ids.push((await h.patient(clinician.cookie)).id);
    for (const id of ids) {
      const res = await h.call("POST", `/api/v1/patients/${id}/responses`, {
        cookie: clinician.cookie,
        body: batchFor(["nrs_back", "odi"], 0.5),
      });
      expect(res.status, res.text).toBe(201);
    }
    const treated = await h.call("POST", `/api/v1/patients/${leaving.id}/treatments`, {
      cookie: clinician.cookie,
      body: { kind: "medication", date: "2026-03-03" },
    });
    expect(treated.status, treated.text).toBe(201);
    const signed = await h.call("POST", "/api/v1/portal/consents", {
      cookie: leaving.cookie,
      body: { documentId: research!.id, typedName: "Ada Lovelace", confirmed: true },
    });
    expect(signed.status, signed.text).toBe(201);

    const call = (method: string, url: string, body?: unknown) =>
      h.call(method, `/api/v1${url}`, { cookie: researcher.cookie, ...(body === undefined ? {} : { body }) });
    const terms = await call("GET", "/research/terms");
    expect((await call("POST", "/research/terms/acceptances", { version: terms.json.version })).status).toBe(
      201,
    );

    async function runExport() {
      const queued = await call("POST", "/research/exports", { format: "csv" });
      expect(queued.status, queued.text).toBe(202);
      await runExportJobsOnce(h.deps);
      const done = await call("GET", `/research/exports/${queued.json.id}`);
      expect(done.json.status).toBe("completed");
      const file = async (name: string) =>
        (await call("GET", `/research/exports/${queued.json.id}/files/${name}`)).text
          .split("\n")
          .filter(Boolean)
          .slice(1);
      return {
        patients: done.json.patients as number,
        suppressed: done.json.suppressed as number,
        patientRows: await file("patients.csv"),
        treatmentRows: await file("treatments.csv"),
      };
    }

    const before = await runExport();
    expect([before.patients, before.suppressed]).toEqual([12, 0]);
    expect(before.patientRows).toHaveLength(12);
    expect(before.treatmentRows).toHaveLength(1);
    expect(before.treatmentRows[0]).toMatch(/,medication,/);

    const withdrawn = await h.call(
      "POST",
      `/api/v1/portal/consents/${signed.json.consents[0].id}/withdrawal`,
      { cookie: leaving.cookie },
    );
    expect(withdrawn.status).toBe(200);

    const after = await runExport();
    expect([after.patients, after.suppressed]).toEqual([11, 0]);
    expect(after.patientRows).toHaveLength(11);
    expect(after.treatmentRows).toEqual([]);
  });
});

/**
 * The measurement plan and licences through the API: what a new clinic starts with, who may
 * change it, each bad field named with nothing written, licences confirmed and audited, and new
 * follow-ups asking what the plan says when they are scheduled (existing ones keep theirs).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function newClinic() {
  const clinic = await h.clinic(`Clinic ${Math.random()}`, { licences: [], plan: "as-created" });
  return {
    clinic,
    admin: await h.staff("admin", clinic.id),
    clinician: await h.staff("clinician", clinic.id),
  };
}

const plan = (c: string) => h.call("GET", "/api/v1/clinic/plan", { cookie: c });
const put = (c: string, timepoints: Record<string, unknown>) =>
  h.call("PUT", "/api/v1/clinic/plan", { cookie: c, body: { timepoints } });
const confirm = (c: string, id: string, reference = "MAPI-2026-0042") =>
  h.call("POST", `/api/v1/clinic/instruments/${id}/licence`, { cookie: c, body: { reference } });

async function planRows(clinicId: string) {
  const { rows } = await h.database.pool.query(
    "select timepoint, instruments from measurement_plan_timepoints where clinic_id = $1 order by timepoint",
    [clinicId],
  );
  return rows;
}

describe("a new clinic's plan", () => {
  it("is the default plan without the licensed questionnaires, set up by the system", async () => {
    const { clinician } = await newClinic();
    const res = await plan(clinician.cookie);
    expect(res.status).toBe(200);
    expect(res.json.timepoints).toEqual([
      { timepoint: "baseline", label: "Baseline", instruments: ["nrs_back", "nrs_leg", "peg"] },
      ...["2w", "6w", "3m", "6m", "12m", "24m"].map((t) => ({
        timepoint: t,
        label: expect.any(String),
        instruments: ["nrs_back", "nrs_leg", "peg", "pgic"],
      })),
    ]);
    expect(res.json.updatedBy).toBeNull();
  });

  it("lists every questionnaire in the catalogue with its licence terms and where the plan asks it", async () => {
    const { clinician } = await newClinic();
    const res = await h.call("GET", "/api/v1/clinic/instruments", { cookie: clinician.cookie });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.json.items.map((i: { id: string }) => [i.id, i]));
    expect(Object.keys(byId)).toHaveLength(9);
    expect(byId.odi).toMatchObject({
      title: "Oswestry Disability Index",
      licence: { holder: expect.stringMatching(/Mapi/), agreementNeeded: true },
      confirmation: null,
      timepoints: [],
    });
    expect(byId.peg).toMatchObject({
      licence: { agreementNeeded: false },
      timepoints: ["baseline", "2w", "6w", "3m", "6m", "12m", "24m"],
    });
  });
});

describe("licences", () => {
  it("are confirmed by an administrator, who, when and with what reference, in the audit trail", async () => {
    const { admin, clinician } = await newClinic();
    expect((await confirm(clinician.cookie, "odi")).status).toBe(403);
    const res = await confirm(admin.cookie, "odi");
    expect(res.status).toBe(201);
    expect(res.json.confirmation).toEqual({
      reference: "MAPI-2026-0042",
      confirmedAt: h.clock.now().toISOString(),
      confirmedBy: "Test admin",
    });
    const { rows } = await h.database.pool.query(
      "select actor_id, action, entity_type, entity_id, detail from audit_events order by seq desc limit 1",
    );
    expect(rows[0]).toMatchObject({
      actor_id: admin.id,
      action: "confirm",
      entity_type: "instrument-licence",
      entity_id: "odi",
      detail: { reference: "MAPI-2026-0042" },
    });
  });

  it("refuses one that needs no agreement, an unknown questionnaire and an empty reference", async () => {
    const { admin } = await newClinic();
    const before = await h.count("instrument_licences");
    expect((await confirm(admin.cookie, "nrs_back")).json.issues).toEqual([
      { path: "id", message: "Back pain needs no licence agreement; there is nothing to confirm" },
    ]);
    expect((await confirm(admin.cookie, "vas")).status).toBe(404);
    const empty = await confirm(admin.cookie, "odi", "  ");
    expect(empty.json.issues).toEqual([{ path: "reference", message: "is required" }]);
    expect(await h.count("instrument_licences")).toBe(before);
  });
});

describe("changing the plan", () => {
  it("is for administrators only", async () => {
    const { clinician, clinic } = await newClinic();
    const before = await planRows(clinic.id);
    const res = await put(clinician.cookie, { baseline: ["nrs_back"] });
    expect(res.status).toBe(403);
    expect(await planRows(clinic.id)).toEqual(before);
  });

  it("names each bad field and writes nothing", async () => {
    const { admin, clinic } = await newClinic();
    const before = await planRows(clinic.id);
    const res = await put(admin.cookie, {
      baseline: ["nrs_back", "vas", "odi", "pgic"],
      "2w": [],
      "5w": ["nrs_back"],
      "3m": "nrs_back",
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(
      ["timepoints.3m", "timepoints.5w"].sort(),
    );
    // Once the shape is right, the plan's own rules name the rest.
    const rules = await put(admin.cookie, {
      baseline: ["nrs_back", "vas", "odi", "pgic", "nrs_back"],
      "2w": [],
    });
    expect(rules.json.issues).toEqual([
      { path: "timepoints.baseline.1", message: expect.stringMatching(/^unknown questionnaire "vas"/) },
      {
        path: "timepoints.baseline.2",
        message: expect.stringMatching(/^ODI needs a licence from .*confirm the clinic's licence first$/),
      },
      { path: "timepoints.baseline.3", message: expect.stringMatching(/cannot be asked at baseline/) },
      { path: "timepoints.baseline.4", message: "Back pain is listed twice" },
      { path: "timepoints.2w", message: expect.stringMatching(/needs at least one questionnaire/) },
    ]);
    const noBaseline = await put(admin.cookie, { "2w": ["nrs_back"] });
    expect(noBaseline.json.issues.map((i: { path: string }) => i.path)).toEqual(["timepoints.baseline"]);
    expect(await planRows(clinic.id)).toEqual(before);
  });

  it("takes a licensed questionnaire once its licence is confirmed, and is audited with before and after", async () => {
    const { admin, clinic } = await newClinic();
    expect((await put(admin.cookie, { baseline: ["nrs_back", "odi"] })).status).toBe(400);
    await confirm(admin.cookie, "odi");
    const res = await put(admin.cookie, {
      baseline: ["nrs_back", "odi"],
      "6w": ["odi", "pgic"],
      "24m": ["odi"],
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      timepoints: [
        { timepoint: "baseline", instruments: ["nrs_back", "odi"] },
        { timepoint: "6w", instruments: ["odi", "pgic"] },
        { timepoint: "24m", label: "24 months", instruments: ["odi"] },
      ],
      updatedBy: "Test admin",
    });
    const { rows } = await h.database.pool.query(
      "select action, entity_type, entity_id, detail from audit_events order by seq desc limit 1",
    );
    expect(rows[0]).toMatchObject({
      action: "update",
      entity_type: "measurement-plan",
      entity_id: clinic.id,
      detail: { before: { baseline: ["nrs_back", "nrs_leg", "peg"] }, after: { "24m": ["odi"] } },
    });
  });

  it("applies to follow-ups scheduled after the change; those scheduled before keep what they ask", async () => {
    const { admin, clinician } = await newClinic();
    const before = await h.patient(clinician.cookie);
    await confirm(admin.cookie, "odi");
    await put(admin.cookie, { baseline: ["odi"], "3m": ["odi", "pgic"] });
    const after = await h.patient(clinician.cookie);
    await h.call("POST", `/api/v1/patients/${before.id}/treatments`, {
      cookie: clinician.cookie,
      body: { kind: "medication", date: "2026-03-02" },
    });
    const record = (await h.call("GET", `/api/v1/patients/${before.id}`, { cookie: clinician.cookie })).json;
    expect(
      record.followUps.map((f: { timepoint: string; instruments: string[] }) => [f.timepoint, f.instruments]),
    ).toEqual([
      ["baseline", ["nrs_back", "nrs_leg", "peg"]],
      ["3m", ["odi", "pgic"]],
    ]);
    const fresh = (await h.call("GET", `/api/v1/patients/${after.id}`, { cookie: clinician.cookie })).json;
    expect(fresh.followUps[0].instruments).toEqual(["odi"]);
  });
});

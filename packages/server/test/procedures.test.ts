/** The procedure record through the API: stored with the derived regulatory pathway, bad fields named, nothing written. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const bmc = {
  category: "cell-therapy",
  operator: "Dr R. Osler",
  target: "disc",
  levels: ["L4-L5", "L5-S1"],
  imageGuidance: "fluoroscopy",
  tissue: "bone-marrow",
  origin: "autologous",
  harvestSite: "posterior-iliac-crest",
  volumeHarvestedMl: 60,
  processing: ["centrifugation"],
  sameDay: true,
  additives: [],
  intendedFunction: "repair-or-regenerate",
  tncMillions: 420,
  cfuFPerMillion: 35,
  viabilityPercent: 96,
  volumeInjectedMl: 2,
  consentVersion: "cell-consent-2026-1",
};

describe("recording a procedure", () => {
  it("stores a cell-therapy record with the regulatory pathway its facts lead to, and audits it", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    await h.signEligibleCandidacy(s.cookie, p.id);
    await h.signProcedureConsent(s.cookie, p.id, "bone_marrow_concentrate");
    const res = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "bone_marrow_concentrate", date: "2026-03-02", procedure: bmc },
    });
    expect(res.status).toBe(201);
    expect(res.json.details).toEqual({
      procedure: bmc,
      regulatory: {
        pathway: "same-surgical-procedure-exception-claimed",
        certainty: "contested",
        rulesVersion: expect.any(String),
        fdaApprovedForBackPain: false,
      },
    });
    const detail = await h.call("GET", `/api/v1/patients/${p.id}`, { cookie: s.cookie });
    expect(detail.json.treatments[0].details.procedure.levels).toEqual(["L4-L5", "L5-S1"]);
    const { rows } = await h.database.pool.query(
      "select action from audit_events where entity_type = 'treatment' and patient_id = $1",
      [p.id],
    );
    expect(rows).toEqual([{ action: "create" }]);
  });

  it("names each bad field of the record and writes nothing", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    const before = await h.count("treatments");
    const res = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: {
        kind: "bone_marrow_concentrate",
        date: "2026-03-02",
        procedure: { ...bmc, volumeInjectedMl: "two", viabilityPercent: 101, imageGuidance: "x-ray" },
      },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "procedure.imageGuidance",
      "procedure.viabilityPercent",
      "procedure.volumeInjectedMl",
    ]);
    expect(await h.count("treatments")).toBe(before);
  });

  it("refuses a record of another category, and levels that do not fit the target", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    const wrong = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "fusion", date: "2026-03-02", procedure: bmc },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.issues).toEqual([
      { path: "procedure.category", message: "must be surgery for this kind of treatment" },
    ]);
    const noLevels = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "bone_marrow_concentrate", date: "2026-03-02", procedure: { ...bmc, levels: [] } },
    });
    expect(noLevels.json.issues).toEqual([
      { path: "procedure.levels", message: "needs at least one spinal level" },
    ]);
  });

  it("records PRP and donor cells, each with its pathway, and refuses a harvest for donor cells", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    await h.signEligibleCandidacy(s.cookie, p.id);
    await h.signProcedureConsent(s.cookie, p.id, "platelet_rich_plasma");
    await h.signProcedureConsent(s.cookie, p.id, "cultured_or_donor_cells");
    const { tncMillions: _t, cfuFPerMillion: _c, harvestSite: _h, volumeHarvestedMl: _v, ...rest } = bmc;
    const prp = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: {
        kind: "platelet_rich_plasma",
        date: "2026-03-02",
        procedure: {
          ...rest,
          tissue: "blood",
          harvestSite: "peripheral-vein",
          volumeHarvestedMl: 30,
          plateletsThousandPerUl: 1100,
        },
      },
    });
    expect(prp.status).toBe(201);
    expect(prp.json.details.regulatory).toMatchObject({ pathway: "not-hctp", fdaApprovedForBackPain: false });
    const donor = {
      ...rest,
      tissue: "perinatal",
      origin: "allogeneic",
      processing: ["culture-expansion", "cryopreservation"],
      sameDay: false,
      tncMillions: 6,
    };
    const before = await h.count("treatments");
    const harvested = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: {
        kind: "cultured_or_donor_cells",
        date: "2026-04-02",
        procedure: { ...donor, harvestSite: "abdomen", volumeHarvestedMl: 20 },
      },
    });
    expect(harvested.status).toBe(400);
    expect(harvested.json.issues.map((i: { path: string }) => i.path)).toEqual([
      "procedure.harvestSite",
      "procedure.volumeHarvestedMl",
    ]);
    expect(await h.count("treatments")).toBe(before);
    const ok = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "cultured_or_donor_cells", date: "2026-04-02", procedure: donor },
    });
    expect(ok.status).toBe(201);
    expect(ok.json.details.regulatory).toMatchObject({
      pathway: "351-ind-required",
      fdaApprovedForBackPain: false,
    });
  });

  it("stores surgery and conservative records", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    const physio = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: {
        kind: "exercise_physiotherapy",
        date: "2026-03-02",
        procedure: {
          category: "conservative",
          operator: "J. Physio",
          programme: "graded activity",
          sessionsPerWeek: 2,
          weeks: 8,
        },
      },
    });
    expect(physio.status).toBe(201);
    expect(physio.json.details.procedure).toMatchObject({ programme: "graded activity", weeks: 8 });
    expect(physio.json.details.regulatory).toBeUndefined();
  });
});

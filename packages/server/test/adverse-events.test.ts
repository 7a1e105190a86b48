/**
 * Adverse events through the API: a patient's fever after a procedure gets urgent advice and an
 * urgent clinician task at once; staff record events with their reporting clocks, each bad field
 * named with nothing written; exports as MedWatch-style JSON and PDF and FHIR AdverseEvent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideFor } from "./candidacy-facts";
import { createHarness, type Harness } from "./harness";
import { drawnText, pageText } from "./pdf-text";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-10T09:00:00Z" });
});
afterAll(() => h.close());

async function treated(kind = "bone_marrow_concentrate", date = "2026-03-02") {
  const s = await h.staff();
  const p = await h.portalPatient(s.cookie);
  const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
    cookie: s.cookie,
    body: { kind, date, ...overrideFor(kind) },
  });
  return { s, p, treatmentId: t.json.id as string };
}

const event = {
  kind: "infection",
  onsetDate: "2026-03-08",
  severity: 3,
  seriousness: ["hospitalisation"],
  relatedness: "probable",
  expected: false,
  outcome: "recovering",
  actions: "Admitted for IV antibiotics",
  description: "Discitis at L4-L5",
};

describe("report a problem", () => {
  it("answers fever after a procedure with urgent advice and an urgent clinician task", async () => {
    const { s, p } = await treated();
    const res = await h.call("POST", "/api/v1/portal/problems", {
      cookie: p.cookie,
      body: {
        symptoms: ["fever", "site-redness-discharge"],
        details: "38.6 this morning",
        onsetDate: "2026-03-09",
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      urgent: true,
      advice: { title: "Call the clinic now" },
      taskId: expect.any(String),
    });
    const { rows } = await h.database.pool.query(
      "select kind, priority, assigned_role, status, title from tasks where id = $1",
      [res.json.taskId],
    );
    expect(rows[0]).toMatchObject({
      kind: "urgent-problem-report",
      priority: "urgent",
      assigned_role: "clinician",
      status: "open",
      title: "Urgent: call Ada Lovelace today",
    });
    const seen = await h.call("GET", `/api/v1/patients/${p.id}/adverse-events`, { cookie: s.cookie });
    expect(seen.json.problemReports[0]).toMatchObject({
      urgent: true,
      symptoms: ["fever", "site-redness-discharge"],
    });
  });

  it("opens a routine task for a rash, or for fever with no procedure", async () => {
    const s = await h.staff();
    const p = await h.portalPatient(s.cookie);
    const res = await h.call("POST", "/api/v1/portal/problems", {
      cookie: p.cookie,
      body: { symptoms: ["fever"], onsetDate: "2026-03-09" },
    });
    expect(res.json.urgent).toBe(false);
    const { rows } = await h.database.pool.query("select priority from tasks where id = $1", [
      res.json.taskId,
    ]);
    expect(rows[0].priority).toBe("soon");
  });

  it("names each bad field and writes nothing", async () => {
    const { p } = await treated();
    const before = await h.count("problem_reports");
    const tasksBefore = await h.count("tasks");
    const res = await h.call("POST", "/api/v1/portal/problems", {
      cookie: p.cookie,
      body: { symptoms: ["fever", "hiccups"], onsetDate: "2026-02-30", extra: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "extra",
      "onsetDate",
      "symptoms.1",
    ]);
    expect(await h.count("problem_reports")).toBe(before);
    expect(await h.count("tasks")).toBe(tasksBefore);
  });
});

describe("recording an adverse event", () => {
  it("stores the classification with a 15-day clock for a serious, unexpected, related event", async () => {
    const { s, p, treatmentId } = await treated();
    const res = await h.call("POST", `/api/v1/patients/${p.id}/adverse-events`, {
      cookie: s.cookie,
      body: { ...event, treatmentId },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      serious: true,
      awareDate: "2026-03-10",
      clock: { required: true, days: 15, dueDate: "2026-03-25", status: "due" },
    });
    const clocks = await h.call("GET", "/api/v1/adverse-events/clocks", { cookie: s.cookie });
    expect(clocks.json.items.map((e: { id: string }) => e.id)).toContain(res.json.id);
    const done = await h.call("POST", `/api/v1/adverse-events/${res.json.id}/report-submitted`, {
      cookie: s.cookie,
    });
    expect(done.json.clock.status).toBe("submitted");
  });

  it("gives 7 days for a life-threatening event and none for a mild expected one", async () => {
    const { s, p } = await treated();
    const grave = await h.call("POST", `/api/v1/patients/${p.id}/adverse-events`, {
      cookie: s.cookie,
      body: { ...event, severity: 4, seriousness: ["life-threatening", "hospitalisation"] },
    });
    expect(grave.json.clock).toMatchObject({ days: 7, dueDate: "2026-03-17" });
    const mild = await h.call("POST", `/api/v1/patients/${p.id}/adverse-events`, {
      cookie: s.cookie,
      body: {
        ...event,
        kind: "pain_flare",
        severity: 1,
        seriousness: [],
        expected: true,
        outcome: "recovered",
      },
    });
    expect(mild.json.clock).toMatchObject({ required: false, status: "not-required" });
  });

  it("names each bad field, checks grade against outcome, and writes nothing", async () => {
    const { s, p } = await treated();
    const before = await h.count("adverse_events");
    const res = await h.call("POST", `/api/v1/patients/${p.id}/adverse-events`, {
      cookie: s.cookie,
      body: { ...event, severity: 6, seriousness: ["bad"], relatedness: "maybe", outcome: undefined },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "outcome",
      "relatedness",
      "seriousness.0",
      "severity",
    ]);
    const fatal = await h.call("POST", `/api/v1/patients/${p.id}/adverse-events`, {
      cookie: s.cookie,
      body: { ...event, severity: 5 },
    });
    expect(fatal.json.issues.map((i: { path: string }) => i.path)).toEqual(["outcome", "seriousness"]);
    expect(await h.count("adverse_events")).toBe(before);
  });

  it("exports a MedWatch-style JSON and PDF and a FHIR AdverseEvent, each audited", async () => {
    const { s, p, treatmentId } = await treated();
    const ae = await h.call("POST", `/api/v1/patients/${p.id}/adverse-events`, {
      cookie: s.cookie,
      body: { ...event, treatmentId },
    });
    const json = await h.call("GET", `/api/v1/adverse-events/${ae.json.id}/medwatch.json`, {
      cookie: s.cookie,
    });
    expect(json.json).toMatchObject({
      a_patient: { initials: "AL", sex: "female" },
      d_product: { treatment: "Bone-marrow concentrate injection" },
      reporting: { required: true, withinDays: 15 },
    });
    const pdf = await h.app.request(`http://evident.test/api/v1/adverse-events/${ae.json.id}/medwatch.pdf`, {
      headers: { cookie: s.cookie },
    });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const fhir = await h.call("GET", `/api/v1/adverse-events/${ae.json.id}/fhir`, { cookie: s.cookie });
    expect(fhir.json).toMatchObject({
      resourceType: "AdverseEvent",
      actuality: "actual",
      subject: { reference: `Patient/${p.id}` },
    });
    const { rows } = await h.database.pool.query(
      "select detail->>'format' as format from audit_events where action = 'export' and entity_id = $1 order by seq",
      [ae.json.id],
    );
    expect(rows.map((r) => r.format)).toEqual(["medwatch-json", "medwatch-pdf", "fhir-json"]);
  });

  it("prints the MedWatch-style PDF in words, with what was done at the suspect treatment", async () => {
    const s = await h.staff();
    const p = await h.portalPatient(s.cookie);
    const procedure = {
      category: "cell-therapy",
      operator: "Dr R. Osler",
      target: "disc",
      levels: ["L4-L5"],
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
      volumeInjectedMl: 2,
      consentVersion: "cell-consent-2026-1",
    };
    const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: {
        kind: "bone_marrow_concentrate",
        date: "2026-03-02",
        procedure,
        ...overrideFor("bone_marrow_concentrate"),
      },
    });
    expect(t.status, t.text).toBe(201);
    const ae = await h.call("POST", `/api/v1/patients/${p.id}/adverse-events`, {
      cookie: s.cookie,
      body: { ...event, treatmentId: t.json.id },
    });
    const res = await h.app.request(`http://evident.test/api/v1/adverse-events/${ae.json.id}/medwatch.pdf`, {
      headers: { cookie: s.cookie },
    });
    const text = drawnText(pageText(new Uint8Array(await res.arrayBuffer())));
    for (const words of [
      "Seriousness (ICH E2A): Requires or prolongs hospitalisation",
      "Outcome: Recovering",
      "Relatedness: Probable",
      "CTCAE grade: 3 (Severe or medically significant",
      "Type: Infection",
      "Treatment: Bone-marrow concentrate injection",
      "Date: 2026-03-02",
      "Product: Bone marrow, the patient's own (autologous), same day",
      "Harvest site: Posterior iliac crest",
      "Dose: 420 million nucleated cells; 2 mL injected",
      "Target: Disc (intradiscal)",
      "Levels: L4-L5",
      "Image guidance: Fluoroscopy",
      "Page 1 of 1",
    ])
      expect(text, words).toContain(words);
    for (const code of ["hospitalisation,", "recovering", "probable", "posterior-iliac-crest"])
      expect(text).not.toContain(code);
    const json = await h.call("GET", `/api/v1/adverse-events/${ae.json.id}/medwatch.json`, {
      cookie: s.cookie,
    });
    expect(json.json.d_product.procedure).toContainEqual({
      label: "Harvest site",
      value: "Posterior iliac crest",
    });
  });

  it("keeps another clinic's events out of reach", async () => {
    const { p } = await treated();
    const other = await h.staff();
    const res = await h.call("POST", `/api/v1/patients/${p.id}/adverse-events`, {
      cookie: other.cookie,
      body: event,
    });
    expect(res.status).toBe(404);
  });
});

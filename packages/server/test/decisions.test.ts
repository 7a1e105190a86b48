/**
 * The decision aid through the API: the clinic's own results beside an option only from 30
 * measured patients up (and matching the outcomes report), and the patient's values and choice
 * stored with the content version, refused (409) until the safety questions are answered and any
 * red flag reviewed, each bad field named with nothing written.
 */

import { decisionAidContent, valuesVersion } from "@evident/domain/evidence";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calmIntake } from "./answers";
import { createHarness, type Harness } from "./harness";
import { people, writeRegistry } from "./outcome-registry";
import { drawnText, hex, pageText } from "./pdf-text";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const values = { "avoid-surgery": 4, "fast-relief": 2, "avoid-procedures": 3, "low-cost": 1, certainty: 4 };

describe("the clinic's own results", () => {
  it("appear beside an option from 30 measured patients up, as the outcomes report counts them", async () => {
    const clinic = await h.clinic("Registry clinic");
    const staff = await h.staff("clinician", clinic.id);
    await writeRegistry(h, staff, [
      ...people("exercise_physiotherapy", 36, 11),
      ...people("epidural_steroid_injection", 12, 12),
    ]);
    const cookie = h.cookieFrom(
      await h.call("POST", "/api/v1/auth/staff/sign-in", {
        body: { email: staff.email, password: "correct horse battery staple" },
      }),
    );
    // Staff with no patient chosen: everyone treated here, as the outcomes report counts them.
    const res = await h.call("GET", "/api/v1/decision-aid/registry", { cookie });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ minimum: 30, basis: "clinic", instrument: "nrs_back", criteria: [] });
    const shown = res.json.items.filter((i: { figure: unknown }) => i.figure);
    // Pilates and yoga is its own kind now: the exercise patients are not shown beside it.
    expect(shown.map((i: { optionId: string }) => i.optionId)).toEqual(["exercise-physiotherapy"]);
    const exercise = shown[0];
    expect(exercise).toMatchObject({ treatmentKind: "exercise_physiotherapy", match: "exact" });
    expect(exercise.figure.n).toBeGreaterThanOrEqual(30);
    const report = await h.call("GET", "/api/v1/outcomes", { cookie });
    const row = report.json.rows.find(
      (r: { treatmentKind: string; timepoint: string }) =>
        r.treatmentKind === "exercise_physiotherapy" && r.timepoint === exercise.figure.timepoint,
    );
    const nrs = row.measures.find((m: { instrument: string }) => m.instrument === "nrs_back");
    expect([exercise.figure.n, exercise.figure.responders, exercise.figure.shareCI]).toEqual([
      nrs.n,
      nrs.responders,
      nrs.responderShareCI,
    ]);
    // Due, and the range the missing could move the share over, as the report counts them too.
    expect([exercise.figure.treated, exercise.figure.due, exercise.figure.range]).toEqual([
      36,
      row.due,
      nrs.responderRange,
    ]);
    // The epidural's 12 patients: no number and no count.
    const epidural = res.json.items.find(
      (i: { optionId: string }) => i.optionId === "epidural-steroid-injection",
    );
    expect(epidural.figure).toBeNull();

    // Another clinic sees none of it.
    const elsewhere = await h.staff("clinician");
    const theirs = await h.call("GET", "/api/v1/decision-aid/registry", { cookie: elsewhere.cookie });
    expect(theirs.json.items.filter((i: { figure: unknown }) => i.figure)).toEqual([]);
  }, 60_000);
});

describe("the patient's values and choice", () => {
  async function setup() {
    const clinic = await h.clinic(`Clinic ${Math.random()}`);
    const clinician = await h.staff("clinician", clinic.id);
    const patient = await h.portalPatient(clinician.cookie);
    return { clinician, patient };
  }
  const save = (cookie: string, body: unknown) =>
    h.call("POST", "/api/v1/portal/decisions", { cookie, body });
  const intake = (cookie: string, answers: Record<string, boolean>) =>
    h.call("POST", "/api/v1/portal/intake", {
      cookie,
      body: { answers: calmIntake({ painDurationWeeks: 40, ...answers }) },
    });

  it("are refused before the safety questions, and while a red flag waits for review", async () => {
    const { clinician, patient } = await setup();
    const early = await save(patient.cookie, { values, choice: "exercise-physiotherapy" });
    expect(early.status).toBe(409);
    expect(early.json.detail).toMatch(/safety questions come first/);
    const flagged = await intake(patient.cookie, { unexplainedWeightLoss: true });
    const held = await save(patient.cookie, { values, choice: "exercise-physiotherapy" });
    expect(held.status).toBe(409);
    expect(held.json.detail).toMatch(/clinician reviews/);
    expect(await h.count("decisions")).toBe(0);
    await h.call("POST", `/api/v1/patients/${patient.id}/intakes/${flagged.json.latest.id}/review`, {
      cookie: clinician.cookie,
      body: { note: "Seen: weight stable on the clinic's scale; no further tests" },
    });
    expect((await save(patient.cookie, { values, choice: "exercise-physiotherapy" })).status).toBe(201);
  });

  it("are stored with the content and values versions, for the patient and the clinician to see", async () => {
    const { clinician, patient } = await setup();
    await intake(patient.cookie, {});
    const res = await save(patient.cookie, {
      values,
      choice: "unsure",
      questions: "How long until I can work?",
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      contentVersion: decisionAidContent.version,
      valuesVersion,
      values,
      choice: "unsure",
      questions: "How long until I can work?",
      source: "portal",
    });
    const mine = await h.call("GET", "/api/v1/portal/decisions", { cookie: patient.cookie });
    expect(mine.json.items).toEqual([res.json]);
    const theirs = await h.call("GET", `/api/v1/patients/${patient.id}/decisions`, {
      cookie: clinician.cookie,
    });
    expect(theirs.json.items).toEqual([res.json]);
    const { rows } = await h.database.pool.query(
      "select action, actor_kind from audit_events where entity_type = 'decision' and entity_id = $1",
      [res.json.id],
    );
    expect(rows).toEqual([{ action: "create", actor_kind: "patient" }]);
  });

  it("print as a one-page PDF for the patient, and only for them", async () => {
    const { clinician, patient } = await setup();
    await intake(patient.cookie, {});
    const saved = await save(patient.cookie, {
      values,
      choice: "bone-marrow-concentrate",
      questions: "Is it safe?",
    });
    const path = `/api/v1/portal/decisions/${saved.json.id}/summary.pdf`;
    const res = await h.app.request(`http://evident.test${path}`, { headers: { cookie: patient.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe("My back pain choices: summary");
    const raw = pageText(bytes);
    expect(raw).toContain(hex("Bone marrow shot"));
    expect(raw).toContain(hex("Is it safe?"));
    expect(raw).toContain(hex("Not FDA-approved for back pain."));
    // The same balanced figure as the glance table: both groups, both ways, with group sizes.
    const text = drawnText(raw);
    expect(text).toContain(
      "Bone marrow shot: 44 of 100 had their pain cut by half or more; 56 did not (45 people in this group, likely 31 to 59).",
    );
    expect(text).toContain(
      "Fake shot: 56 of 100 had their pain cut by half or more; 44 did not (18 people in this group, likely 34 to 75).",
    );
    const { rows } = await h.database.pool.query(
      "select action, actor_kind, detail from audit_events where entity_type = 'decision' and entity_id = $1 order by seq desc limit 1",
      [saved.json.id],
    );
    expect(rows[0]).toEqual({ action: "export", actor_kind: "patient", detail: { format: "summary-pdf" } });
    expect((await h.call("GET", path, { cookie: clinician.cookie })).status).toBe(403);
    const other = await setup();
    expect((await h.call("GET", path, { cookie: other.patient.cookie })).status).toBe(404);
  });

  it("name each bad field and write nothing", async () => {
    const { patient } = await setup();
    await intake(patient.cookie, {});
    const before = await Promise.all(["decisions", "audit_events"].map(h.count));
    const res = await save(patient.cookie, {
      values: { ...values, "fast-relief": 5, "low-cost": "lots", wealth: 1 },
      choice: "miracle-cure",
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "choice",
      "values.fast-relief",
      "values.low-cost",
      "values.wealth",
    ]);
    expect(await Promise.all(["decisions", "audit_events"].map(h.count))).toEqual(before);
  });

  it("keep the language the patient read, and print the summary in Spanish with every Spanish letter", async () => {
    const { clinician, patient } = await setup();
    await intake(patient.cookie, {});
    const saved = await save(patient.cookie, {
      values,
      choice: "bone-marrow-concentrate",
      questions: "¿Es seguro? ¡Gracias! Año, niño, pingüino.",
      language: "es",
    });
    expect(saved.status).toBe(201);
    expect(saved.json).toMatchObject({ language: "es", contentVersion: decisionAidContent.version });
    const theirs = await h.call("GET", `/api/v1/patients/${patient.id}/decisions`, {
      cookie: clinician.cookie,
    });
    expect(theirs.json.items[0].language).toBe("es");
    const { rows } = await h.database.pool.query(
      "select detail from audit_events where entity_type = 'decision' and entity_id = $1",
      [saved.json.id],
    );
    expect(rows[0].detail).toMatchObject({ language: "es" });

    const pdf = async (query: string) => {
      const res = await h.app.request(
        `http://evident.test/api/v1/portal/decisions/${saved.json.id}/summary.pdf${query}`,
        { headers: { cookie: patient.cookie } },
      );
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { res, bytes, doc: await PDFDocument.load(bytes), raw: pageText(bytes) };
    };
    const es = await pdf("");
    expect(es.doc.getPageCount()).toBe(1);
    expect(es.doc.getTitle()).toBe("Mis opciones para el dolor de espalda: resumen");
    expect(es.res.headers.get("content-disposition")).toMatch(/filename="mis-opciones-/);
    for (const t of [
      "Mis opciones para el dolor de espalda: resumen",
      "Lo que me importa",
      "No tener que operarme: Muchísimo",
      "Inyección de médula ósea",
      "No está aprobado por la FDA para el dolor de espalda.",
      "¿Es seguro? ¡Gracias! Año, niño, pingüino.",
    ])
      expect(es.raw, t).toContain(hex(t));
    // The language shown now wins over the one stored.
    const en = await pdf("?lang=en");
    expect(en.doc.getTitle()).toBe("My back pain choices: summary");
    expect(en.raw).toContain(hex("Not FDA-approved for back pain."));
  });

  it("print a PDF even when a question has letters the font cannot show", async () => {
    const { patient } = await setup();
    await intake(patient.cookie, {});
    const saved = await save(patient.cookie, { values, choice: "unsure", questions: "背痛 → ¿qué hago?" });
    const res = await h.app.request(
      `http://evident.test/api/v1/portal/decisions/${saved.json.id}/summary.pdf?lang=es`,
      { headers: { cookie: patient.cookie } },
    );
    expect(res.status).toBe(200);
    const raw = pageText(new Uint8Array(await res.arrayBuffer()));
    expect(raw).toContain(hex("?? ? ¿qué hago?"));
    expect(raw).toContain(hex("La opción que prefiero por ahora: Aún no lo sé"));
  });

  it("say who 'people like you' are in Spanish when asked", async () => {
    const { patient } = await setup();
    const res = await h.call("GET", "/api/v1/decision-aid/registry?lang=es", { cookie: patient.cookie });
    expect(res.status).toBe(200);
    const words = [...res.json.criteria, ...res.json.unknown].map((c: { words: string }) => c.words);
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect(w).toMatch(/\b(su|sus|suya|suyos|usted|sabemos)\b/);
    expect(res.json.responderRule).toMatch(/^mejoraron al menos/);
    const en = await h.call("GET", "/api/v1/decision-aid/registry", { cookie: patient.cookie });
    expect(en.json.responderRule).toMatch(/^improved by/);
  });
});

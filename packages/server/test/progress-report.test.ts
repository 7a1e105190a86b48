/**
 * The progress report through the API: the PDF of a patient's scores over time with their dates,
 * in the patient's language (English and Spanish), for staff of the patient's clinic only and for
 * the patient's own record from the portal; bad input is a problem naming the field. The typical
 * course is said to be missing when fewer than 30 similar patients answered.
 */
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerAll } from "./answers";
import { createHarness, type Harness, PASSWORD } from "./harness";
import { drawnText, pageText } from "./pdf-text";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-01-10T09:00:00Z" });
});
afterAll(() => h.close());

type FollowUp = { id: string; timepoint: string };

/**
 * A patient of "Sunrise Spine" who answered back pain 7 and the ODI before a physiotherapy course
 * on 2026-01-10, and back pain 3 and a lower ODI at two weeks (answered 2026-01-24); one pain
 * flare recorded. Returns the ODI scores the API gave.
 */
async function followed(language: "en" | "es") {
  const clinic = await h.clinic("Sunrise Spine");
  const s = await h.staff("clinician", clinic.id);
  h.clock.set(new Date("2026-01-10T09:00:00Z"));
  const p = language === "en" ? await h.portalPatient(s.cookie) : await h.patient(s.cookie, { language });
  const answer = async (followUpId: string, back: number, odiAt: number) => {
    const res = await h.call("POST", `/api/v1/patients/${p.id}/responses`, {
      cookie: s.cookie,
      body: {
        followUpId,
        responses: [
          { instrument: "nrs_back", answers: { nrs_back: back } },
          { instrument: "odi", answers: answerAll("odi", odiAt) },
        ],
      },
    });
    expect(res.status, res.text).toBe(201);
    return res.json.responses[1].score as number;
  };
  const baseline = p.followUps.find((f: FollowUp) => f.timepoint === "baseline")!;
  const odiBefore = await answer(baseline.id, 7, 0.6);
  const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
    cookie: s.cookie,
    body: { kind: "exercise_physiotherapy", date: "2026-01-10" },
  });
  expect(t.status, t.text).toBe(201);
  h.clock.set(new Date("2026-01-24T09:00:00Z"));
  s.cookie = await h.signIn(s.email);
  const detail = await h.call("GET", `/api/v1/patients/${p.id}`, { cookie: s.cookie });
  const twoWeeks = detail.json.followUps.find((f: FollowUp) => f.timepoint === "2w");
  const odiAfter = await answer(twoWeeks.id, 3, 0.2);
  const ae = await h.call("POST", `/api/v1/patients/${p.id}/adverse-events`, {
    cookie: s.cookie,
    body: {
      kind: "pain_flare",
      onsetDate: "2026-01-12",
      severity: 1,
      seriousness: [],
      relatedness: "possible",
      expected: true,
      outcome: "recovered",
      actions: "Rest and paracetamol",
      description: "Sore after the first session",
    },
  });
  expect(ae.status, ae.text).toBe(201);
  // Fresh sessions: two weeks passed the idle timeout of the first ones.
  const staffCookie = await h.signIn(s.email);
  const patientCookie =
    language === "en" && "email" in p
      ? h.cookieFrom(
          await h.call("POST", "/api/v1/auth/patient/sign-in", {
            body: { email: p.email, password: PASSWORD },
          }),
        )
      : "";
  return { s: { ...s, cookie: staffCookie }, p: { ...p, cookie: patientCookie }, odiBefore, odiAfter };
}

async function pdf(path: string, cookie: string) {
  const res = await h.app.request(`http://evident.test${path}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  const bytes = new Uint8Array(await res.arrayBuffer());
  const doc = await PDFDocument.load(bytes);
  return { res, doc, text: drawnText(pageText(bytes)) };
}

describe("the progress report", () => {
  it("prints the patient's scores with their dates against the important change, for staff of their clinic", async () => {
    const { s, p, odiBefore, odiAfter } = await followed("en");
    const { res, doc, text } = await pdf(`/api/v1/patients/${p.id}/progress-report.pdf`, s.cookie);
    expect(doc.getPageCount()).toBeLessThanOrEqual(2);
    expect(res.headers.get("content-disposition")).toMatch(/filename="progress-report-2026-01-24\.pdf"/);
    for (const t of [
      "Sunrise Spine - report of 24 January 2026",
      "Progress report",
      "Ada Lovelace, born 1 May 1970",
      "What these numbers cannot show",
      // The en dash is WinAnsi 0x96, which reads as a control character in Latin-1.
      "Back pain (0\x9610) (lower is better)",
      "2026-01-10: 7",
      "2026-01-24: 3",
      "From 7 before treatment to 3 at 2 weeks: an important change.",
      "Important change (MCID): 2 points or 30% (Ostelo 2008; certainty: verified).",
      `2026-01-10: ${odiBefore}`,
      `2026-01-24: ${odiAfter}`,
      "Fewer than 30 similar patients of this clinic have answered after this treatment",
      "2026-01-10: Exercise / physiotherapy",
      "2026-01-12: Pain flare, grade 1 of 5, not serious, recovered.",
      "Answered 2 of the 2 due so far.",
      "Page 1 of",
    ])
      expect(text, t).toContain(t);
    const { rows } = await h.database.pool.query(
      "select action, actor_kind from audit_events where entity_type = 'progress-report' and patient_id = $1",
      [p.id],
    );
    expect(rows).toEqual([{ action: "read", actor_kind: "staff" }]);
  });

  it("is written in Spanish for a Spanish-speaking patient, and in English when asked", async () => {
    const { s, p } = await followed("es");
    const es = await pdf(`/api/v1/patients/${p.id}/progress-report.pdf`, s.cookie);
    expect(es.res.headers.get("content-disposition")).toMatch(/informe-de-evolucion-2026-01-24/);
    for (const t of [
      "Sunrise Spine - informe del 24 de enero de 2026",
      "Informe de evolución",
      "Lo que estos números no pueden mostrar",
      "Dolor de espalda (0-10) (más bajo es mejor)",
      "2026-01-10: 7",
      "2026-01-24: 3",
      "De 7 antes del tratamiento a 3 a las 2 semanas: un cambio importante.",
      "2026-01-10: Ejercicio / fisioterapia",
      "Menos de 30 pacientes parecidos",
      "Página 1 de",
    ])
      expect(es.text, t).toContain(t);
    const en = await pdf(`/api/v1/patients/${p.id}/progress-report.pdf?lang=en`, s.cookie);
    expect(en.text).toContain("Progress report");
  });

  it("is the patient's own from the portal, and out of reach of another clinic's staff", async () => {
    const other = await followed("en");
    const { p } = await followed("en");
    const own = await pdf("/api/v1/portal/progress-report.pdf", p.cookie);
    expect(own.text).toContain("2026-01-24: 3");
    const { rows } = await h.database.pool.query(
      "select actor_kind from audit_events where entity_type = 'progress-report' and patient_id = $1",
      [p.id],
    );
    expect(rows).toEqual([{ actor_kind: "patient" }]);
    // Another clinic's staff: the patient does not exist for them.
    const res = await h.call("GET", `/api/v1/patients/${p.id}/progress-report.pdf`, {
      cookie: other.s.cookie,
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    // A patient cannot reach the staff route, even for their own id.
    expect(
      (await h.call("GET", `/api/v1/patients/${p.id}/progress-report.pdf`, { cookie: p.cookie })).status,
    ).toBe(403);
  });

  it("names a bad id or language as a problem", async () => {
    const { s, p } = await followed("en");
    const bad = await h.call("GET", "/api/v1/patients/not-a-patient/progress-report.pdf", {
      cookie: s.cookie,
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toEqual(["id"]);
    const lang = await h.call("GET", "/api/v1/portal/progress-report.pdf?lang=fr", { cookie: p.cookie });
    expect(lang.status).toBe(400);
    expect(lang.json.issues.map((i: { path: string }) => i.path)).toEqual(["lang"]);
  });
});

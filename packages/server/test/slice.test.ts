/**
 * The thin slice through the real API, with a real SMTP server: in a clinic with the default
 * measurement plan (licences confirmed), a clinician adds a patient, the invitation is mailed,
 * the patient sets a password and answers the seven baseline questionnaires, the clinician
 * records a treatment, follow-ups are scheduled from the plan, the patient answers at 3 months,
 * and the outcomes report shows the change.
 */
import { promis29TScore } from "@evident/domain/instruments";
import { defaultPlan } from "@evident/domain/pathway/plan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchOnce } from "../src/mail/dispatcher";
import { smtpMailer } from "../src/mail/mailer";
import { answerAll } from "./answers";
import { overrideFor } from "./candidacy-facts";
import { createHarness, type Harness, PASSWORD } from "./harness";
import { decodeQuotedPrintable, startSmtp } from "./smtp";

let h: Harness;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
  h = await createHarness({
    now: "2026-01-05T10:00:00Z",
    mailer: smtpMailer(smtp.url, "Evident <no-reply@evident.test>"),
  });
});
afterAll(async () => {
  h.deps.mailer?.close();
  await h.close();
  await smtp.close();
});

const odi = (v: number) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`odi_${i + 1}`, v]));

const baselineAnswers = {
  nrs_back: { nrs_back: 7 },
  nrs_leg: { nrs_leg: 4 },
  odi: { ...odi(2), odi_1: 4, odi_8: null }, // 9 sections, sum 20
  peg: { peg_1: 7, peg_2: 6, peg_3: 8 },
  promis29: answerAll("promis29", 0.5), // the middle answer everywhere: every domain's raw sum is 12
  eq5d5l: answerAll("eq5d5l", 0.25, { eq5d_vas: 55 }), // slight problems in all five dimensions
  startback: answerAll("startback", 1), // agrees with everything, extremely bothered
};

describe("the thin slice", () => {
  it("runs from adding a patient to the outcomes report", async () => {
    const clinic = await h.clinic("Slice clinic", { licences: "all", plan: defaultPlan });
    const clinician = await h.staff("clinician", clinic.id);
    const created = await h.call("POST", "/api/v1/patients", {
      cookie: clinician.cookie,
      body: h.patientBody({ email: "ada@mail.test" }),
    });
    expect(created.status).toBe(201);
    const patientId = created.json.id;

    // The invitation goes out through SMTP, once.
    expect(await dispatchOnce(h.deps)).toEqual({ sent: 1, failed: 0, withdrawn: 0 });
    expect(await dispatchOnce(h.deps)).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual(["ada@mail.test"]);
    const token = /\/portal\/welcome#([A-Za-z0-9_-]+)/.exec(
      decodeQuotedPrintable(smtp.received[0]!.raw),
    )?.[1];
    expect(token).toBeTruthy();
    const outbox = await h.call("GET", "/api/v1/outbox", { cookie: clinician.cookie });
    expect(outbox.json.items[0]).toMatchObject({ status: "sent", attempts: 1 });

    // The patient sets a password and answers the baseline: the seven questionnaires of the plan.
    const accepted = await h.call("POST", "/api/v1/invitations/accept", {
      body: { token, password: PASSWORD },
    });
    const patient = h.cookieFrom(accepted);
    // Red flags first: the safety questions come before any questionnaire.
    await h.answerSafetyQuestions(patient);
    const home = await h.call("GET", "/api/v1/portal/home", { cookie: patient });
    expect(home.json.due).toHaveLength(1);
    expect(home.json.due[0]).toMatchObject({
      timepoint: "baseline",
      instruments: ["nrs_back", "nrs_leg", "odi", "peg", "promis29", "eq5d5l", "startback"],
    });
    const baseline = await h.call("POST", "/api/v1/portal/responses", {
      cookie: patient,
      body: {
        followUpId: home.json.due[0].id,
        responses: Object.entries(baselineAnswers).map(([instrument, answers]) => ({ instrument, answers })),
      },
    });
    expect(baseline.status).toBe(201);
    expect(baseline.json.followUpCompleted).toBe(true);
    const scored = Object.fromEntries(
      baseline.json.responses.map((r: { instrument: string }) => [r.instrument, r]),
    );
    expect(scored.nrs_back.score).toBe(7);
    expect(scored.nrs_leg.score).toBe(4);
    expect(scored.odi).toMatchObject({
      score: (100 * 20) / 45,
      scoreDetail: { band: "severe disability", sectionsAnswered: 9 },
    });
    expect(scored.peg.score).toBe(7);
    expect(scored.promis29.score).toBeNull(); // no single score: one T-score per domain
    expect(scored.promis29.scoreDetail.domainsScored).toBe(7);
    expect(scored.promis29.scoreDetail.domains.pain_interference).toEqual({
      raw: 12,
      ...promis29TScore("pain_interference", 12),
    });
    expect(scored.eq5d5l).toMatchObject({ score: 55, scoreDetail: { profile: "22222" } });
    expect(scored.startback).toMatchObject({ score: 9, scoreDetail: { subscale: 5, group: "high" } });

    // The clinician records the treatment; follow-ups are scheduled.
    const t = await h.call("POST", `/api/v1/patients/${patientId}/treatments`, {
      cookie: clinician.cookie,
      body: {
        kind: "bone_marrow_concentrate",
        date: "2026-01-12",
        ...overrideFor("bone_marrow_concentrate"),
      },
    });
    expect(t.status).toBe(201);
    const record = await h.call("GET", `/api/v1/patients/${patientId}`, { cookie: clinician.cookie });
    expect(
      record.json.followUps.map((f: { timepoint: string; dueDate: string }) => [f.timepoint, f.dueDate]),
    ).toEqual([
      ["baseline", "2026-01-05"],
      ["2w", "2026-01-26"],
      ["6w", "2026-02-23"],
      ["3m", "2026-04-12"],
      ["6m", "2026-07-12"],
      ["12m", "2027-01-12"],
      ["24m", "2028-01-12"],
    ]);
    expect(record.json.responses).toHaveLength(7);
    expect(record.json.followUps[1].instruments).toEqual([
      "nrs_back",
      "nrs_leg",
      "odi",
      "peg",
      "promis29",
      "eq5d5l",
      "pgic",
    ]);

    // Three months on, the patient answers; the 2- and 6-week follow-ups were missed.
    h.clock.set("2026-04-14T08:00:00Z");
    const patient2 = h.cookieFrom(
      await h.call("POST", "/api/v1/auth/patient/sign-in", {
        body: { email: "ada@mail.test", password: PASSWORD },
      }),
    );
    const later = await h.call("GET", "/api/v1/portal/home", { cookie: patient2 });
    expect(later.json.due.map((f: { timepoint: string }) => f.timepoint)).toEqual(["3m"]);
    const threeMonths = await h.call("POST", "/api/v1/portal/responses", {
      cookie: patient2,
      body: {
        responses: [
          { instrument: "nrs_back", answers: { nrs_back: 4 } },
          { instrument: "nrs_leg", answers: { nrs_leg: 2 } },
          { instrument: "odi", answers: odi(1) },
          { instrument: "peg", answers: { peg_1: 4, peg_2: 3, peg_3: 4 } },
          { instrument: "promis29", answers: answerAll("promis29", 0.25) },
          { instrument: "eq5d5l", answers: answerAll("eq5d5l", 0, { eq5d_vas: 75 }) },
          { instrument: "pgic", answers: { pgic: 2 } }, // much improved
        ],
      },
    });
    expect(threeMonths.status).toBe(201);
    expect(threeMonths.json.followUpCompleted).toBe(true);
    expect(threeMonths.json.responses[0].timepoint).toBe("3m");
    const pgic = threeMonths.json.responses.find((r: { instrument: string }) => r.instrument === "pgic");
    expect(pgic.scoreDetail).toMatchObject({ category: "much improved", clinicallyImportant: true });

    // The clinician's session from January has long expired: sign in again.
    const again = await h.call("POST", "/api/v1/auth/staff/sign-in", {
      body: { email: clinician.email, password: PASSWORD },
    });
    const report = await h.call("GET", "/api/v1/outcomes", { cookie: h.cookieFrom(again) });
    expect(report.status).toBe(200);
    const row = (tp: string) => report.json.rows.find((r: { timepoint: string }) => r.timepoint === tp);
    expect(row("2w")).toMatchObject({
      treatmentKind: "bone_marrow_concentrate",
      due: 1,
      responded: 0,
      missed: 1,
    });
    expect(row("3m")).toMatchObject({ due: 1, responded: 1, missed: 0, pending: 0 });
    // One patient is below the small-cell rule (5): counts are shown, no estimate is. The
    // arithmetic of change and responders is tested in the domain's outcomes summary.
    const [nrs, odiSummary] = row("3m").measures;
    expect(nrs).toMatchObject({
      instrument: "nrs_back",
      n: 1,
      suppressed: true,
      meanChange: null,
      responders: null,
      responderShare: null,
    });
    expect(odiSummary).toMatchObject({ instrument: "odi", n: 1, suppressed: true, meanChange: null });
    expect(report.json.minimumCell).toBe(11);
    expect(row("6m")).toMatchObject({ due: 0, responded: 0 });
  });
});

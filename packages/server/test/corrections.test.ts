/**
 * A submitted answer set is immutable: staff correct it by writing a new version with a reason.
 * Both are kept; every read (the record, the portal, the outcomes report) uses the current one.
 */
import { outcomeObservations } from "@evident/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-01-05T09:00:00Z" });
});
afterAll(() => h.close());

const odi = (v: number) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`odi_${i + 1}`, v]));

/** A patient whose baseline (back pain 8, ODI 60) was entered by staff. */
async function answered() {
  const staff = await h.staff("coordinator");
  const p = await h.patient(staff.cookie);
  const res = await h.call("POST", `/api/v1/patients/${p.id}/responses`, {
    cookie: staff.cookie,
    body: {
      responses: [
        { instrument: "nrs_back", answers: { nrs_back: 8 } },
        { instrument: "odi", answers: odi(3) },
      ],
    },
  });
  const [nrs, o] = res.json.responses;
  return { staff, patientId: p.id, nrs, odi: o };
}

/** A fresh session after the clock has moved past the last one's expiry. */
const signIn = async (staff: { email: string }) =>
  h.cookieFrom(
    await h.call("POST", "/api/v1/auth/staff/sign-in", { body: { email: staff.email, password: PASSWORD } }),
  );

const correct = (cookie: string, patientId: string, responseId: string, body: unknown) =>
  h.call("POST", `/api/v1/patients/${patientId}/responses/${responseId}/corrections`, { cookie, body });

async function versions(patientId: string) {
  const { rows } = await h.database.pool.query(
    `select id, answers, score, supersedes_id, correction_reason, superseded_at, completed_at
       from questionnaire_responses where patient_id = $1 order by created_at, id`,
    [patientId],
  );
  return rows;
}

describe("correcting answers", () => {
  it("writes a new, rescored version with the reason and keeps the earlier one, superseded", async () => {
    const { staff, patientId, odi: first } = await answered();
    h.clock.set("2026-01-06T10:00:00Z");
    const res = await correct(await signIn(staff), patientId, first.id, {
      answers: { ...odi(3), odi_4: 1 },
      reason: "Section 4 was misread on the paper form (the patient ticked the second box)",
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      instrument: "odi",
      timepoint: "baseline",
      followUpId: first.followUpId,
      completedAt: first.completedAt,
      score: 56,
      correction: {
        reason: "Section 4 was misread on the paper form (the patient ticked the second box)",
        correctedAt: "2026-01-06T10:00:00.000Z",
        earlier: [
          { id: first.id, score: 60, supersededAt: "2026-01-06T10:00:00.000Z", correctionReason: null },
        ],
      },
    });
    const rows = (await versions(patientId)).filter((r) => r.id === first.id || r.id === res.json.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: first.id, answers: odi(3), score: 60 }); // unchanged
    expect(rows[1]).toMatchObject({ supersedes_id: first.id, score: 56 });
    expect(rows[1]!.completed_at).toEqual(rows[0]!.completed_at);
  });

  it("shows only the current version on the record, with the correction and the earlier version", async () => {
    const { staff, patientId, odi: first } = await answered();
    const fixed = await correct(staff.cookie, patientId, first.id, {
      answers: odi(2),
      reason: "Typed the wrong row",
    });
    const record = (await h.call("GET", `/api/v1/patients/${patientId}`, { cookie: staff.cookie })).json;
    const odis = record.responses.filter((r: { instrument: string }) => r.instrument === "odi");
    expect(odis.map((r: { id: string }) => r.id)).toEqual([fixed.json.id]);
    expect(odis[0].correction.earlier.map((v: { id: string }) => v.id)).toEqual([first.id]);
    expect(record.followUps[0].status).toBe("completed");
  });

  it("corrects a correction, keeping the whole chain newest first, and refuses to fork an old version", async () => {
    const { staff, patientId, nrs } = await answered();
    const second = await correct(staff.cookie, patientId, nrs.id, {
      answers: { nrs_back: 6 },
      reason: "Misheard",
    });
    const third = await correct(staff.cookie, patientId, second.json.id, {
      answers: { nrs_back: 5 },
      reason: "Patient called back: it is a 5",
    });
    expect(third.status).toBe(201);
    expect(third.json.correction.earlier.map((v: { score: number }) => v.score)).toEqual([6, 8]);
    expect(third.json.correction.earlier[0].correctionReason).toBe("Misheard");
    const before = await versions(patientId);
    const fork = await correct(staff.cookie, patientId, nrs.id, {
      answers: { nrs_back: 2 },
      reason: "Again",
    });
    expect(fork.status).toBe(409);
    expect(fork.json.issues).toEqual([
      { path: "responseId", message: "these answers were already corrected; correct the latest version" },
    ]);
    expect(await versions(patientId)).toEqual(before);
  });

  it("gives the outcomes report the corrected scores, at baseline and at follow-up", async () => {
    h.clock.set("2026-01-05T09:00:00Z");
    const clinician = await h.staff("clinician");
    const p = await h.patient(clinician.cookie);
    const enter = (cookie: string, nrs: number) =>
      h.call("POST", `/api/v1/patients/${p.id}/responses`, {
        cookie,
        body: {
          responses: [
            { instrument: "nrs_back", answers: { nrs_back: nrs } },
            { instrument: "odi", answers: odi(3) },
          ],
        },
      });
    const baseline = (await enter(clinician.cookie, 8)).json.responses[0];
    await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: clinician.cookie,
      body: { kind: "medication", date: "2026-01-06" },
    });
    h.clock.set("2026-01-20T09:00:00Z"); // the 2-week follow-up
    const cookie = await signIn(clinician);
    const twoWeeks = (await enter(cookie, 5)).json.responses[0];
    // The outcomes report's rows come from these observations (baseline and follow-up scores).
    const scores = async () => {
      const { observations } = await outcomeObservations(h.database.db, clinician.clinicId);
      const o = observations.find((x) => x.treatmentKind === "medication" && x.timepoint === "2w")!;
      return [o.baseline.nrs_back, o.followUp.nrs_back];
    };
    expect(await scores()).toEqual([8, 5]);
    await correct(cookie, p.id, baseline.id, {
      answers: { nrs_back: 9 },
      reason: "Read the scale backwards",
    });
    expect(await scores()).toEqual([9, 5]);
    await correct(cookie, p.id, twoWeeks.id, { answers: { nrs_back: 4 }, reason: "Typo" });
    expect(await scores()).toEqual([9, 4]);
  });

  it("names each bad field (answers, reason, unknown fields) and writes nothing", async () => {
    const { staff, patientId, odi: first } = await answered();
    const before = await versions(patientId);
    const auditBefore = await h.count("audit_events");
    const shape = await correct(staff.cookie, patientId, first.id, { answers: { odi_1: 2 }, why: "x" });
    expect(shape.status).toBe(400);
    expect(shape.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(["reason", "why"]);
    const items = await correct(staff.cookie, patientId, first.id, {
      answers: { odi_1: 6, odi_11: 1 },
      reason: "Fixing",
    });
    expect(items.json.issues).toEqual([
      { path: "answers.odi_1", message: "must be one of 0, 1, 2, 3, 4, 5" },
      { path: "answers.odi_11", message: "unknown item for odi" },
    ]);
    const same = await correct(staff.cookie, patientId, first.id, { answers: odi(3), reason: "Nothing" });
    expect(same.json.issues).toEqual([
      { path: "answers", message: "are the same as the current version; change at least one answer" },
    ]);
    expect(await versions(patientId)).toEqual(before);
    expect(await h.count("audit_events")).toBe(auditBefore);
  });

  it("is audited, and closed to researchers and to other clinics", async () => {
    const { staff, patientId, nrs } = await answered();
    const researcher = await h.staff("researcher", staff.clinicId);
    expect(
      (await correct(researcher.cookie, patientId, nrs.id, { answers: { nrs_back: 1 }, reason: "x" })).status,
    ).toBe(403);
    const other = await h.staff("clinician");
    expect(
      (await correct(other.cookie, patientId, nrs.id, { answers: { nrs_back: 1 }, reason: "x" })).status,
    ).toBe(404);
    const res = await correct(staff.cookie, patientId, nrs.id, {
      answers: { nrs_back: 1 },
      reason: "Wrong patient's slip",
    });
    const { rows } = await h.database.pool.query(
      "select actor_id, action, entity_type, entity_id, patient_id, detail from audit_events order by seq desc limit 1",
    );
    expect(rows[0]).toMatchObject({
      actor_id: staff.id,
      action: "correct",
      entity_type: "questionnaire-response",
      entity_id: res.json.id,
      patient_id: patientId,
      detail: { supersedes: nrs.id, reason: "Wrong patient's slip", scoreBefore: 8, scoreAfter: 1 },
    });
  });

  it("shows the patient only the current version in the portal", async () => {
    const staff = await h.staff("clinician");
    const p = await h.portalPatient(staff.cookie);
    await h.answerSafetyQuestions(p.cookie);
    const sent = await h.call("POST", "/api/v1/portal/responses", {
      cookie: p.cookie,
      body: { responses: [{ instrument: "nrs_back", answers: { nrs_back: 3 } }] },
    });
    await correct(staff.cookie, p.id, sent.json.responses[0].id, {
      answers: { nrs_back: 4 },
      reason: "Typo",
    });
    const home = await h.call("GET", "/api/v1/portal/home", { cookie: p.cookie });
    expect(home.json.completed.map((r: { score: number }) => r.score)).toEqual([4]);
  });
});

/**
 * Patients' stories through the API: a story rests on the patient's story consent (no consent, no
 * draft and no publication: 409 naming `consent`); its text is refused when it could identify the
 * patient (422 naming `text`); only a clinician approves it (403 for a coordinator or an admin);
 * the decision aid serves every published story of the clinic, poor results included, oldest
 * publication first, each with the patient's own numbers; withdrawing the story consent removes the
 * story from the next read at once, and the record of it stays, audited; another clinic sees none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => h.close());

type Staff = Awaited<ReturnType<Harness["staff"]>>;
type Portal = Awaited<ReturnType<Harness["portalPatient"]>>;

const goodText = (what: string) =>
  `A person in their fifties had low back pain for two years. ${what} They said the exercises were hard to keep up at first.`;

async function clinicWithStoryConsent() {
  const clinic = await h.clinic(`Clinic ${Math.random()}`);
  const clinician = await h.staff("clinician", clinic.id);
  const coordinator = await h.staff("coordinator", clinic.id);
  const admin = await h.staff("admin", clinic.id);
  const [storyDoc] = await h.publishConsent(clinic.id, { purpose: "story" });
  return { clinic, clinician, coordinator, admin, storyDoc: storyDoc! };
}

/** A portal patient with a physiotherapy treatment, a baseline and a 3-month answer. */
async function treatedPatient(staff: Staff, scores: { back: [number, number] }) {
  const patient = await h.portalPatient(staff.cookie);
  await h.answerSafetyQuestions(patient.cookie);
  const baseline = patient.followUps.find((f) => f.timepoint === "baseline")!;
  const answer = async (followUpId: string, back: number) => {
    const res = await h.call("POST", `/api/v1/patients/${patient.id}/responses`, {
      cookie: staff.cookie,
      body: { followUpId, responses: [{ instrument: "nrs_back", answers: { nrs_back: back } }] },
    });
    expect(res.status, res.text).toBe(201);
  };
  // The baseline first: recording a treatment dated before today closes the baseline's window.
  await answer(baseline.id, scores.back[0]);
  const treated = await h.call("POST", `/api/v1/patients/${patient.id}/treatments`, {
    cookie: staff.cookie,
    body: { kind: "exercise_physiotherapy", date: "2025-12-01" },
  });
  expect(treated.status, treated.text).toBe(201);
  const { rows } = await h.database.pool.query<{ id: string }>(
    "select id from follow_ups where treatment_id = $1 and timepoint = '3m'",
    [treated.json.id],
  );
  await answer(rows[0]!.id, scores.back[1]);
  return { patient, treatmentId: treated.json.id as string };
}

async function signStoryConsent(patient: Portal, documentId: string) {
  const res = await h.call("POST", "/api/v1/portal/consents", {
    cookie: patient.cookie,
    body: { documentId, typedName: "Ada Lovelace", confirmed: true },
  });
  expect(res.status, res.text).toBe(201);
  return (res.json.consents as { id: string; purpose: string }[]).find((c) => c.purpose === "story")!.id;
}

const draft = (staff: Staff, patientId: string, body: Record<string, unknown>) =>
  h.call("POST", `/api/v1/patients/${patientId}/stories`, { cookie: staff.cookie, body });
const approve = (staff: Staff, storyId: string) =>
  h.call("POST", `/api/v1/stories/${storyId}/approval`, { cookie: staff.cookie });
const aid = (cookie: string, lang = "en") =>
  h.call("GET", `/api/v1/decision-aid/stories?lang=${lang}`, { cookie });

describe("patients' stories", () => {
  it("cannot be drafted or published without the patient's story consent", async () => {
    const { clinician } = await clinicWithStoryConsent();
    const { patient, treatmentId } = await treatedPatient(clinician, { back: [7, 3] });
    const before = await h.count("stories");
    const res = await draft(clinician, patient.id, {
      treatmentId,
      language: "en",
      text: goodText("It helped."),
    });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.json.issues).toEqual([{ path: "consent", message: expect.stringMatching(/story consent/) }]);
    expect(await h.count("stories")).toBe(before);
  });

  it("cannot be approved once the consent is withdrawn, even as a draft made before", async () => {
    const { clinician, coordinator, storyDoc } = await clinicWithStoryConsent();
    const { patient, treatmentId } = await treatedPatient(clinician, { back: [7, 3] });
    const consentId = await signStoryConsent(patient, storyDoc.id);
    const d = await draft(coordinator, patient.id, {
      treatmentId,
      language: "en",
      text: goodText("It helped."),
    });
    expect(d.status, d.text).toBe(201);
    expect(d.json.status).toBe("draft");
    await h.call("POST", `/api/v1/portal/consents/${consentId}/withdrawal`, { cookie: patient.cookie });
    const res = await approve(clinician, d.json.id);
    expect(res.status).toBe(409);
    const { rows } = await h.database.pool.query("select status from stories where id = $1", [d.json.id]);
    expect(rows[0].status).toBe("withdrawn");
  });

  it("refuses bad input and identifying text, naming each field, and writes nothing", async () => {
    const { clinician, storyDoc } = await clinicWithStoryConsent();
    const { patient, treatmentId } = await treatedPatient(clinician, { back: [7, 3] });
    await signStoryConsent(patient, storyDoc.id);
    const before = await h.count("stories");
    const bad = await draft(clinician, patient.id, { treatmentId: "nope", language: "fr", text: "short" });
    expect(bad.status).toBe(400);
    expect((bad.json.issues as { path: string }[]).map((i) => i.path).sort()).toEqual([
      "language",
      "text",
      "treatmentId",
    ]);
    const named = await draft(clinician, patient.id, {
      treatmentId,
      language: "en",
      text: goodText(
        "Ada Lovelace, born 1970-05-01, lives at 12 Elm Street; call 555 201 7788 or ada@mail.example.org.",
      ),
    });
    expect(named.status).toBe(422);
    const messages = (named.json.issues as { path: string; message: string }[])
      .map((i) => i.message)
      .join("\n");
    for (const m of [/a name .*Ada/, /a date/, /a street address/, /a phone number/, /an e-mail address/])
      expect(messages).toMatch(m);
    expect(new Set((named.json.issues as { path: string }[]).map((i) => i.path))).toEqual(new Set(["text"]));
    expect(await h.count("stories")).toBe(before);
  });

  it("is approved by a clinician only, and each step is audited", async () => {
    const { clinician, coordinator, admin, storyDoc } = await clinicWithStoryConsent();
    const { patient, treatmentId } = await treatedPatient(clinician, { back: [7, 3] });
    await signStoryConsent(patient, storyDoc.id);
    const d = await draft(coordinator, patient.id, {
      treatmentId,
      language: "en",
      text: goodText("It helped."),
    });
    expect(d.status, d.text).toBe(201);
    for (const who of [coordinator, admin]) {
      const res = await approve(who, d.json.id);
      expect(res.status).toBe(403);
    }
    const ok = await approve(clinician, d.json.id);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ status: "published", approvedBy: { id: clinician.id } });
    expect(ok.json.outcomes[0]).toMatchObject({
      instrument: "nrs_back",
      baseline: { score: 7, timepoint: "baseline" },
      latest: { score: 3, timepoint: "3m" },
    });
    const { rows } = await h.database.pool.query<{ action: string }>(
      "select action from audit_events where entity_type = 'story' and entity_id = $1 order by id",
      [d.json.id],
    );
    expect(rows.map((r) => r.action)).toEqual(["draft", "publish"]);
  });

  it("serves every published story of the clinic, poor results included, oldest publication first, with the rule", async () => {
    const { clinician, storyDoc } = await clinicWithStoryConsent();
    const made: string[] = [];
    for (const back of [
      [6, 8],
      [7, 2],
      [5, 5],
    ] as [number, number][]) {
      const { patient, treatmentId } = await treatedPatient(clinician, { back });
      await signStoryConsent(patient, storyDoc.id);
      const d = await draft(clinician, patient.id, {
        treatmentId,
        language: "en",
        text: goodText(back[1] > back[0] ? "The pain got worse." : "It went as hoped or stayed the same."),
      });
      expect(d.status, d.text).toBe(201);
      made.push(d.json.id);
    }
    // Published in another order than drafted: the order is by publication, not by drafting or result.
    for (const id of [made[2]!, made[0]!, made[1]!]) {
      h.clock.set(new Date(h.clock.now().getTime() + 60_000));
      expect((await approve(clinician, id)).status).toBe(200);
    }
    const res = await aid(clinician.cookie);
    expect(res.status).toBe(200);
    expect(res.json.rule).toMatch(/every story .* whatever happened .* oldest first/i);
    expect(res.json.label).toBe("One person's experience, not evidence");
    expect(res.json.items.map((s: { id: string }) => s.id)).toEqual([made[2], made[0], made[1]]);
    const worse = res.json.items.find((s: { id: string }) => s.id === made[0]);
    expect(worse.outcomes[0]).toMatchObject({
      baseline: { score: 6 },
      latest: { score: 8, timepoint: "3m" },
    });
    expect(worse.optionIds).toEqual(["exercise-physiotherapy"]);
    expect(Object.keys(worse).sort()).toEqual(
      ["id", "language", "optionIds", "outcomes", "publishedAt", "text", "treatmentKind"].sort(),
    );
    const es = await aid(clinician.cookie, "es");
    expect(es.json.label).toBe("La experiencia de una persona, no una prueba");
  });

  it("is gone from the decision aid the moment the patient withdraws story consent, with an audited record", async () => {
    const { clinician, storyDoc } = await clinicWithStoryConsent();
    const { patient, treatmentId } = await treatedPatient(clinician, { back: [7, 3] });
    const consentId = await signStoryConsent(patient, storyDoc.id);
    const d = await draft(clinician, patient.id, {
      treatmentId,
      language: "en",
      text: goodText("It helped."),
    });
    await approve(clinician, d.json.id);
    expect((await aid(patient.cookie)).json.items.map((s: { id: string }) => s.id)).toEqual([d.json.id]);

    const w = await h.call("POST", `/api/v1/portal/consents/${consentId}/withdrawal`, {
      cookie: patient.cookie,
    });
    expect(w.status).toBe(200);
    expect((await aid(patient.cookie)).json.items).toEqual([]);
    expect((await aid(clinician.cookie)).json.items).toEqual([]);
    const list = await h.call("GET", `/api/v1/patients/${patient.id}/stories`, { cookie: clinician.cookie });
    expect(list.json.consented).toBe(false);
    expect(list.json.items[0]).toMatchObject({ status: "withdrawn", withdrawnAt: expect.any(String) });
    const { rows } = await h.database.pool.query<{ action: string; detail: { reason: string } }>(
      "select action, detail from audit_events where entity_type = 'story' and entity_id = $1 order by id",
      [d.json.id],
    );
    expect(rows.map((r) => r.action)).toEqual(["draft", "publish", "withdraw"]);
    expect(rows[2]?.detail.reason).toBe("story consent withdrawn");
    // A withdrawn story cannot be edited back into a draft.
    const edit = await h.call("PUT", `/api/v1/stories/${d.json.id}`, {
      cookie: clinician.cookie,
      body: { text: goodText("Changed.") },
    });
    expect(edit.status).toBe(409);
  });

  it("shows a clinic only its own stories, and never another clinic's story to approve or edit", async () => {
    const a = await clinicWithStoryConsent();
    const { patient, treatmentId } = await treatedPatient(a.clinician, { back: [7, 3] });
    await signStoryConsent(patient, a.storyDoc.id);
    const d = await draft(a.clinician, patient.id, {
      treatmentId,
      language: "en",
      text: goodText("It helped."),
    });
    await approve(a.clinician, d.json.id);
    const b = await clinicWithStoryConsent();
    expect((await aid(b.clinician.cookie)).json.items).toEqual([]);
    expect((await approve(b.clinician, d.json.id)).status).toBe(404);
    expect(
      (
        await h.call("GET", `/api/v1/patients/${patient.id}/stories`, {
          cookie: b.clinician.cookie,
        })
      ).status,
    ).toBe(404);
    const researcher = await h.staff("researcher", a.clinic.id);
    expect((await aid(researcher.cookie)).status).toBe(403);
  });
});

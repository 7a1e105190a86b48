/**
 * How many round trips to PostgreSQL a submission of answers takes, counted at the driver from the
 * real app (every pool, the session lookup included): a regression here is what made submissions
 * queue (issue 13: 12 statements where 3 do). Five: the session; `begin`, the clinic's setting,
 * the patient's lock and the read; the write (a named statement); the audit chain's lock and head;
 * the audit events with `commit`. The count does not grow with the questionnaires in a batch, nor
 * when the batch completes its follow-up.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerAll } from "./answers";
import { createHarness, type Harness } from "./harness";
import { recordQueries, type Sent } from "./statements";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => h.close());

const nrs = { instrument: "nrs_back", answers: answerAll("nrs_back", 0.6) };
const odi = { instrument: "odi", answers: answerAll("odi", 0.4) };

/** What each of the five round trips is, in order. */
const shape = [
  /^select "sessions"\."id"/,
  /^begin; select set_config\('evident\.clinic_id', '[0-9a-f-]{36}', true\); select 1 from patients .* for update; with fu as/,
  /^with ins as \( insert into questionnaire_responses/,
  /^select pg_advisory_xact_lock\(hashtextextended\('evident:audit:[0-9a-f-]{36}', 0\)\); select chain_seq/,
  /^insert into audit_events .*; commit$/,
];

function expectFiveRoundTrips(sent: Sent[]) {
  expect(sent.map((s) => s.text.slice(0, 60))).toHaveLength(shape.length);
  sent.forEach((s, i) => {
    expect(s.text).toMatch(shape[i]!);
  });
  // The session lookup and the write are prepared once per connection, not parsed every time.
  expect(sent.filter((s) => s.named).map((s) => s.text.slice(0, 20))).toEqual([
    'select "sessions"."i',
    "with ins as ( insert",
  ]);
}

describe("a submission of answers", () => {
  it("takes five round trips from the clinic, one questionnaire or two, completing its follow-up or not", async () => {
    const clinic = await h.clinic("Clinic");
    const staff = await h.staff("clinician", clinic.id);
    const p = await h.patient(staff.cookie);
    const baseline = p.followUps.find((f) => f.timepoint === "baseline")!;
    const enter = (responses: object[]) =>
      recordQueries(() =>
        h.call("POST", `/api/v1/patients/${p.id}/responses`, {
          cookie: staff.cookie,
          body: { followUpId: baseline.id, responses },
        }),
      );
    const first = await enter([nrs]);
    expect(first.result.status).toBe(201);
    expectFiveRoundTrips(first.sent);
    const completing = await enter([odi]);
    expect(completing.result.status).toBe(201);
    expectFiveRoundTrips(completing.sent);
    const record = await h.call("GET", `/api/v1/patients/${p.id}`, { cookie: staff.cookie });
    expect(record.json.followUps.find((f: { id: string }) => f.id === baseline.id).status).toBe("completed");
    // Unscheduled answers (no open follow-up left), two questionnaires at once: the same five.
    const unscheduled = await recordQueries(() =>
      h.call("POST", `/api/v1/patients/${p.id}/responses`, {
        cookie: staff.cookie,
        body: { responses: [nrs, odi] },
      }),
    );
    expect(unscheduled.result.json.responses.map((r: { timepoint: string }) => r.timepoint)).toEqual([
      "unscheduled",
      "unscheduled",
    ]);
    expectFiveRoundTrips(unscheduled.sent);
  });

  it("takes five round trips from the portal, and rolls back right after its read while the safety questions come first", async () => {
    const staff = await h.staff("clinician");
    const p = await h.portalPatient(staff.cookie);
    const submit = () =>
      recordQueries(() =>
        h.call("POST", "/api/v1/portal/responses", { cookie: p.cookie, body: { responses: [nrs, odi] } }),
      );
    const held = await submit();
    expect(held.result.status).toBe(409);
    expect(held.sent.map((s) => s.text.slice(0, 8))).toEqual(['select "', "begin; s", "rollback"]);
    await h.answerSafetyQuestions(p.cookie);
    const stored = await submit();
    expect(stored.result.status).toBe(201);
    expect(stored.result.json.followUpCompleted).toBe(true);
    expectFiveRoundTrips(stored.sent);
  });
});

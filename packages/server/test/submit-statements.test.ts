import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerAll } from "./answers";
import { createHarness, type Harness } from "./harness";
import { recordQueries } from "./statements";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterAll(() => h.close());

const nrs = { instrument: "nrs_back", answers: answerAll("nrs_back", 0.6) };
const odi = { instrument: "odi", answers: answerAll("odi", 0.4) };

describe("statements per submission", () => {
  it("measures", async () => {
    const clinic = await h.clinic("Clinic");
    const staff = await h.staff("clinician", clinic.id);
    const p = await h.portalPatient(staff.cookie);
    const baseline = p.followUps.find((f) => f.timepoint === "baseline")!;
    const a = await recordQueries(() =>
      h.call("POST", `/api/v1/patients/${p.id}/responses`, {
        cookie: staff.cookie,
        body: { followUpId: baseline.id, responses: [nrs] },
      }),
    );
    console.log("clinic, one of two", a.sent.length, a.sent.map((s) => s.text.slice(0, 100)));
    const b = await recordQueries(() =>
      h.call("POST", `/api/v1/patients/${p.id}/responses`, {
        cookie: staff.cookie,
        body: { followUpId: baseline.id, responses: [odi] },
      }),
    );
    console.log("clinic, completes", b.sent.length, b.sent.map((s) => s.text.slice(0, 100)));
    const q = await h.portalPatient(staff.cookie);
    await h.answerSafetyQuestions(q.cookie);
    const c = await recordQueries(() =>
      h.call("POST", "/api/v1/portal/responses", { cookie: q.cookie, body: { responses: [nrs, odi] } }),
    );
    console.log("portal, both", c.result.status, c.sent.length, c.sent.map((s) => s.text.slice(0, 100)));
    expect(a.result.status).toBe(201);
  });
});

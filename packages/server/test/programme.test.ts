/**
 * An exercise programme in the portal: the patient ticks off the days they did a session, the
 * count is kept against the plan in the procedure record (sessions a week, weeks), the clinic sees
 * the same, and a day outside the programme or in the future is refused and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-02T09:00:00Z" });
});
afterAll(async () => {
  await h.close();
});

const physio = (date: string, sessionsPerWeek = 2, weeks = 6) => ({
  kind: "exercise_physiotherapy",
  date,
  procedure: {
    category: "conservative",
    operator: "J. Physio",
    programme: "graded activity",
    sessionsPerWeek,
    weeks,
  },
});

async function patientWithProgramme() {
  h.clock.set("2026-03-02T09:00:00Z");
  const s = await h.staff();
  const p = await h.portalPatient(s.cookie);
  const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
    cookie: s.cookie,
    body: physio("2026-03-02"),
  });
  expect(t.status).toBe(201);
  return { s, p, treatmentId: t.json.id as string };
}

/** Moves the clock and signs the patient in again (a session ends 12 hours after sign-in). */
async function at(iso: string, p: { email: string; cookie: string }) {
  h.clock.set(iso);
  const res = await h.call("POST", "/api/v1/auth/patient/sign-in", {
    body: { email: p.email, password: PASSWORD },
  });
  expect(res.status).toBe(200);
  p.cookie = h.cookieFrom(res);
}

const mark = (cookie: string, date: string, done = true) =>
  h.call(done ? "PUT" : "DELETE", `/api/v1/portal/programme/sessions/${date}`, { cookie });

describe("an exercise programme's sessions", () => {
  it("counts the days ticked against the plan, week by week, and shows the clinic the same", async () => {
    const { s, p, treatmentId } = await patientWithProgramme();
    await at("2026-03-11T18:00:00Z", p); // day 10: week 2 (9–15 March)
    for (const day of ["2026-03-03", "2026-03-06", "2026-03-10", "2026-03-10", "2026-03-11"])
      expect((await mark(p.cookie, day)).status).toBe(200);
    const recovery = await h.call("GET", "/api/v1/portal/recovery", { cookie: p.cookie });
    expect(recovery.status).toBe(200);
    expect(recovery.json.programme).toMatchObject({
      treatmentId,
      programme: "graded activity",
      sessionsPerWeek: 2,
      weeks: 6,
      startDate: "2026-03-02",
      endDate: "2026-04-12",
      status: "running",
      week: 2,
      thisWeek: { from: "2026-03-09", to: "2026-03-15", done: 2, planned: 2 },
      total: { done: 4, planned: 12 },
      weeksPast: 1,
      weeksOnPlan: 1,
      doneToday: true,
      sessions: ["2026-03-11", "2026-03-10", "2026-03-06", "2026-03-03"],
    });
    // Taken back: a tick given by mistake.
    const undone = await mark(p.cookie, "2026-03-11", false);
    expect(undone.json).toMatchObject({ doneToday: false, total: { done: 3 } });
    expect((await mark(p.cookie, "2026-03-11", false)).json.total.done).toBe(3);

    const staff = await h.staff("clinician", s.clinicId);
    const seen = await h.call("GET", `/api/v1/patients/${p.id}/programme`, { cookie: staff.cookie });
    expect(seen.json.programme).toMatchObject({ total: { done: 3, planned: 12 }, week: 2 });
    const { rows } = await h.database.pool.query(
      "select action, entity_type from audit_events where patient_id = $1 and entity_type like 'programme%' order by seq",
      [p.id],
    );
    expect(rows.map((r) => `${r.action} ${r.entity_type}`)).toEqual([
      ...Array(4).fill("create programme-session"),
      "delete programme-session",
      "read programme",
    ]);
  });

  it("refuses a day in the future, before the programme or too long ago, naming the date, and writes nothing", async () => {
    const { p } = await patientWithProgramme();
    await at("2026-04-20T09:00:00Z", p);
    const before = await h.count("programme_sessions");
    for (const [day, message] of [
      ["2026-04-21", "cannot be in the future"],
      ["2026-03-01", "is before the programme started"],
      ["2026-03-10", "can be at most 30 days ago"],
    ] as const) {
      const res = await mark(p.cookie, day);
      expect(res.status, day).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
      expect(res.json.issues).toEqual([{ path: "date", message }]);
    }
    const bad = await mark(p.cookie, "2026-02-30");
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toEqual(["date"]);
    // The programme ended on 12 April: a day after it is not part of it.
    expect((await mark(p.cookie, "2026-04-13")).json.issues).toEqual([
      { path: "date", message: "is after the programme ended" },
    ]);
    expect(await h.count("programme_sessions")).toBe(before);
  });

  it("has no programme for an injection or a medicine, and staff cannot tick for the patient", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    const s = await h.staff();
    const p = await h.portalPatient(s.cookie);
    await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: {
        kind: "medication",
        date: "2026-03-02",
        procedure: {
          category: "conservative",
          operator: "Dr A",
          programme: "naproxen 500 mg",
          sessionsPerWeek: 14,
          weeks: 2,
        },
      },
    });
    expect((await h.call("GET", "/api/v1/portal/recovery", { cookie: p.cookie })).json.programme).toBeNull();
    const none = await mark(p.cookie, "2026-03-02");
    expect(none.status).toBe(404);
    expect((await mark(s.cookie, "2026-03-02")).status).toBe(403);
  });

  it("stops showing a programme 4 weeks after its last day", async () => {
    const { p } = await patientWithProgramme(); // 6 weeks: the last day is 12 April
    await at("2026-05-10T09:00:00Z", p);
    expect(
      (await h.call("GET", "/api/v1/portal/recovery", { cookie: p.cookie })).json.programme,
    ).toMatchObject({
      status: "ended",
      weeksPast: 6,
    });
    await at("2026-05-11T09:00:00Z", p);
    expect((await h.call("GET", "/api/v1/portal/recovery", { cookie: p.cookie })).json.programme).toBeNull();
  });
});

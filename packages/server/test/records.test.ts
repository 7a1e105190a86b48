/**
 * Correcting saved records through the API. An adverse event is updated as follow-up comes in
 * and a treatment corrected: checked as when recorded (each bad field named, nothing written),
 * refused with 409 when changed since it was read, every earlier version kept with its reason,
 * audited, and out of reach of another clinic. An event that comes to qualify for expedited
 * reporting gets its clock from that day; a treatment's new date moves its follow-ups and keeps
 * the answers already given.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideFor } from "./candidacy-facts";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ now: "2026-03-10T09:00:00Z" });
});
afterAll(() => h.close());

const event = {
  kind: "infection",
  onsetDate: "2026-03-08",
  severity: 2,
  seriousness: [] as string[],
  relatedness: "possible",
  expected: null,
  outcome: "recovering",
  actions: "Oral antibiotics",
  description: "Redness at the injection site",
};

async function withEvent() {
  const s = await h.staff();
  const p = await h.patient(s.cookie);
  const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
    cookie: s.cookie,
    body: { kind: "bone_marrow_concentrate", date: "2026-03-02", ...overrideFor("bone_marrow_concentrate") },
  });
  const e = await h.call("POST", `/api/v1/patients/${p.id}/adverse-events`, {
    cookie: s.cookie,
    body: { ...event, treatmentId: t.json.id },
  });
  expect(e.status).toBe(201);
  return { s, p, treatmentId: t.json.id as string, e: e.json };
}

const put = (id: string, cookie: string, body: unknown) =>
  h.call("PUT", `/api/v1/adverse-events/${id}`, { cookie, body });

const versionsOf = async (id: string) =>
  (await h.database.pool.query("select count(*)::int as n from record_versions where entity_id = $1", [id]))
    .rows[0].n as number;

describe("updating an adverse event", () => {
  it("records the outcome's change, keeps the earlier version with the reason, and audits it", async () => {
    const { s, p, treatmentId, e } = await withEvent();
    expect(e.version).toBe(1);
    const res = await put(e.id, s.cookie, {
      ...event,
      treatmentId,
      outcome: "recovered",
      actions: "Oral antibiotics; wound check at day 7",
      version: 1,
      reason: "Wound check: healed",
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      version: 2,
      outcome: "recovered",
      updatedAt: "2026-03-10T09:00:00.000Z",
    });

    const history = await h.call("GET", `/api/v1/adverse-events/${e.id}/history`, { cookie: s.cookie });
    expect(history.status).toBe(200);
    expect(history.json).toEqual({
      version: 2,
      items: [
        {
          version: 2,
          changedAt: "2026-03-10T09:00:00.000Z",
          changedBy: { id: s.id, name: "Test clinician" },
          reason: "Wound check: healed",
          changes: [
            { field: "outcome", before: "recovering", after: "recovered" },
            {
              field: "actions",
              before: "Oral antibiotics",
              after: "Oral antibiotics; wound check at day 7",
            },
          ],
        },
      ],
    });
    // The earlier version is kept whole, as it was stored.
    const { rows } = await h.database.pool.query(
      "select snapshot from record_versions where entity_type = 'adverse-event' and entity_id = $1",
      [e.id],
    );
    expect(rows[0].snapshot).toMatchObject({
      outcome: "recovering",
      version: 1,
      actions: "Oral antibiotics",
    });
    const audit = await h.database.pool.query(
      "select action, actor_id, detail from audit_events where entity_type = 'adverse-event' and entity_id = $1 and action = 'update'",
      [e.id],
    );
    expect(audit.rows).toEqual([
      {
        action: "update",
        actor_id: s.id,
        detail: expect.objectContaining({ version: 2, reason: "Wound check: healed" }),
      },
    ]);
    const list = await h.call("GET", `/api/v1/patients/${p.id}/adverse-events`, { cookie: s.cookie });
    expect(list.json.items[0]).toMatchObject({ id: e.id, version: 2, outcome: "recovered" });
  });

  it("names each bad field, the reason and the version included, and writes nothing", async () => {
    const { s, e } = await withEvent();
    const res = await put(e.id, s.cookie, {
      ...event,
      kind: "hiccups",
      severity: 7,
      onsetDate: "2026-02-30",
      version: "one",
      extra: true,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "extra",
      "kind",
      "onsetDate",
      "reason",
      "severity",
      "version",
    ]);
    // Checks across fields, as when recording: a grade 5 event is a death.
    const fatal = await put(e.id, s.cookie, { ...event, severity: 5, version: 1, reason: "Died" });
    expect(fatal.status).toBe(400);
    expect(fatal.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(["outcome", "seriousness"]);
    // An onset in the future, another patient's treatment, a change that changes nothing.
    const later = await put(e.id, s.cookie, { ...event, onsetDate: "2026-04-01", version: 1, reason: "x" });
    expect(later.json.issues).toEqual([{ path: "onsetDate", message: "cannot be in the future" }]);
    const other = await withEvent();
    const foreign = await put(e.id, s.cookie, {
      ...event,
      treatmentId: other.treatmentId,
      version: 1,
      reason: "x",
    });
    expect(foreign.json.issues).toEqual([
      { path: "treatmentId", message: "is not a treatment of this patient" },
    ]);
    const nothing = await put(e.id, s.cookie, {
      ...event,
      treatmentId: e.treatmentId,
      version: 1,
      reason: "Checked",
    });
    expect(nothing.status).toBe(400);
    expect(await versionsOf(e.id)).toBe(0);
    const { rows } = await h.database.pool.query(
      "select version, severity from adverse_events where id = $1",
      [e.id],
    );
    expect(rows[0]).toEqual({ version: 1, severity: 2 });
  });

  it("refuses a change made from a stale version with 409, naming the version", async () => {
    const { s, treatmentId, e } = await withEvent();
    const first = await put(e.id, s.cookie, {
      ...event,
      treatmentId,
      outcome: "recovered",
      version: 1,
      reason: "Healed",
    });
    expect(first.status).toBe(200);
    const stale = await put(e.id, s.cookie, {
      ...event,
      treatmentId,
      severity: 3,
      version: 1,
      reason: "Worse",
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(stale.json.issues[0]).toMatchObject({
      path: "version",
      message: expect.stringMatching(/version 2/),
    });
    const { rows } = await h.database.pool.query(
      "select severity, outcome from adverse_events where id = $1",
      [e.id],
    );
    expect(rows[0]).toEqual({ severity: 2, outcome: "recovered" });
  });

  it("starts the 15-day clock on the day the event became known to be serious and unexpected", async () => {
    const { s, treatmentId, e } = await withEvent();
    expect(e.clock).toMatchObject({ required: false, startDate: "2026-03-10" });
    h.clock.set("2026-03-18T09:00:00Z");
    try {
      const colleague = await h.staff("clinician", s.clinicId);
      const res = await put(e.id, colleague.cookie, {
        ...event,
        treatmentId,
        severity: 3,
        seriousness: ["hospitalisation"],
        expected: false,
        version: 1,
        reason: "Admitted for IV antibiotics",
      });
      expect(res.status).toBe(200);
      expect(res.json.clock).toMatchObject({
        required: true,
        days: 15,
        startDate: "2026-03-18",
        dueDate: "2026-04-02",
        status: "due",
      });
      const clocks = await h.call("GET", "/api/v1/adverse-events/clocks", { cookie: colleague.cookie });
      expect(clocks.json.items.find((c: { id: string }) => c.id === e.id)?.clock.dueDate).toBe("2026-04-02");

      // Reported, then found life-threatening: a new report within 7 days of learning it.
      const done = await h.call("POST", `/api/v1/adverse-events/${e.id}/report-submitted`, {
        cookie: colleague.cookie,
      });
      expect(done.json).toMatchObject({ version: 3, clock: { status: "submitted" } });
      h.clock.set("2026-03-20T09:00:00Z");
      const again = await h.staff("clinician", s.clinicId);
      const grave = await put(e.id, again.cookie, {
        ...event,
        treatmentId,
        severity: 4,
        seriousness: ["hospitalisation", "life-threatening"],
        expected: false,
        version: 3,
        reason: "Sepsis in intensive care",
      });
      expect(grave.json.clock).toMatchObject({
        days: 7,
        startDate: "2026-03-20",
        dueDate: "2026-03-27",
        status: "due",
        submittedAt: null,
      });
      // The first report's submission is still in the history.
      const history = await h.call("GET", `/api/v1/adverse-events/${e.id}/history`, { cookie: again.cookie });
      expect(history.json.items.map((i: { reason: string }) => i.reason)).toEqual([
        "Sepsis in intensive care",
        "Expedited report submitted",
        "Admitted for IV antibiotics",
      ]);
      expect(history.json.items[0].changes).toContainEqual({
        field: "reportSubmittedAt",
        before: "2026-03-18T09:00:00.000Z",
        after: null,
      });
    } finally {
      h.clock.set("2026-03-10T09:00:00Z");
    }
  });

  it("is not found for another clinic's staff, and not allowed for researchers", async () => {
    const { s, treatmentId, e } = await withEvent();
    const other = await h.staff();
    const body = { ...event, treatmentId, outcome: "recovered", version: 1, reason: "Healed" };
    expect((await put(e.id, other.cookie, body)).status).toBe(404);
    expect(
      (await h.call("GET", `/api/v1/adverse-events/${e.id}/history`, { cookie: other.cookie })).status,
    ).toBe(404);
    const researcher = await h.staff("researcher", s.clinicId);
    expect((await put(e.id, researcher.cookie, body)).status).toBe(403);
    expect(await versionsOf(e.id)).toBe(0);
  });
});

const correct = (patientId: string, treatmentId: string, cookie: string, body: unknown) =>
  h.call("PUT", `/api/v1/patients/${patientId}/treatments/${treatmentId}`, { cookie, body });

const odi = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`odi_${i + 1}`, 2]));

async function followUpsOf(patientId: string) {
  const { rows } = await h.database.pool.query(
    `select f.timepoint, f.due_date::text as due, f.window_start::text as start, f.window_end::text as end,
            f.status, f.completed_at, t.kind
       from follow_ups f left join treatments t on t.id = f.treatment_id
      where f.patient_id = $1 order by f.due_date, f.timepoint`,
    [patientId],
  );
  return rows as {
    timepoint: string;
    due: string;
    start: string;
    end: string;
    status: string;
    completed_at: Date | null;
    kind: string | null;
  }[];
}

describe("correcting a treatment", () => {
  it("moves the follow-ups with a new date and keeps the answers already given", async () => {
    h.clock.set("2026-03-16T09:00:00Z");
    try {
      const s = await h.staff();
      const p = await h.patient(s.cookie);
      const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
        cookie: s.cookie,
        body: { kind: "epidural_steroid_injection", date: "2026-03-02" },
      });
      const twoWeeks = (await followUpsOf(p.id)).find((f) => f.timepoint === "2w");
      expect(twoWeeks).toMatchObject({ due: "2026-03-16", start: "2026-03-09", end: "2026-03-23" });
      const answered = await h.call("POST", `/api/v1/patients/${p.id}/responses`, {
        cookie: s.cookie,
        body: {
          timepoint: "2w",
          responses: [
            { instrument: "nrs_back", answers: { nrs_back: 4 } },
            { instrument: "odi", answers: odi },
          ],
        },
      });
      expect(answered.status).toBe(201);
      const responsesBefore = await h.count("questionnaire_responses");

      const res = await correct(p.id, t.json.id, s.cookie, {
        kind: "epidural_steroid_injection",
        date: "2026-02-20",
        notes: "Date taken from the procedure log",
        version: 1,
        reason: "Wrong date typed: the log says 20 February",
      });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        version: 2,
        date: "2026-02-20",
        details: { notes: "Date taken from the procedure log" },
        schedule: {
          moved: 5,
          completedOutsideWindow: ["2w"],
          cancelled: 0,
          reinstated: 0,
          contactsRestarted: 4,
        },
      });
      const after = await followUpsOf(p.id);
      // The 2-week answers stay, with when they were given; only the window moved.
      expect(after.find((f) => f.timepoint === "2w")).toMatchObject({
        due: "2026-03-06",
        start: "2026-02-27",
        end: "2026-03-13",
        status: "completed",
        completed_at: new Date("2026-03-16T09:00:00Z"),
      });
      expect(after.find((f) => f.timepoint === "6w")).toMatchObject({
        due: "2026-04-03",
        status: "scheduled",
      });
      expect(after.find((f) => f.timepoint === "12m")).toMatchObject({ due: "2027-02-20" });
      expect(await h.count("questionnaire_responses")).toBe(responsesBefore);

      const history = await h.call("GET", `/api/v1/patients/${p.id}/treatments/${t.json.id}/history`, {
        cookie: s.cookie,
      });
      expect(history.json).toMatchObject({
        version: 2,
        items: [
          {
            reason: "Wrong date typed: the log says 20 February",
            changes: [
              { field: "date", before: "2026-03-02", after: "2026-02-20" },
              { field: "notes", before: null, after: "Date taken from the procedure log" },
            ],
          },
        ],
      });
      const audit = await h.database.pool.query(
        "select detail from audit_events where entity_type = 'treatment' and entity_id = $1 and action = 'correct'",
        [t.json.id],
      );
      expect(audit.rows[0].detail).toMatchObject({
        version: 2,
        reason: "Wrong date typed: the log says 20 February",
        schedule: { completedOutsideWindow: ["2w"] },
      });
    } finally {
      h.clock.set("2026-03-10T09:00:00Z");
    }
  });

  it("works out again which follow-ups a later treatment replaces", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "epidural_steroid_injection", date: "2026-01-05" },
    });
    const fusion = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "fusion", date: "2026-03-02" },
    });
    const injection3m = async () =>
      (await followUpsOf(p.id)).find((f) => f.kind === "epidural_steroid_injection" && f.timepoint === "3m");
    expect(await injection3m()).toMatchObject({ due: "2026-04-05", status: "cancelled" });

    // The operation was on 1 May: the injection's 3-month follow-up is its own again.
    const later = await correct(p.id, fusion.json.id, s.cookie, {
      kind: "fusion",
      date: "2026-05-01",
      version: 1,
      reason: "Booked date entered as the operation date",
    });
    expect(later.json.schedule).toMatchObject({ cancelled: 0, reinstated: 1 });
    expect(await injection3m()).toMatchObject({ status: "scheduled" });
    const injection6m = (await followUpsOf(p.id)).find(
      (f) => f.kind === "epidural_steroid_injection" && f.timepoint === "6m",
    );
    expect(injection6m?.status).toBe("cancelled");

    // And back: moved earlier, it replaces the 3-month follow-up again.
    const earlier = await correct(p.id, fusion.json.id, s.cookie, {
      kind: "fusion",
      date: "2026-03-02",
      version: 2,
      reason: "Operation was on 2 March after all",
    });
    expect(earlier.json.schedule).toMatchObject({ cancelled: 1, reinstated: 0 });
    expect(await injection3m()).toMatchObject({ status: "cancelled" });
  });

  it("names each bad field of the correction and writes nothing; a stale version is 409", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "epidural_steroid_injection", date: "2026-03-02" },
    });
    const before = await followUpsOf(p.id);
    const bad = await correct(p.id, t.json.id, s.cookie, {
      kind: "leeches",
      date: "2026-02-30",
      episodeId: t.json.episodeId,
      version: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "date",
      "episodeId",
      "kind",
      "reason",
      "version",
    ]);
    // The procedure record is checked as when recording (levels for a disc target).
    const record = await correct(p.id, t.json.id, s.cookie, {
      kind: "epidural_steroid_injection",
      date: "2028-03-02",
      procedure: {
        category: "injection",
        operator: "Dr A",
        target: "disc",
        levels: [],
        imageGuidance: "none",
      },
      version: 1,
      reason: "Add the record",
    });
    expect(record.status).toBe(400);
    expect(record.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "date",
      "procedure.levels",
    ]);
    expect(await followUpsOf(p.id)).toEqual(before);
    expect(await versionsOf(t.json.id)).toBe(0);

    const ok = await correct(p.id, t.json.id, s.cookie, {
      kind: "epidural_steroid_injection",
      date: "2026-03-03",
      version: 1,
      reason: "Date",
    });
    expect(ok.status).toBe(200);
    const stale = await correct(p.id, t.json.id, s.cookie, {
      kind: "epidural_steroid_injection",
      date: "2026-03-04",
      version: 1,
      reason: "Date again",
    });
    expect(stale.status).toBe(409);
    expect(stale.json.issues[0].path).toBe("version");
    expect((await followUpsOf(p.id)).find((f) => f.timepoint === "2w")?.due).toBe("2026-03-17");
  });

  it("is not found for another clinic's staff", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "epidural_steroid_injection", date: "2026-03-02" },
    });
    const other = await h.staff();
    const body = { kind: "epidural_steroid_injection", date: "2026-03-03", version: 1, reason: "Date" };
    expect((await correct(p.id, t.json.id, other.cookie, body)).status).toBe(404);
    expect(
      (
        await h.call("GET", `/api/v1/patients/${p.id}/treatments/${t.json.id}/history`, {
          cookie: other.cookie,
        })
      ).status,
    ).toBe(404);
    expect(await versionsOf(t.json.id)).toBe(0);
  });
});

/**
 * Follow-up invitations, reminders and escalation, end to end through the jobs: a real SMTP
 * server receives the mail, a fixed clock is moved day by day, and the follow-up is completed
 * through the API. Two runners against one database send each message exactly once.
 */
import { createPool, type Database, tables } from "@evident/db";
import { drizzle } from "drizzle-orm/node-postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJobsOnce } from "../src/jobs/runner";
import { dispatchOnce } from "../src/mail/dispatcher";
import { type Mailer, smtpMailer } from "../src/mail/mailer";
import { batchFor } from "./answers";
import { createHarness, type Harness } from "./harness";
import { decodeQuotedPrintable, type Received, startSmtp } from "./smtp";

let h: Harness;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let mailer: Mailer;
beforeAll(async () => {
  smtp = await startSmtp();
  mailer = smtpMailer(smtp.url, "clinic@evident.test");
  h = await createHarness({ mailer, now: "2026-03-02T09:00:00Z" });
});
afterAll(async () => {
  mailer.close();
  await smtp.close();
  await h.close();
});

const subjectOf = (m: Received) => /^Subject: (.*)$/m.exec(m.raw)?.[1] ?? "";
const followUpMail = (to: string) =>
  smtp.received.filter((m) => m.to.includes(to) && /questionnaire/.test(subjectOf(m)));

/**
 * Moves the clock to 09:00 on `day`, runs the jobs and sends what they queued. Runs are queued
 * once an hour; tests in this file share days, so each asks for a run of its own (`again`).
 */
async function onDay(day: string) {
  h.clock.set(`${day}T09:00:00Z`);
  const runs = await runJobsOnce(h.deps, { again: true });
  await dispatchOnce(h.deps);
  return runs;
}

/** A patient with a portal account, treated on `date`; returns their 2-week follow-up. */
async function treatedPatient(date: string) {
  h.clock.set("2026-03-02T09:00:00Z");
  const s = await h.staff();
  const p = await h.portalPatient(s.cookie);
  const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
    cookie: s.cookie,
    body: { kind: "medication", date },
  });
  expect(t.status).toBe(201);
  const detail = await h.call("GET", `/api/v1/patients/${p.id}`, { cookie: s.cookie });
  const twoWeeks = detail.json.followUps.find((f: { timepoint: string }) => f.timepoint === "2w");
  return { patient: p, clinicId: s.clinicId, twoWeeks, treatmentId: t.json.id as string };
}

/** Answers the follow-up as clinic staff would by phone (a fresh sign-in: the clock has moved). */
async function complete(clinicId: string, patientId: string, followUpId: string) {
  const s = await h.staff("coordinator", clinicId);
  const res = await h.call("POST", `/api/v1/patients/${patientId}/responses`, {
    cookie: s.cookie,
    body: batchFor(["nrs_back", "odi"], 0.3, followUpId),
  });
  expect(res.status).toBe(201);
}

async function tasksFor(patientId: string) {
  const { rows } = await h.database.pool.query(
    "select kind, title, assigned_role, status from tasks where patient_id = $1",
    [patientId],
  );
  return rows;
}

describe("follow-up contacts", () => {
  it("invites when the window opens, reminds after 3 and 7 days, then asks a coordinator to call", async () => {
    const { patient, twoWeeks } = await treatedPatient("2026-03-02");
    expect(twoWeeks).toMatchObject({ windowStart: "2026-03-09", windowEnd: "2026-03-23" });
    await onDay("2026-03-08");
    expect(followUpMail(patient.email)).toHaveLength(0);

    await onDay("2026-03-09");
    const [invitation] = followUpMail(patient.email);
    expect(subjectOf(invitation!)).toMatch(/^Your 2 weeks questionnaire from .* is ready$/);
    expect(decodeQuotedPrintable(invitation!.raw)).toContain(
      `http://evident.test/portal/questionnaire/${twoWeeks.id}`,
    );
    await onDay("2026-03-09"); // a second run the same day sends nothing
    await onDay("2026-03-11");
    expect(followUpMail(patient.email)).toHaveLength(1);

    await onDay("2026-03-12");
    await onDay("2026-03-16");
    expect(followUpMail(patient.email).map(subjectOf)).toEqual([
      expect.stringMatching(/^Your 2 weeks/),
      expect.stringMatching(/^Reminder: your 2 weeks/),
      expect.stringMatching(/^Reminder: your 2 weeks/),
    ]);
    expect(await tasksFor(patient.id)).toEqual([]);

    await onDay("2026-03-19");
    await onDay("2026-03-20");
    expect(await tasksFor(patient.id)).toEqual([
      { kind: "follow-up-call", title: "Call the patient", assigned_role: "coordinator", status: "open" },
    ]);
    expect(followUpMail(patient.email)).toHaveLength(3);
    // Every message is logged in the outbox and every contact in the audit trail.
    const { rows } = await h.database.pool.query(
      "select kind, status from outbox_messages where patient_id = $1 and kind like 'follow-up-%' order by created_at",
      [patient.id],
    );
    expect(rows).toEqual([
      { kind: "follow-up-invitation", status: "sent" },
      { kind: "follow-up-reminder", status: "sent" },
      { kind: "follow-up-reminder", status: "sent" },
    ]);
    const audited = await h.database.pool.query(
      "select count(*)::int as n from audit_events where action = 'contact' and patient_id = $1",
      [patient.id],
    );
    expect(audited.rows[0].n).toBe(3);
  });

  it("stops reminding once the follow-up is completed, and opens no task", async () => {
    const { patient, clinicId, twoWeeks } = await treatedPatient("2026-03-02");
    await onDay("2026-03-09");
    expect(followUpMail(patient.email)).toHaveLength(1);
    await complete(clinicId, patient.id, twoWeeks.id);
    for (const day of ["2026-03-12", "2026-03-16", "2026-03-20", "2026-03-23"]) await onDay(day);
    expect(followUpMail(patient.email)).toHaveLength(1);
    expect(await tasksFor(patient.id)).toEqual([]);
  });

  it("withdraws a reminder queued before the patient answered instead of sending it", async () => {
    const { patient, clinicId, twoWeeks } = await treatedPatient("2026-03-02");
    h.clock.set("2026-03-12T09:00:00Z");
    await runJobsOnce(h.deps, { again: true }); // queued, not yet sent
    await complete(clinicId, patient.id, twoWeeks.id);
    await dispatchOnce(h.deps);
    expect(followUpMail(patient.email)).toHaveLength(0);
    const { rows } = await h.database.pool.query(
      "select status from outbox_messages where patient_id = $1 and kind like 'follow-up-%'",
      [patient.id],
    );
    expect(rows).toEqual([{ status: "withdrawn" }]);
  });

  it("sends nothing for a cancelled follow-up (a later treatment replaced it)", async () => {
    const { patient, clinicId } = await treatedPatient("2026-03-02");
    const s = await h.staff("clinician", clinicId);
    await h.call("POST", `/api/v1/patients/${patient.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "fusion", date: "2026-03-05" },
    });
    await onDay("2026-03-10");
    // The fusion's own 2-week window opens on the 12th; the medication's was cancelled.
    expect(followUpMail(patient.email)).toHaveLength(0);
    await onDay("2026-03-12");
    expect(followUpMail(patient.email)).toHaveLength(1);
  });

  it("starts the contacts again when a corrected treatment date moves the window, and withdraws what named the old dates", async () => {
    const { patient, clinicId, twoWeeks, treatmentId } = await treatedPatient("2026-03-02");
    await onDay("2026-03-09"); // the 2-week window (9–23 March) opens: the invitation goes
    expect(followUpMail(patient.email)).toHaveLength(1);
    h.clock.set("2026-03-12T09:00:00Z");
    await runJobsOnce(h.deps, { again: true }); // the first reminder, queued, not yet sent
    let version = 1;
    const correct = async (date: string) => {
      const s = await h.staff("clinician", clinicId);
      const res = await h.call("PUT", `/api/v1/patients/${patient.id}/treatments/${treatmentId}`, {
        cookie: s.cookie,
        body: { kind: "medication", date, version, reason: "Date typed wrongly" },
      });
      expect(res.status).toBe(200);
      version = res.json.version;
      return res.json.schedule;
    };
    // The treatment was on the 10th: the window is now 17–31 March.
    expect(await correct("2026-03-10")).toMatchObject({ contactsRestarted: 5 });
    const messages = async () =>
      (
        await h.database.pool.query<{ status: string; withdrawn_reason: string | null; kind: string }>(
          "select kind, status, withdrawn_reason from outbox_messages where patient_id = $1 and kind like 'follow-up-%' order by created_at",
          [patient.id],
        )
      ).rows;
    expect(await messages()).toEqual([
      { kind: "follow-up-invitation", status: "sent", withdrawn_reason: null },
      {
        kind: "follow-up-reminder",
        status: "withdrawn",
        withdrawn_reason: expect.stringMatching(/treatment date was corrected/),
      },
    ]);
    await dispatchOnce(h.deps);
    await onDay("2026-03-13");
    await onDay("2026-03-16");
    expect(followUpMail(patient.email)).toHaveLength(1); // nothing until the new window opens

    await onDay("2026-03-17");
    const mails = followUpMail(patient.email);
    expect(mails).toHaveLength(2);
    expect(subjectOf(mails[1]!)).toMatch(/^Your 2 weeks questionnaire/);
    expect(decodeQuotedPrintable(mails[1]!.raw)).toContain("31 March 2026");
    const worklist = await h.call("GET", "/api/v1/follow-ups/due", {
      cookie: (await h.staff("coordinator", clinicId)).cookie,
    });
    expect(worklist.json.items.find((f: { id: string }) => f.id === twoWeeks.id)).toMatchObject({
      windowStart: "2026-03-17",
      contacts: 1,
    });

    // Moved away and back the same day: the window's invitation was sent already, not again.
    await correct("2026-03-11");
    await correct("2026-03-10");
    await onDay("2026-03-17");
    expect(followUpMail(patient.email)).toHaveLength(2);
    await onDay("2026-03-20"); // but its first reminder comes, once
    await onDay("2026-03-20");
    expect(followUpMail(patient.email).map((m) => subjectOf(m).split(":")[0])).toEqual([
      expect.stringMatching(/^Your 2 weeks/),
      expect.stringMatching(/^Your 2 weeks/),
      "Reminder",
    ]);
  });

  it("invites and reminds for the baseline before treatment, and stops on the treatment date", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    const s = await h.staff();
    const p = await h.portalPatient(s.cookie);
    const baseline = p.followUps.find((f) => f.timepoint === "baseline")!;
    const mails = () =>
      smtp.received.filter((m) => m.to.includes(p.email) && /first questionnaire/.test(subjectOf(m)));

    await onDay("2026-03-02"); // registered today: the baseline window opens
    const [invitation] = mails();
    expect(subjectOf(invitation!)).toMatch(/^Your first questionnaire from .* is ready$/);
    const text = decodeQuotedPrintable(invitation!.raw);
    expect(text).toContain(`http://evident.test/portal/questionnaire/${baseline.id}`);
    expect(text).toContain("before your treatment");
    // The treatment is planned for the 6th: the baseline can be answered until that day.
    const planned = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "epidural_steroid_injection", date: "2026-03-06" },
    });
    expect(planned.status).toBe(201);
    await onDay("2026-03-05");
    expect(mails().map(subjectOf)).toEqual([
      expect.stringMatching(/^Your first questionnaire/),
      expect.stringMatching(/^Reminder: your first questionnaire/),
    ]);
    expect(decodeQuotedPrintable(mails()[1]!.raw)).toContain("You can answer until 6 March 2026.");
    // After the treatment the baseline is closed: no second reminder, no call.
    for (const day of ["2026-03-07", "2026-03-09", "2026-03-12", "2026-03-13"]) await onDay(day);
    expect(mails()).toHaveLength(2);
    expect((await tasksFor(p.id)).filter((t) => t.kind === "follow-up-call")).toEqual([]);
  });

  it("asks a coordinator to call when the baseline goes unanswered and no treatment is set yet", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    const s = await h.staff();
    const p = await h.portalPatient(s.cookie);
    for (const day of ["2026-03-02", "2026-03-05", "2026-03-09", "2026-03-12"]) await onDay(day);
    expect(
      smtp.received.filter((m) => m.to.includes(p.email) && /first questionnaire/.test(subjectOf(m))),
    ).toHaveLength(3);
    expect(await tasksFor(p.id)).toEqual([
      { kind: "follow-up-call", title: "Call the patient", assigned_role: "coordinator", status: "open" },
    ]);
  });

  it("sends each message exactly once with two job runners and two dispatchers on one database", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    const s = await h.staff();
    const emails: string[] = [];
    for (let i = 0; i < 8; i++) {
      const p = await h.portalPatient(s.cookie, `twin${i}@mail.test`);
      emails.push(p.email);
      await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
        cookie: s.cookie,
        body: { kind: "medication", date: "2026-03-02" },
      });
    }
    // A second server: its own connection pool to the same database, the same clock.
    const pool = createPool((h.database as Database & { url: string }).url, 5);
    const other = {
      ...h.deps,
      database: { ...h.database, pool, db: drizzle(pool, { schema: tables.schema }) },
    };
    try {
      for (const day of ["2026-03-09", "2026-03-12", "2026-03-16"]) {
        h.clock.set(`${day}T09:00:00Z`);
        await Promise.all([
          runJobsOnce(h.deps),
          runJobsOnce(other),
          runJobsOnce(h.deps, { again: true }),
          runJobsOnce(other, { again: true }),
        ]);
        await Promise.all([dispatchOnce(h.deps), dispatchOnce(other)]);
      }
    } finally {
      await pool.end();
    }
    for (const email of emails) expect(followUpMail(email).map(subjectOf)).toHaveLength(3);
    const { rows } = await h.database.pool.query(
      "select count(*)::int as n from follow_up_contacts c join outbox_messages m on m.id = c.outbox_message_id where m.to_address like 'twin%'",
    );
    expect(rows[0].n).toBe(24);
  });

  it("lets an administrator run the jobs now through the API, and nobody else", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    const admin = await h.staff("admin");
    const res = await h.call("POST", "/api/v1/jobs/run", { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.json.runs.find((r: { kind: string }) => r.kind === "follow-up-contacts")).toMatchObject({
      kind: "follow-up-contacts",
      result: { checked: expect.any(Number) },
    });
    const clinician = await h.staff("clinician");
    expect((await h.call("POST", "/api/v1/jobs/run", { cookie: clinician.cookie })).status).toBe(403);
  });

  it("lists the clinic's due follow-ups for the worklist, closing soonest first, with the latest contact", async () => {
    const { patient, clinicId, twoWeeks } = await treatedPatient("2026-03-02");
    await onDay("2026-03-12");
    const s = await h.staff("coordinator", clinicId);
    const res = await h.call("GET", "/api/v1/follow-ups/due", { cookie: s.cookie });
    expect(res.status).toBe(200);
    const mine = res.json.items.filter((f: { patientId: string }) => f.patientId === patient.id);
    expect(mine).toEqual([
      expect.objectContaining({
        id: twoWeeks.id,
        timepoint: "2w",
        windowEnd: "2026-03-23",
        contacts: 2,
        emailable: true,
      }),
    ]);
    const ends = res.json.items.map((f: { windowEnd: string }) => f.windowEnd);
    expect(ends).toEqual([...ends].sort());
  });

  it("says when a due follow-up cannot be e-mailed: the patient has no active portal account", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "medication", date: "2026-03-02" },
    });
    expect(t.status).toBe(201);
    await onDay("2026-03-12");
    const res = await h.call("GET", "/api/v1/follow-ups/due", {
      cookie: (await h.staff("coordinator", s.clinicId)).cookie,
    });
    expect(res.json.items.filter((f: { patientId: string }) => f.patientId === p.id)).toEqual([
      expect.objectContaining({ timepoint: "2w", contacts: 0, emailable: false }),
    ]);
  });
});

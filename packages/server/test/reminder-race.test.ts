/**
 * A reminder never reaches a patient who has answered, even when the answer and the sending
 * happen at the same moment. Each interleaving is forced, not hoped for: a second connection
 * holds a lock the completion needs, the test SMTP server holds a message before accepting it, and
 * the test waits until PostgreSQL shows the other side waiting on a lock before letting go.
 */
import { chainLockName } from "@evident/db";
import type { PoolClient } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJobsOnce } from "../src/jobs/runner";
import { dispatchOnce } from "../src/mail/dispatcher";
import { type Mailer, smtpMailer } from "../src/mail/mailer";
import { batchFor } from "./answers";
import { createHarness, type Harness } from "./harness";
import { type Received, type Smtp, startSmtp } from "./smtp";

let h: Harness;
let smtp: Smtp;
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
 * A patient with a portal account treated on 2 March: the 2-week window opens on the 9th (the
 * invitation is sent), and on the 12th the first reminder is queued but not yet sent.
 */
async function reminderQueued() {
  h.clock.set("2026-03-02T09:00:00Z");
  const s = await h.staff();
  const p = await h.portalPatient(s.cookie);
  await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
    cookie: s.cookie,
    body: { kind: "medication", date: "2026-03-02" },
  });
  const detail = await h.call("GET", `/api/v1/patients/${p.id}`, { cookie: s.cookie });
  const twoWeeks = detail.json.followUps.find((f: { timepoint: string }) => f.timepoint === "2w");
  h.clock.set("2026-03-09T09:00:00Z");
  await runJobsOnce(h.deps, { again: true });
  await dispatchOnce(h.deps);
  expect(followUpMail(p.email)).toHaveLength(1);
  h.clock.set("2026-03-12T09:00:00Z");
  await runJobsOnce(h.deps, { again: true });
  const reminder = await messageOf(p.id, "follow-up-reminder");
  expect(reminder?.status).toBe("pending");
  const coordinator = await h.staff("coordinator", s.clinicId);
  /** Answers the follow-up as staff would by phone, through the API. */
  const answer = () =>
    h.call("POST", `/api/v1/patients/${p.id}/responses`, {
      cookie: coordinator.cookie,
      body: batchFor(["nrs_back", "odi"], 0.3, twoWeeks.id),
    });
  return { patient: p, followUpId: twoWeeks.id as string, reminderId: reminder!.id, answer };
}

async function messageOf(patientId: string, kind: string) {
  const { rows } = await h.database.pool.query<{
    id: string;
    status: string;
    withdrawn_reason: string | null;
    sent_at: Date | null;
  }>(
    "select id, status, withdrawn_reason, sent_at from outbox_messages where patient_id = $1 and kind = $2 order by created_at desc",
    [patientId, kind],
  );
  return rows[0];
}

/** Waits until `n` sessions of this database are waiting for a lock. */
async function lockWaiters(n: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    // As the cluster's administrator: pg_stat_activity hides other roles' waits from the test's role.
    const { rows } = await h.database.owner.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
    );
    if ((rows[0]?.n ?? 0) >= n) return;
    if (Date.now() > deadline) throw new Error(`fewer than ${n} sessions waiting for a lock after 10 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A second connection holding the clinic's audit chain's lock: its next audited write stops there. */
async function holdAuditChain(patientId: string): Promise<PoolClient> {
  const { rows } = await h.database.pool.query("select clinic_id from patients where id = $1", [patientId]);
  const c = await h.database.pool.connect();
  await c.query("begin");
  await c.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [chainLockName(rows[0].clinic_id)]);
  return c;
}

describe("a reminder racing the patient's answer", () => {
  it("waits for an answer being saved, then withdraws the reminder instead of sending it", async () => {
    const { patient, reminderId, answer } = await reminderQueued();
    // The answer is saved up to its audit event (the follow-up is completed and its reminder
    // withdrawn, uncommitted), and waits there for the audit chain this connection holds.
    const audit = await holdAuditChain(patient.id);
    let answered: Awaited<ReturnType<typeof answer>> | null = null;
    const answering = answer().then((r) => {
      answered = r;
    });
    await lockWaiters(1);
    // The dispatcher now comes for the reminder: it must wait for the follow-up's row.
    let dispatched: Awaited<ReturnType<typeof dispatchOnce>> | null = null;
    const dispatching = dispatchOnce(h.deps).then((r) => {
      dispatched = r;
    });
    await lockWaiters(2);
    expect(dispatched).toBeNull();
    expect(answered).toBeNull();
    await audit.query("commit");
    audit.release();
    await Promise.all([answering, dispatching]);

    expect(answered!.status).toBe(201);
    expect(dispatched).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
    expect(followUpMail(patient.email)).toHaveLength(1); // the invitation only
    expect(await messageOf(patient.id, "follow-up-reminder")).toMatchObject({
      id: reminderId,
      status: "withdrawn",
      withdrawn_reason: "Not sent: the patient answered the questionnaire first.",
      sent_at: null,
    });
    // Staff see it on the Messages page, with the reason.
    const clinicId = (
      await h.database.pool.query("select clinic_id from patients where id = $1", [patient.id])
    ).rows[0].clinic_id;
    const staff = await h.staff("coordinator", clinicId);
    const outbox = await h.call("GET", "/api/v1/outbox", { cookie: staff.cookie });
    expect(outbox.json.items.find((m: { id: string }) => m.id === reminderId)).toMatchObject({
      status: "withdrawn",
      withdrawnReason: "Not sent: the patient answered the questionnaire first.",
      withdrawnAt: "2026-03-12T09:00:00.000Z",
      sentAt: null,
    });
  });

  it("lets an answer given while the reminder is being handed to SMTP wait until it is out", async () => {
    const { patient, answer } = await reminderQueued();
    const events: string[] = [];
    const held = smtp.hold();
    const dispatching = dispatchOnce(h.deps).then((r) => {
      events.push("reminder sent");
      return r;
    });
    await held.arrived; // the reminder is at the SMTP server, not yet accepted
    const answering = answer().then((r) => {
      events.push("answer saved");
      return r;
    });
    await lockWaiters(1); // the answer waits for the follow-up the dispatcher holds
    expect(events).toEqual([]);
    held.release();
    const [report, res] = await Promise.all([dispatching, answering]);

    expect(res.status).toBe(201);
    expect(report).toEqual({ sent: 1, failed: 0, withdrawn: 0 });
    // Sent before the answer was saved, never after it.
    expect(events).toEqual(["reminder sent", "answer saved"]);
    expect(followUpMail(patient.email).map(subjectOf)).toEqual([
      expect.stringMatching(/^Your 2 weeks/),
      expect.stringMatching(/^Reminder: your 2 weeks/),
    ]);
    // And the second reminder day brings nothing more.
    h.clock.set("2026-03-16T09:00:00Z");
    await runJobsOnce(h.deps, { again: true });
    await dispatchOnce(h.deps);
    expect(followUpMail(patient.email)).toHaveLength(2);
  });

  it("withdraws a queued reminder itself when the follow-up was settled without withdrawing it", async () => {
    const { patient } = await reminderQueued();
    // Another writer completes the follow-up and leaves its reminder queued.
    const { rows } = await h.database.pool.query(
      "update follow_ups set status = 'completed', completed_at = $2 where patient_id = $1 and timepoint = '2w' returning id",
      [patient.id, h.clock.now()],
    );
    expect(rows).toHaveLength(1);
    expect((await messageOf(patient.id, "follow-up-reminder"))?.status).toBe("pending");
    expect(await dispatchOnce(h.deps)).toEqual({ sent: 0, failed: 0, withdrawn: 1 });
    expect(followUpMail(patient.email)).toHaveLength(1);
    expect(await messageOf(patient.id, "follow-up-reminder")).toMatchObject({
      status: "withdrawn",
      withdrawn_reason: "Not sent: the patient answered the questionnaire first.",
    });
  });

  it("withdraws a reminder that waited until after the window closed (e-mail was down)", async () => {
    const { patient } = await reminderQueued();
    h.clock.set("2026-03-24T09:00:00Z"); // the window closed on the 23rd
    expect(await dispatchOnce(h.deps)).toEqual({ sent: 0, failed: 0, withdrawn: 1 });
    expect(followUpMail(patient.email)).toHaveLength(1);
    expect(await messageOf(patient.id, "follow-up-reminder")).toMatchObject({
      status: "withdrawn",
      withdrawn_reason: "Not sent: the answer window had closed.",
    });
  });

  it("withdraws the queued reminders of a follow-up cancelled by a later treatment, with the reason", async () => {
    const { patient } = await reminderQueued();
    const s = await h.staff(
      "clinician",
      (await h.database.pool.query("select clinic_id from patients where id = $1", [patient.id])).rows[0]
        .clinic_id,
    );
    const res = await h.call("POST", `/api/v1/patients/${patient.id}/treatments`, {
      cookie: s.cookie,
      body: { kind: "fusion", date: "2026-03-12" },
    });
    expect(res.status).toBe(201);
    expect(await messageOf(patient.id, "follow-up-reminder")).toMatchObject({
      status: "withdrawn",
      withdrawn_reason: "Not sent: the follow-up was cancelled first (a later treatment replaced it).",
    });
    await dispatchOnce(h.deps);
    expect(followUpMail(patient.email)).toHaveLength(1);
  });
});

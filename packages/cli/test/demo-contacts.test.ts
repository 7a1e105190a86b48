/**
 * The demo's contact history on a real PostgreSQL: the invitations, reminders and "call the
 * patient" tasks are what the daily contacts job would have written had it run every day, so the
 * job's first run on the seed's day adds nothing.
 */
import { runFollowUpContacts } from "@evident/db";
import { contactKey, escalationKey } from "@evident/domain/pathway/contacts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../db/test/database";
import { HISTORY_DAYS } from "../src/demo/contacts";
import { seedDemo } from "../src/demo/seed";

type TestDb = Awaited<ReturnType<typeof freshDatabase>>;

const TODAY = "2026-06-15";
const NOW = new Date(`${TODAY}T12:00:00Z`);
const BASE_URL = "https://registry.example.org";

let db: TestDb;

beforeAll(async () => {
  db = await freshDatabase();
  await seedDemo(db, { patients: 300, seed: 11, today: TODAY, baseUrl: BASE_URL, now: () => NOW });
});
afterAll(async () => {
  await db?.close();
});

async function rowsOf<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.system.pool.query(sql, params)).rows as T[];
}

async function counts(): Promise<{ contacts: number; messages: number; tasks: number; audit: number }> {
  const [r] = await rowsOf<{ contacts: number; messages: number; tasks: number; audit: number }>(
    `select (select count(*)::int from follow_up_contacts) as contacts,
            (select count(*)::int from outbox_messages) as messages,
            (select count(*)::int from tasks) as tasks,
            (select count(*)::int from audit_events) as audit`,
  );
  return r!;
}

/** Follow-ups open today whose window opened at least 7 days ago, for patients activated before it. */
const openWithAccount = `
  select f.id, f.window_start::text as "windowStart", f.patient_id as "patientId"
    from follow_ups f join patient_accounts a on a.patient_id = f.patient_id
   where f.status = 'scheduled' and f.window_start <= $1::date - 7 and f.window_end >= $1::date
     and a.activated_at < f.window_start::timestamptz
   order by f.id`;

describe("the demo's contact history", () => {
  it("is complete: the contacts job's run on the seed's day queues nothing and opens no task", async () => {
    const before = await counts();
    expect(before.contacts).toBeGreaterThan(100);
    expect(before.messages).toBeGreaterThan(20);
    const report = await runFollowUpContacts(db.system.db, { today: TODAY, now: NOW, baseUrl: BASE_URL });
    expect(report.checked).toBeGreaterThan(0);
    expect(report).toMatchObject({ invitations: 0, reminders: 0, escalations: 0 });
    expect(await counts()).toEqual(before);
  });

  it("invites and then reminds, in order, open follow-ups whose window opened a week ago or more", async () => {
    const open = await rowsOf<{ id: string; windowStart: string }>(openWithAccount, [TODAY]);
    expect(open.length).toBeGreaterThan(3);
    for (const f of open) {
      const contacts = await rowsOf<{
        number: number;
        created_at: Date;
        kind: string;
        dedupe_key: string;
        status: string;
        sent_at: Date | null;
        body: string;
      }>(
        `select c.number, c.created_at, m.kind, m.dedupe_key, m.status, m.sent_at, m.body
           from follow_up_contacts c join outbox_messages m on m.id = c.outbox_message_id
          where c.follow_up_id = $1 order by c.created_at`,
        [f.id],
      );
      expect(contacts.map((c) => c.number)).toEqual([0, 1, 2]);
      expect(contacts.map((c) => c.created_at.getTime())).toEqual(
        [0, 3, 7].map((d) => Date.parse(`${f.windowStart}T00:00:00Z`) + d * 86_400_000 + 10 * 60_000),
      );
      expect(contacts.map((c) => c.kind)).toEqual([
        "follow-up-invitation",
        "follow-up-reminder",
        "follow-up-reminder",
      ]);
      for (const c of contacts) {
        expect(c.dedupe_key).toBe(contactKey(f.id, c.number, f.windowStart));
        expect(c.body).toContain(`${BASE_URL}/portal/questionnaire/${f.id}`);
        // Queued on its day, no later than today; sent unless that day is today.
        const day = c.created_at.toISOString().slice(0, 10);
        expect(day <= TODAY).toBe(true);
        expect(c.status).toBe(day < TODAY ? "sent" : "pending");
        if (c.sent_at) expect(c.sent_at.getTime()).toBeGreaterThanOrEqual(c.created_at.getTime());
      }
    }
  });

  it("contacts an answered follow-up only before the day it was answered, and never outside its window", async () => {
    const [late] = await rowsOf<{ n: number }>(
      `select count(*)::int as n from follow_up_contacts c join follow_ups f on f.id = c.follow_up_id
        where (f.completed_at is not null and c.created_at::date >= f.completed_at::date)
           or c.created_at::date < f.window_start or c.created_at::date > f.window_end
           or c.created_at::date > $1::date`,
      [TODAY],
    );
    expect(late!.n).toBe(0);
    const [answered] = await rowsOf<{ n: number }>(
      `select count(distinct f.id)::int as n from follow_ups f join follow_up_contacts c on c.follow_up_id = f.id
        where f.status = 'completed'`,
    );
    expect(answered!.n).toBeGreaterThan(10);
    // Call tasks of follow-ups no longer open were dealt with; those still open wait.
    const calls = await rowsOf<{ status: string; open: boolean; completed_at: Date | null }>(
      `select t.status, (f.completed_at is null and f.window_end >= $1::date) as open, t.completed_at
         from tasks t join follow_ups f on f.id = t.source_id where t.kind = 'follow-up-call'`,
      [TODAY],
    );
    expect(calls.some((c) => c.open)).toBe(true);
    expect(calls.some((c) => !c.open)).toBe(true);
    for (const c of calls) {
      expect(c.status).toBe(c.open ? "open" : "done");
      if (c.completed_at) expect(c.completed_at.getTime()).toBeLessThan(NOW.getTime());
    }
  });

  it("e-mails only patients whose portal account was activated by then, each message named by one contact", async () => {
    const [bad] = await rowsOf<{ n: number }>(
      `select count(*)::int as n from outbox_messages m
        where not exists (select 1 from patient_accounts a
                           where a.patient_id = m.patient_id and a.activated_at <= m.created_at
                             and a.email = m.to_address)
           or (select count(*) from follow_up_contacts c where c.outbox_message_id = m.id) <> 1`,
    );
    expect(bad!.n).toBe(0);
    const [silent] = await rowsOf<{ n: number }>(
      `select count(*)::int as n from follow_up_contacts c join follow_ups f on f.id = c.follow_up_id
        where c.outbox_message_id is null
          and exists (select 1 from patient_accounts a where a.patient_id = f.patient_id and a.activated_at <= c.created_at)`,
    );
    expect(silent!.n).toBe(0);
    const statuses = await rowsOf<{ today: boolean; status: string }>(
      `select distinct created_at::date = $1::date as today, status from outbox_messages`,
      [TODAY],
    );
    for (const s of statuses) expect(s.status).toBe(s.today ? "pending" : "sent");
  });

  it("contacts no cancelled or upcoming follow-up, and opens no task for them", async () => {
    const [r] = await rowsOf<{ cancelled: number; upcoming: number; contacts: number; tasks: number }>(
      `select count(*) filter (where f.status = 'cancelled')::int as cancelled,
              count(*) filter (where f.window_start > $1::date)::int as upcoming,
              (select count(*)::int from follow_up_contacts c join follow_ups g on g.id = c.follow_up_id
                where g.status = 'cancelled' or g.window_start > $1::date) as contacts,
              (select count(*)::int from tasks t join follow_ups g on g.id = t.source_id
                where g.status = 'cancelled' or g.window_start > $1::date) as tasks
         from follow_ups f`,
      [TODAY],
    );
    expect(r!.cancelled).toBeGreaterThan(0);
    expect(r!.upcoming).toBeGreaterThan(0);
    expect(r!.contacts).toBe(0);
    expect(r!.tasks).toBe(0);
  });

  it("goes back HISTORY_DAYS: a follow-up whose window closed longer ago has no contacts, one closed since has", async () => {
    const [r] = await rowsOf<{ old: number; oldContacts: number; recentContacts: number }>(
      `select count(*) filter (where f.window_end < $1::date - $2::int)::int as old,
              count(c.*) filter (where f.window_end < $1::date - $2::int)::int as "oldContacts",
              count(c.*) filter (where f.window_end < $1::date and f.window_end >= $1::date - $2::int)::int
                as "recentContacts"
         from follow_ups f left join follow_up_contacts c on c.follow_up_id = f.id
        where f.status <> 'cancelled'`,
      [TODAY, HISTORY_DAYS],
    );
    expect(r!.old).toBeGreaterThan(0);
    expect(r!.oldContacts).toBe(0);
    expect(r!.recentContacts).toBeGreaterThan(0);
  });

  // Last: it changes the database.
  it("is what the job writes: a removed contact and call task are written again, with the same e-mail", async () => {
    // The latest contact of an open follow-up for an activated patient, and its call task.
    const [f] = await rowsOf<{ id: string; windowStart: string }>(openWithAccount, [TODAY]);
    expect(f).toBeDefined();
    const [latest] = await rowsOf<{
      number: number;
      kind: string;
      to_address: string;
      subject: string;
      body: string;
      dedupe_key: string;
      patient_id: string;
      clinic_id: string;
    }>(
      `select c.number, m.kind, m.to_address, m.subject, m.body, m.dedupe_key, m.patient_id, m.clinic_id
         from follow_up_contacts c join outbox_messages m on m.id = c.outbox_message_id
        where c.follow_up_id = $1 order by c.number desc limit 1`,
      [f!.id],
    );
    expect(latest).toBeDefined();
    const [task] = await rowsOf<Record<string, unknown>>(
      `select kind, title, detail, priority, due_at, assigned_role, status, source_type, source_id, dedupe_key, patient_id
         from tasks where dedupe_key = $1`,
      [escalationKey(f!.id, f!.windowStart)],
    );
    expect(task).toMatchObject({ status: "open", assigned_role: "coordinator", kind: "follow-up-call" });

    const client = await db.system.pool.connect();
    try {
      await client.query("begin");
      const { rows: removed } = await client.query<{ outbox_message_id: string }>(
        "delete from follow_up_contacts where follow_up_id = $1 and number = $2 returning outbox_message_id",
        [f!.id, latest!.number],
      );
      await client.query("delete from outbox_messages where id = $1", [removed[0]!.outbox_message_id]);
      await client.query("delete from tasks where dedupe_key = $1", [escalationKey(f!.id, f!.windowStart)]);
      await client.query("commit");
    } finally {
      client.release();
    }

    const report = await runFollowUpContacts(db.system.db, { today: TODAY, now: NOW, baseUrl: BASE_URL });
    expect(report.invitations + report.reminders).toBe(1);
    expect(report.escalations).toBe(1);
    const [again] = await rowsOf<typeof latest>(
      `select c.number, m.kind, m.to_address, m.subject, m.body, m.dedupe_key, m.patient_id, m.clinic_id
         from follow_up_contacts c join outbox_messages m on m.id = c.outbox_message_id
        where c.follow_up_id = $1 order by c.number desc limit 1`,
      [f!.id],
    );
    expect(again).toEqual(latest);
    const [taskAgain] = await rowsOf<Record<string, unknown>>(
      `select kind, title, detail, priority, due_at, assigned_role, status, source_type, source_id, dedupe_key, patient_id
         from tasks where dedupe_key = $1`,
      [escalationKey(f!.id, f!.windowStart)],
    );
    expect(taskAgain).toEqual(task);
  });
});

/**
 * The daily follow-up contacts work (rules in @evident/domain/pathway/contacts): for every open
 * follow-up, in every clinic, queue the invitation or reminder due today and open a "call the
 * patient" task when both reminders went unanswered. That includes the baseline, the
 * questionnaire before treatment: its window opens when the patient is registered and closes on
 * the treatment date (or after BASELINE_WINDOW_DAYS without one), so it is invited and reminded
 * like the others, and nothing is sent once the treatment has happened.
 *
 * Exactly once, however many runners: each follow-up is handled in its own transaction that
 * locks its row (FOR UPDATE SKIP LOCKED: a follow-up another runner holds is left to it) and
 * re-reads its status, so a follow-up completed or cancelled a moment ago gets nothing; the
 * contact is recorded under its primary key (follow-up, number) and the message under the outbox's
 * unique key, so a runner that comes second, or a re-run after a crash, inserts nothing.
 */

import { addDays, effectiveEmergencyNumber } from "@evident/domain";
import {
  contactDue,
  contactKey,
  contactMessage,
  escalationDue,
  escalationKey,
  escalationTask,
} from "@evident/domain/pathway/contacts";
import { and, asc, eq, gte, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { clinics, followUps, outboxMessages, patientAccounts, patients } from "../schema";
import { followUpContacts } from "../schema/jobs";
import { tasks } from "../schema/tasks";
import { whereClinic } from "../tenancy";
import { audit, auditedRead, type Scope } from "./scope";
import { createTask } from "./tasks";

export type ContactsReport = { invitations: number; reminders: number; escalations: number; checked: number };

const systemScope = (clinicId: string, now: Date): Scope => ({
  clinicId,
  actor: { kind: "system", id: "follow-up-contacts" },
  requestId: null,
  now: () => now,
});

export async function runFollowUpContacts(
  db: Db,
  opts: { today: string; now: Date; baseUrl: string; batch?: number },
): Promise<ContactsReport> {
  const report: ContactsReport = { invitations: 0, reminders: 0, escalations: 0, checked: 0 };
  const candidates = await db
    .select({ id: followUps.id })
    .from(followUps)
    .where(
      and(
        eq(followUps.status, "scheduled"),
        lte(followUps.windowStart, opts.today),
        gte(followUps.windowEnd, opts.today),
      ),
    )
    .orderBy(followUps.id);
  for (const { id } of candidates) {
    const r = await contactOne(db, id, opts);
    report.checked += 1;
    if (r.sent === "invitation") report.invitations += 1;
    if (r.sent === "reminder") report.reminders += 1;
    if (r.escalated) report.escalations += 1;
  }
  return report;
}

async function contactOne(
  db: Db,
  followUpId: string,
  opts: { today: string; now: Date; baseUrl: string },
): Promise<{ sent: "invitation" | "reminder" | null; escalated: boolean }> {
  return db.transaction(async (tx) => {
    const [f] = await tx
      .select()
      .from(followUps)
      .where(eq(followUps.id, followUpId))
      .for("update", { skipLocked: true });
    if (!f) return { sent: null, escalated: false }; // another runner holds it
    const scope = systemScope(f.clinicId, opts.now);
    let sent: "invitation" | "reminder" | null = null;
    const step = contactDue(f, opts.today);
    if (step) {
      const [contact] = await tx
        .insert(followUpContacts)
        .values({ followUpId: f.id, number: step.number, clinicId: f.clinicId, createdAt: opts.now })
        .onConflictDoNothing()
        .returning();
      if (contact) {
        const [to] = await tx
          .select({
            email: patientAccounts.email,
            clinicName: clinics.name,
            country: clinics.country,
            emergencyNumber: clinics.emergencyNumber,
            language: patients.language,
          })
          .from(patientAccounts)
          .innerJoin(clinics, eq(clinics.id, patientAccounts.clinicId))
          .innerJoin(patients, eq(patients.id, patientAccounts.patientId))
          .where(and(eq(patientAccounts.patientId, f.patientId), isNotNull(patientAccounts.activatedAt)));
        if (to) {
          const link = `${opts.baseUrl.replace(/\/$/, "")}/portal/questionnaire/${f.id}`;
          const msg = contactMessage(
            step,
            {
              ...f,
              clinicName: to.clinicName,
              emergencyNumber: effectiveEmergencyNumber(to.country, to.emergencyNumber),
            },
            link,
            to.language,
          );
          const dedupeKey = contactKey(f.id, step.number, f.windowStart);
          const [queued] = await tx
            .insert(outboxMessages)
            .values({
              id: uuidv7(),
              clinicId: f.clinicId,
              patientId: f.patientId,
              kind: step.kind === "invitation" ? "follow-up-invitation" : "follow-up-reminder",
              toAddress: to.email,
              subject: msg.subject,
              body: msg.body,
              dedupeKey,
              createdAt: opts.now,
            })
            .onConflictDoNothing({ target: outboxMessages.dedupeKey })
            .returning({ id: outboxMessages.id });
          // A treatment date corrected and then put back gives the window its first day again:
          // the message of that window and number exists already and is not written twice.
          const [earlier] = queued
            ? [queued]
            : await tx
                .select({ id: outboxMessages.id })
                .from(outboxMessages)
                .where(eq(outboxMessages.dedupeKey, dedupeKey));
          await tx
            .update(followUpContacts)
            .set({ outboxMessageId: earlier?.id ?? null })
            .where(and(eq(followUpContacts.followUpId, f.id), eq(followUpContacts.number, step.number)));
          if (queued) sent = step.kind;
        }
        await audit(tx, scope, {
          action: "contact",
          entityType: "follow-up",
          entityId: f.id,
          patientId: f.patientId,
          detail: { contact: step.number, kind: step.kind, sent: sent !== null },
        });
      }
    }
    let escalated = false;
    if (escalationDue(f, opts.today)) {
      const [before] = await tx
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(eq(tasks.clinicId, f.clinicId), eq(tasks.dedupeKey, escalationKey(f.id, f.windowStart))));
      if (!before) {
        const task = escalationTask(f);
        await createTask(tx, scope, {
          patientId: f.patientId,
          kind: "follow-up-call",
          title: task.title,
          detail: task.detail,
          priority: "soon",
          dueAt: new Date(`${f.windowEnd}T23:59:59Z`),
          assignedRole: "coordinator",
          source: { type: "follow-up", id: f.id },
          dedupeKey: escalationKey(f.id, f.windowStart),
        });
        escalated = true;
      }
    }
    return { sent, escalated };
  });
}

export type DueFollowUp = {
  id: string;
  patientId: string;
  patientName: string;
  timepoint: string;
  dueDate: string;
  windowStart: string;
  windowEnd: string;
  /**
   * The latest contact e-mailed: 0 none (or no portal account to write to), 1 the invitation,
   * 2 the first reminder, 3 the second.
   */
  contacts: number;
  /** The patient has an activated portal account, so invitations and reminders can be e-mailed. */
  emailable: boolean;
};

/**
 * The clinic's follow-ups open today or opening within a week, the window closing soonest first
 * (an answer after it is lost to the outcomes), for the worklist. Audited as a read of each.
 */
export async function dueFollowUps(db: Db, scope: Scope, limit = 200): Promise<DueFollowUp[]> {
  const today = scope.now().toISOString().slice(0, 10);
  return auditedRead(
    db,
    scope,
    async (tx) => {
      const rows = await tx
        .select({
          id: followUps.id,
          patientId: followUps.patientId,
          given: patients.givenName,
          family: patients.familyName,
          timepoint: followUps.timepoint,
          dueDate: followUps.dueDate,
          windowStart: followUps.windowStart,
          windowEnd: followUps.windowEnd,
          contacts: sql<number>`(select coalesce(max(c.number) + 1, 0)::int from ${followUpContacts} c where c.follow_up_id = ${followUps.id} and c.outbox_message_id is not null)`,
          emailable: sql<boolean>`exists (select 1 from ${patientAccounts} a where a.patient_id = ${followUps.patientId} and a.activated_at is not null)`,
        })
        .from(followUps)
        .innerJoin(patients, eq(patients.id, followUps.patientId))
        .where(
          and(
            whereClinic(followUps, scope),
            eq(followUps.status, "scheduled"),
            lte(followUps.windowStart, addDays(today, 7)),
            gte(followUps.windowEnd, today),
          ),
        )
        .orderBy(asc(followUps.windowEnd))
        .limit(limit);
      return rows.map(({ given, family, ...r }) => ({ ...r, patientName: `${given} ${family}` }));
    },
    (rows) => ({ action: "read", entityType: "follow-up", detail: { followUps: rows.map((r) => r.id) } }),
  );
}

/**
 * The follow-up contacts a clinic that has been running has behind it: the invitations and
 * reminders, and the "call the patient" tasks, exactly as the daily contacts job
 * (packages/db/src/repos/follow-up-contacts.ts, rules in @evident/domain/pathway/contacts) would
 * have written them had it run every day up to and including `today`. So the worklist and the
 * Messages page read like a clinic's, and the job's first run of the day adds nothing.
 *
 * For each follow-up not cancelled, each contact step whose day (the window's first day plus the
 * step's days) is inside the window, not after today, and before the day the follow-up was
 * answered, is a contact, recorded at the job's first run that day. It is e-mailed (an outbox row
 * the contact names) only when the patient's portal account was activated by then, as the job
 * only writes to those. Messages of past days were sent; today's wait in the outbox. A follow-up
 * that was still open on its escalation day has its coordinator task: open while the follow-up
 * is still open today, done (the coordinator called) once it was answered or its window closed.
 *
 * Only the recent past is depicted: follow-ups whose window closed more than HISTORY_DAYS before
 * today get no history (the job never looks at them again, and at 100k patients their millions of
 * old e-mails would triple the seed's time and size for nothing anyone reads).
 *
 * Simplification: a step falling on the day the patient answered is left out, whatever the hour.
 * Cancelled follow-ups get nothing (a later treatment ended them; their old contacts are not
 * depicted).
 */
import {
  contactKey,
  contactMessage,
  contactSteps,
  escalateAfterDays,
  escalationKey,
  escalationTask,
} from "@evident/domain/pathway/contacts";
import { DAY_MS, dayOf, timeOfDay } from "./days";
import type { ClinicContext } from "./patient";
import type { Random } from "./random";
import type { AccountRow, FollowUpRow, RegistryRows } from "./rows";

/** The server's default public address (http://localhost:PORT with the default port). */
export const DEMO_BASE_URL = "http://localhost:3000";

/** The job runs hourly: its first run of a day, just after midnight UTC, finds that day's contacts. */
const RUN_AT = 10 * 60_000;
/** A message was handed to SMTP a minute after it was queued. */
const SENT_AFTER = 60_000;

/** How far back the history goes: follow-ups whose window closed longer ago have none. */
export const HISTORY_DAYS = 90;

const callNotes = [
  "Called the patient and offered to take the answers by phone.",
  "No answer; left a voicemail with the link and the last day to answer.",
] as const;

export function addContactHistory(
  rng: Random,
  ctx: { todayDay: number; clinic: ClinicContext; baseUrl: string },
  out: RegistryRows,
  p: { followUps: readonly FollowUpRow[]; account: AccountRow | null },
): void {
  const base = ctx.baseUrl.replace(/\/$/, "");
  const activatedAt = p.account?.activatedAt ?? null;
  for (const f of p.followUps) {
    if (f.status === "cancelled") continue;
    const start = dayOf(f.windowStart);
    const end = dayOf(f.windowEnd);
    if (end < ctx.todayDay - HISTORY_DAYS) continue;
    // The last day the follow-up was open when the job ran: the day before it was answered.
    const lastOpen = Math.min(
      end,
      f.completedAt === null ? ctx.todayDay : Math.floor(f.completedAt / DAY_MS) - 1,
    );
    for (const step of contactSteps) {
      const day = start + step.daysAfterOpening;
      if (day > lastOpen) break;
      const at = day * DAY_MS + RUN_AT;
      let outboxMessageId: string | null = null;
      if (p.account && activatedAt !== null && activatedAt <= at) {
        const link = `${base}/portal/questionnaire/${f.id}`;
        const msg = contactMessage(
          step,
          { ...f, clinicName: ctx.clinic.name, emergencyNumber: ctx.clinic.emergencyNumber },
          link,
        );
        const sent = day < ctx.todayDay;
        outboxMessageId = rng.uuid(at);
        out.messages.push({
          id: outboxMessageId,
          clinicId: f.clinicId,
          patientId: f.patientId,
          kind: step.kind === "invitation" ? "follow-up-invitation" : "follow-up-reminder",
          toAddress: p.account.email,
          subject: msg.subject,
          body: msg.body,
          dedupeKey: contactKey(f.id, step.number, f.windowStart),
          createdAt: at,
          sentAt: sent ? at + SENT_AFTER : null,
        });
      }
      out.contacts.push({
        followUpId: f.id,
        number: step.number,
        clinicId: f.clinicId,
        outboxMessageId,
        createdAt: at,
      });
    }
    const escalationDay = start + escalateAfterDays;
    if (escalationDay > lastOpen) continue;
    const at = escalationDay * DAY_MS + RUN_AT;
    const stillOpen = f.completedAt === null && end >= ctx.todayDay;
    const task = escalationTask(f);
    out.tasks.push({
      id: rng.uuid(at),
      clinicId: f.clinicId,
      patientId: f.patientId,
      kind: "follow-up-call",
      title: task.title,
      detail: task.detail,
      priority: "soon",
      dueAt: (end + 1) * DAY_MS - 1000, // the window's last day, 23:59:59 UTC
      assignedRole: "coordinator",
      sourceType: "follow-up",
      sourceId: f.id,
      dedupeKey: escalationKey(f.id, f.windowStart),
      createdAt: at,
      // Called in the clinic's afternoon (US clinics: 13:00–21:00 UTC) the day the task came.
      done: stillOpen
        ? null
        : {
            at: escalationDay * DAY_MS + timeOfDay(rng, 13, 21),
            by: ctx.clinic.registrarId,
            note: rng.pick(callNotes),
          },
    });
  }
}

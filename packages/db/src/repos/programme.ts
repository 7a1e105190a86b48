/**
 * An exercise or therapy programme and the sessions the patient logs against it (portal), which
 * the clinic sees too. The programme is the patient's latest treatment whose procedure record has
 * sessions a week and weeks (domain pathway/programme.ts), shown while it runs and for 4 weeks
 * after; a session is one row per treatment and day, so logging a day twice changes nothing.
 */
import { addDays, badRequest, notFound } from "@evident/domain";
import type { ProgrammeView } from "@evident/domain/api";
import { hasSessions, programmeProgress, sessionDateProblem } from "@evident/domain/pathway/programme";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { treatments } from "../schema";
import { programmeSessions } from "../schema/programme";
import { whereClinic } from "../tenancy";
import { patientDayBounds } from "./patient-day";
import { audit, auditedRead, inTx, patientInScope, type Scope } from "./scope";

/** How long after its last day a programme still shows. */
const SHOWN_AFTER_END_DAYS = 28;

type Found = {
  treatmentId: string;
  kind: string;
  programme: string;
  plan: { startDate: string; sessionsPerWeek: number; weeks: number };
};

async function findProgramme(
  tx: Executor,
  scope: Scope,
  patientId: string,
  today: string,
): Promise<Found | null> {
  const rows = await tx
    .select({
      id: treatments.id,
      kind: treatments.kind,
      date: treatments.treatmentDate,
      details: treatments.details,
    })
    .from(treatments)
    .where(and(whereClinic(treatments, scope), eq(treatments.patientId, patientId)))
    .orderBy(desc(treatments.treatmentDate), desc(treatments.createdAt));
  for (const t of rows) {
    const p = t.details.procedure;
    if (!hasSessions(t.kind, p)) continue;
    const plan = { startDate: t.date, sessionsPerWeek: p.sessionsPerWeek, weeks: p.weeks };
    const found = { treatmentId: t.id, kind: t.kind, programme: p.programme, plan };
    const end = addDays(plan.startDate, plan.weeks * 7 - 1);
    return addDays(end, SHOWN_AFTER_END_DAYS) >= today ? found : null;
  }
  return null;
}

async function present(tx: Executor, found: Found, today: string): Promise<ProgrammeView> {
  const rows = await tx
    .select({ date: programmeSessions.sessionDate })
    .from(programmeSessions)
    .where(eq(programmeSessions.treatmentId, found.treatmentId))
    .orderBy(desc(programmeSessions.sessionDate));
  const sessions = rows.map((r) => r.date);
  return {
    treatmentId: found.treatmentId,
    kind: found.kind,
    programme: found.programme,
    sessionsPerWeek: found.plan.sessionsPerWeek,
    weeks: found.plan.weeks,
    startDate: found.plan.startDate,
    ...programmeProgress(found.plan, sessions, today),
    sessions,
  };
}

/** The programme view for a patient, inside a read that is already audited (the recovery timeline). */
export async function programmeOf(
  tx: Executor,
  scope: Scope,
  patientId: string,
): Promise<ProgrammeView | null> {
  const { latest } = await patientDayBounds(tx, scope);
  const found = await findProgramme(tx, scope, patientId, latest);
  return found ? present(tx, found, latest) : null;
}

export function programmeRepository(db: Db, scope: Scope) {
  /** The patient's programme and logged sessions (staff: any patient of the clinic), audited. */
  async function read(patientId: string): Promise<ProgrammeView | null> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        await patientInScope(tx, scope, patientId);
        return programmeOf(tx, scope, patientId);
      },
      () => ({ action: "read", entityType: "programme", patientId }),
    );
  }

  /** Marks a day's session done (`done`) or not; the same answer twice changes nothing. */
  async function mark(patientId: string, date: string, done: boolean): Promise<ProgrammeView> {
    return inTx(db, async (tx) => {
      await patientInScope(tx, scope, patientId);
      const { earliest, latest } = await patientDayBounds(tx, scope);
      const found = await findProgramme(tx, scope, patientId, latest);
      if (!found) throw notFound("programme");
      const problem = sessionDateProblem(found.plan, date, latest, earliest);
      if (problem) throw badRequest(problem, "date");
      const changed = done
        ? await tx
            .insert(programmeSessions)
            .values({
              id: uuidv7(),
              clinicId: scope.clinicId,
              patientId,
              treatmentId: found.treatmentId,
              sessionDate: date,
              createdAt: scope.now(),
            })
            .onConflictDoNothing()
            .returning({ id: programmeSessions.id })
        : await tx
            .delete(programmeSessions)
            .where(
              and(
                eq(programmeSessions.treatmentId, found.treatmentId),
                eq(programmeSessions.sessionDate, date),
              ),
            )
            .returning({ id: programmeSessions.id });
      if (changed.length > 0)
        await audit(tx, scope, {
          action: done ? "create" : "delete",
          entityType: "programme-session",
          entityId: changed[0]!.id,
          patientId,
          detail: { treatmentId: found.treatmentId, date },
        });
      return present(tx, found, latest);
    });
  }

  return { read, mark };
}

/**
 * Red-flag intakes. Submitting one checks that every question was answered (a missing or null
 * answer is a 422 naming it; the age comes from the birth date on record, on the intake's date in
 * the clinic's time zone, and a typed age that disagrees is refused), judges it with the current
 * rules (domain/triage) and, in the same transaction, does what the result demands of the clinic
 * (domain/triage/tiers `clinicianActions`): a task (emergency now; urgent within 24 hours, or 4
 * when a flag needs a same-day answer; soon before the decision aid), and for an emergency a
 * message to every clinician and administrator. So a patient is never told "the clinic has been
 * told" unless the clinic's task and message were written.
 *
 * The flags are stored whole, with the answers that raised them, so what the clinic was told never
 * changes with a later rules version; intakes stored before that keep only flag ids, read against
 * the current rules, and are never judged again.
 *
 * A flagged intake holds elective procedures and the decision aid until a clinician reviews it;
 * reviewing an emergency or urgent one needs a note of what was done. The review closes the
 * intake's tasks and is audited with its note.
 */
import {
  ageOn,
  badRequest,
  conflict,
  effectiveEmergencyNumber,
  isElectiveProcedure,
  localTime,
  notFound,
  treatmentKind,
  withEmergencyNumber,
} from "@evident/domain";
import type { IntakeView, PatientTriage, PortalIntakeState } from "@evident/domain/api";
import {
  booleanAnswerIds,
  careRouteFor,
  checkIntakeAnswers,
  clinicianActions,
  evaluateTriage,
  type IntakeAnswersInput,
  type TriageTier,
  triageTiers,
  unsure,
} from "@evident/domain/triage";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { clinics, patients, questionnaireResponses, staffUsers, treatments } from "../schema";
import { intakes, type StoredFlag } from "../schema/intakes";
import { whereClinic } from "../tenancy";
import { clinicEmergencyNumber } from "./clinics";
import { messageOnCall } from "./intake-alerts";
import { adviceOf, enteredBy, presentIntake, staffNames, unsureOf } from "./intake-views";
import { isCurrent } from "./response-views";
import { audit, auditedRead, inTx, type Scope } from "./scope";
import { closeTasksOf, createTask } from "./tasks";

const taskKinds: Record<TriageTier, string> = {
  emergency: "triage_emergency",
  urgent: "triage_urgent",
  soon: "triage_review",
  none: "",
};

const tierWords: Record<TriageTier, string> = {
  emergency: "Emergency",
  urgent: "Urgent",
  soon: "Review",
  none: "No",
};

const blockingTiers = triageTiers.filter((t) => clinicianActions[t].blocksElectiveProcedures);
const holdingTiers = triageTiers.filter((t) => clinicianActions[t].holdsDecisionAid);

/**
 * Why an elective procedure may not be recorded for this patient now, or null: the oldest
 * flagged intake no clinician has reviewed.
 */
export async function procedureBlock(
  tx: Executor,
  clinicId: string,
  patientId: string,
): Promise<string | null> {
  const [row] = await tx
    .select({ tier: intakes.tier, submittedAt: intakes.submittedAt })
    .from(intakes)
    .where(
      and(
        eq(intakes.clinicId, clinicId),
        eq(intakes.patientId, patientId),
        isNull(intakes.reviewedAt),
        inArray(intakes.tier, blockingTiers),
      ),
    )
    .orderBy(asc(intakes.submittedAt))
    .limit(1);
  if (!row) return null;
  return `the ${row.tier} red-flag triage of ${row.submittedAt.toISOString().slice(0, 10)} has not been reviewed by a clinician; elective procedures wait for that review`;
}

/** Refuses (409, naming `kind`) an elective procedure while a flagged triage waits for review. */
export async function assertProcedureAllowed(
  tx: Executor,
  clinicId: string,
  patientId: string,
  kind: string,
) {
  if (!isElectiveProcedure(kind)) return;
  const reason = await procedureBlock(tx, clinicId, patientId);
  if (reason) throw conflict(`${treatmentKind(kind)?.label ?? kind} cannot be recorded: ${reason}`, "kind");
}

/** Why the decision aid is closed for this patient ("no-intake", "review"), or null when open. */
export async function decisionAidHold(
  tx: Executor,
  clinicId: string,
  patientId: string,
): Promise<PortalIntakeState["decisionAidHeldFor"]> {
  return (await portalState(tx, clinicId, patientId)).decisionAidHeldFor;
}

/**
 * Whether the safety questions must come before any questionnaire: the patient has given no
 * intake and no treatment is recorded. Red flags are screened first, before anything else; a
 * patient already treated (e.g. registered before this rule, or treated before the clinic used
 * Evident) is past the intake, and their follow-ups are never held back: a missed follow-up is
 * lost outcome data, and new problems after treatment have "Report a problem".
 */
export async function safetyQuestionsFirst(
  tx: Executor,
  clinicId: string,
  patientId: string,
): Promise<boolean> {
  const [intake] = await tx
    .select({ id: intakes.id })
    .from(intakes)
    .where(and(eq(intakes.clinicId, clinicId), eq(intakes.patientId, patientId)))
    .limit(1);
  if (intake) return false;
  const [treated] = await tx
    .select({ id: treatments.id })
    .from(treatments)
    .where(and(eq(treatments.clinicId, clinicId), eq(treatments.patientId, patientId)))
    .limit(1);
  return !treated;
}

/**
 * Refuses (409) portal answers to a questionnaire while the safety questions come first. Staff
 * entering answers for a patient are not held: they have the patient in front of them or on the
 * phone, and can ask the safety questions themselves (POST /patients/{id}/intakes).
 */
export async function assertSafetyQuestionsAnswered(tx: Executor, clinicId: string, patientId: string) {
  if (await safetyQuestionsFirst(tx, clinicId, patientId))
    throw conflict(
      "the safety questions come first: answer them (POST /portal/intake) before any questionnaire",
      "responses",
    );
}

async function portalState(tx: Executor, clinicId: string, patientId: string): Promise<PortalIntakeState> {
  const rows = await tx
    .select()
    .from(intakes)
    .where(and(eq(intakes.clinicId, clinicId), eq(intakes.patientId, patientId)))
    .orderBy(desc(intakes.submittedAt), desc(intakes.id));
  const latest = rows[0];
  const held = rows.some((r) => r.reviewedAt === null && holdingTiers.includes(r.tier));
  const emergencyNumber = latest ? await clinicEmergencyNumber(tx, clinicId) : "";
  return {
    latest: latest
      ? {
          id: latest.id,
          submittedAt: latest.submittedAt.toISOString(),
          tier: latest.tier,
          advice: withEmergencyNumber(adviceOf(latest), emergencyNumber),
          unsure: unsureOf(latest),
          reviewed: latest.reviewedAt !== null,
        }
      : null,
    decisionAidOpen: latest !== undefined && !held,
    decisionAidHeldFor: latest === undefined ? "no-intake" : held ? "review" : null,
    safetyQuestionsFirst: latest === undefined && (await safetyQuestionsFirst(tx, clinicId, patientId)),
  };
}

export function intakeRepository(db: Db, scope: Scope, opts: { baseUrl: string }) {
  /**
   * Checks that the answers are complete (422 naming each missing one, `answers.<id>`), takes the
   * age from the birth date on record, stores them with the rules version and the flags, and acts
   * on the result (see top). Returns the stored row, the clinic's view and the portal's state.
   */
  async function submit(patientId: string, input: IntakeAnswersInput, source: "portal" | "clinic") {
    return inTx(db, async (tx) => {
      const [patient] = await tx
        .select({
          id: patients.id,
          givenName: patients.givenName,
          familyName: patients.familyName,
          birthDate: patients.birthDate,
          timeZone: clinics.timeZone,
          country: clinics.country,
          emergencyNumber: clinics.emergencyNumber,
        })
        .from(patients)
        .innerJoin(clinics, eq(clinics.id, patients.clinicId))
        .where(and(whereClinic(patients, scope), eq(patients.id, patientId)))
        .for("update", { of: patients });
      if (!patient) throw notFound("patient");
      const now = scope.now();
      const ageOnRecord = ageOn(patient.birthDate, localTime(now, patient.timeZone).date);
      const answers = checkIntakeAnswers(input, { ageOnRecord, at: "answers." });
      const result = evaluateTriage(answers);
      const emergencyNumber = effectiveEmergencyNumber(patient.country, patient.emergencyNumber);
      const id = uuidv7();
      const [row] = await tx
        .insert(intakes)
        .values({
          id,
          clinicId: scope.clinicId,
          patientId,
          answers,
          rulesVersion: result.rulesVersion,
          tier: result.tier,
          flags: result.flags.map((f) => f.id),
          flagDetails: result.flags.map((f): StoredFlag => ({ ...f, source: [...f.source] })),
          source,
          submittedBy: scope.actor.id,
          submittedAt: now,
        })
        .returning();
      await audit(tx, scope, {
        action: "create",
        entityType: "intake",
        entityId: id,
        patientId,
        detail: {
          tier: result.tier,
          flags: result.flags.map((f) => f.id),
          unsure: booleanAnswerIds.filter((id) => answers[id] === unsure),
          rulesVersion: result.rulesVersion,
          taskDueWithinHours: result.taskDueWithinHours,
          source,
        },
      });
      const action = clinicianActions[result.tier];
      const name = `${patient.givenName} ${patient.familyName}`;
      const reasons = result.flags.map((f) => f.suggests);
      const summary = [...new Set(reasons)].join("; ");
      if (action.createTask)
        await createTask(tx, scope, {
          patientId,
          kind: taskKinds[result.tier],
          title: `${tierWords[result.tier]} red flag: ${name}`,
          detail: `${summary}. ${action.summary}`,
          priority: result.tier === "none" ? "routine" : result.tier,
          dueAt:
            result.taskDueWithinHours === null
              ? null
              : new Date(now.getTime() + result.taskDueWithinHours * 3_600_000),
          assignedRole: "clinician",
          source: { type: "intake", id },
          closesWithSource: true,
        });
      if (action.notifyNow)
        await messageOnCall(tx, scope, {
          patientId,
          intakeId: id,
          summary,
          source,
          emergencyNumber,
          link: `${opts.baseUrl.replace(/\/$/, "")}/patients/${patientId}`,
        });
      const names = source === "clinic" ? await staffNames(tx, [scope.actor.id]) : new Map<string, string>();
      return {
        row: row!,
        view: presentIntake(row!, null, names.get(scope.actor.id) ?? null),
        /** What to tell the patient now, with the clinic's emergency number. */
        advice: withEmergencyNumber(adviceOf(row!), emergencyNumber),
        state: await portalState(tx, scope.clinicId, patientId),
      };
    });
  }

  /** The portal's view: the latest intake's advice and whether the decision aid is open. */
  async function stateFor(patientId: string): Promise<PortalIntakeState> {
    return auditedRead(
      db,
      scope,
      (tx) => portalState(tx, scope.clinicId, patientId),
      (s) => (s.latest ? { action: "read", entityType: "intake", entityId: s.latest.id, patientId } : null),
    );
  }

  /** The clinic's view: every intake with its flags and review, the STarT Back route, the block. */
  async function triageOf(patientId: string): Promise<PatientTriage> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        const [patient] = await tx
          .select({ id: patients.id })
          .from(patients)
          .where(and(whereClinic(patients, scope), eq(patients.id, patientId)));
        if (!patient) throw notFound("patient");
        const rows = await tx
          .select({ intake: intakes, reviewer: staffUsers.name, enteredBy: enteredBy.name })
          .from(intakes)
          .leftJoin(staffUsers, eq(staffUsers.id, intakes.reviewedBy))
          .leftJoin(enteredBy, and(eq(intakes.source, "clinic"), eq(enteredBy.id, intakes.submittedBy)))
          .where(and(whereClinic(intakes, scope), eq(intakes.patientId, patientId)))
          .orderBy(desc(intakes.submittedAt), desc(intakes.id));
        const [sb] = await tx
          .select()
          .from(questionnaireResponses)
          .where(
            and(
              whereClinic(questionnaireResponses, scope),
              eq(questionnaireResponses.patientId, patientId),
              eq(questionnaireResponses.instrument, "startback"),
              isCurrent,
            ),
          )
          .orderBy(desc(questionnaireResponses.completedAt))
          .limit(1);
        const detail = sb?.scoreDetail as
          | { group?: "low" | "medium" | "high"; subscale?: number }
          | undefined;
        const held = rows.some((r) => r.intake.reviewedAt === null && holdingTiers.includes(r.intake.tier));
        const careRoute =
          sb && detail?.group && typeof sb.score === "number"
            ? {
                group: detail.group,
                total: sb.score,
                subscale: detail.subscale ?? 0,
                route: (({ id, label, source }) => ({ id, label, source: [...source] }))(
                  careRouteFor(detail.group),
                ),
                answeredAt: sb.completedAt.toISOString(),
                heldForTriage: held,
              }
            : null;
        return {
          intakes: rows.map((r) => presentIntake(r.intake, r.reviewer, r.enteredBy)),
          careRoute,
          procedureBlock: await procedureBlock(tx, scope.clinicId, patientId),
        };
      },
      (t) => ({
        action: "read",
        entityType: "triage",
        patientId,
        detail: { intakes: t.intakes.map((i) => i.id) },
      }),
    );
  }

  /**
   * A clinician's review: lifts the holds this intake placed and closes its tasks. An emergency or
   * urgent intake needs a note of what was done (400 naming `note`); the note is in the audit.
   */
  async function review(patientId: string, intakeId: string, note?: string): Promise<IntakeView> {
    return inTx(db, async (tx) => {
      const [row] = await tx
        .select()
        .from(intakes)
        .where(and(whereClinic(intakes, scope), eq(intakes.patientId, patientId), eq(intakes.id, intakeId)))
        .for("update");
      if (!row) throw notFound("intake");
      if (row.reviewedAt) throw conflict("this triage has already been reviewed", "reviewedAt");
      if (clinicianActions[row.tier].reviewNeedsNote && !note?.trim())
        throw badRequest(
          `is required for ${row.tier === "emergency" ? "an emergency" : "an urgent"} triage: say what was done (e.g. "Called; seen in the emergency department")`,
          "note",
        );
      const now = scope.now();
      const [updated] = await tx
        .update(intakes)
        .set({ reviewedAt: now, reviewedBy: scope.actor.id, reviewNote: note ?? null })
        .where(eq(intakes.id, intakeId))
        .returning();
      const tasksClosed = await closeTasksOf(
        tx,
        scope,
        { type: "intake", id: intakeId },
        {
          status: "done",
          note: note ?? "Triage reviewed",
        },
      );
      await audit(tx, scope, {
        action: "review",
        entityType: "intake",
        entityId: intakeId,
        patientId,
        detail: { tier: row.tier, tasksClosed, note: note ?? null },
      });
      const names = await staffNames(tx, [scope.actor.id, updated!.submittedBy]);
      return presentIntake(
        updated!,
        names.get(scope.actor.id) ?? null,
        names.get(updated!.submittedBy) ?? null,
      );
    });
  }

  return { submit, stateFor, triageOf, review };
}

/**
 * The triage tier the candidacy checklist sees: null before any intake (unknown); the tier of the
 * most urgent flagged intake still waiting for review; "none" once every flag has been reviewed.
 */
export async function pendingTriageTier(
  tx: Executor,
  clinicId: string,
  patientId: string,
): Promise<TriageTier | null> {
  const rows = await tx
    .select({ tier: intakes.tier, reviewedAt: intakes.reviewedAt })
    .from(intakes)
    .where(and(eq(intakes.clinicId, clinicId), eq(intakes.patientId, patientId)));
  if (rows.length === 0) return null;
  const waiting = rows.filter((r) => r.reviewedAt === null && r.tier !== "none").map((r) => r.tier);
  return triageTiers.find((t) => waiting.includes(t)) ?? "none";
}

/**
 * Handlers get repositories already bound to the signed-in user's clinic (and, for a patient,
 * their own record), so a handler cannot forget the tenant filter or the audit event. Asking for
 * the wrong kind of repository is a 401/403 before any query runs. The database they get is
 * scoped too (`scopedDb`, row-level security): a query that forgets its clinic filter still sees
 * only this clinic's rows.
 */

import {
  adverseEventExportRepository,
  adverseEventRepository,
  auditTrailRepository,
  candidacyRepository,
  clinicSettingsRepository,
  consentDocumentRepository,
  consentRepository,
  type Db,
  decisionRepository,
  diaryRepository,
  dueFollowUps,
  imagingRepository,
  intakeRepository,
  outboxRepository,
  outcomeReadRepository,
  patientRepository,
  planRepository,
  portalRepository,
  problemReportRepository,
  programmeRepository,
  progressReportRepository,
  qualityRepository,
  type ReadTarget,
  recoveryTimeline,
  registryReadRepository,
  responseRepository,
  type Scope,
  scopedDb,
  staffRepository,
  storyRepository,
  taskRepository,
  trackRecordRepository,
  treatmentRepository,
} from "@evident/db";
import { type Actor, can, forbidden, type Permission, unauthenticated } from "@evident/domain";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";

type StaffActor = Extract<Actor, { kind: "staff" }>;
type PatientActor = Extract<Actor, { kind: "patient" }>;

export function staffActor(c: Context<AppEnv>): StaffActor {
  const actor = c.get("actor");
  if (!actor) throw unauthenticated();
  if (actor.kind !== "staff") throw forbidden("Only clinic staff may do this");
  return actor;
}

export function patientActor(c: Context<AppEnv>): PatientActor {
  const actor = c.get("actor");
  if (!actor) throw unauthenticated();
  if (actor.kind !== "patient") throw forbidden("Only a patient may use the portal");
  return actor;
}

/** Route guard: a signed-in staff member holding `permission`. */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = staffActor(c);
    if (!can(actor, permission)) throw forbidden(`Your role (${actor.role}) may not do this`);
    await next();
  };
}

/** Route guard: any signed-in staff member (for what is not patient data, e.g. the plan). */
export const requireStaff: MiddlewareHandler<AppEnv> = async (c, next) => {
  staffActor(c);
  await next();
};

export const requirePatient: MiddlewareHandler<AppEnv> = async (c, next) => {
  patientActor(c);
  await next();
};

/** The signed-in person's clinic's database (row-level security), for their own account's rows. */
export function actorDb(c: Context<AppEnv>) {
  const actor = c.get("actor");
  if (!actor) throw unauthenticated();
  return scopedDb(c.get("deps").database.pool, actor.clinicId);
}

/** The scope of the signed-in person (staff or patient), for repositories and the audit trail. */
export function scopeOf(c: Context<AppEnv>, actor: Actor): Scope {
  const { clock } = c.get("deps");
  return {
    clinicId: actor.clinicId,
    actor:
      actor.kind === "staff" ? { kind: "staff", id: actor.userId } : { kind: "patient", id: actor.accountId },
    ...(actor.kind === "patient" ? { patientId: actor.patientId } : {}),
    requestId: c.get("requestId"),
    now: () => clock.now(),
  };
}

export function clinicRepositories(c: Context<AppEnv>) {
  const actor = staffActor(c);
  const { database, config } = c.get("deps");
  const scope = scopeOf(c, actor);
  const db = scopedDb(database.pool, scope.clinicId);
  return {
    actor,
    scope,
    patients: patientRepository(db, scope, { baseUrl: config.publicUrl }),
    treatments: treatmentRepository(db, scope),
    responses: responseRepository(db, scope),
    outbox: outboxRepository(db, scope),
    plans: planRepository(db, scope),
    diary: diaryRepository(db, scope),
    programme: programmeRepository(db, scope),
    adverseEvents: adverseEventRepository(db, scope),
    adverseEventExports: adverseEventExportRepository(db, scope),
    progressReport: progressReportRepository(db, scope, { baseUrl: config.publicUrl }),
    dueFollowUps: () => dueFollowUps(db, scope),
    imaging: imagingRepository(db, scope),
    tasks: taskRepository(db, scope),
    intakes: intakeRepository(db, scope, { baseUrl: config.publicUrl }),
    candidacy: candidacyRepository(db, scope),
    consents: consentRepository(db, scope),
    consentDocuments: consentDocumentRepository(db, scope),
    decisions: decisionRepository(db, scope),
    stories: storyRepository(db, scope),
    clinic: clinicSettingsRepository(db, scope),
    trackRecord: trackRecordRepository(db, scope),
    staff: staffRepository(db, scope, {
      baseUrl: config.publicUrl,
      idleMinutes: config.session.idleMinutes,
    }),
    auditTrail: auditTrailRepository(db, scope),
    /** The clinic's newest data-quality run with the records found (researchers read counts only). */
    quality: qualityRepository(db, scope),
    /**
     * Pooled reads (researchers) cross clinics as the research role: aggregate tables only. `on` is
     * where the read runs (`database.reads`: a replica, or the primary); what a read keeps and its
     * audit event go to the primary.
     */
    outcomes: (on: ReadTarget = database.reads.primary) =>
      outcomeReadRepository(db, scope, { db: readDb(db, on, scope.clinicId), pooled: on.research.db }),
  };
}

/**
 * The clinic's scoped database where a read runs: the primary's own `db` (so the read and its audit
 * event share one transaction), or the same clinic's on a replica.
 */
const readDb = (db: Db, on: ReadTarget, clinicId: string): Db =>
  on.replica ? scopedDb(on.pool, clinicId) : db;

/** For what staff and patients both read (the decision aid's registry), scoped to the person. */
export function personRepositories(c: Context<AppEnv>) {
  const actor = c.get("actor");
  if (!actor) throw unauthenticated();
  const scope = scopeOf(c, actor);
  const { database } = c.get("deps");
  const db = scopedDb(database.pool, scope.clinicId);
  return {
    actor,
    scope,
    /** `on`: where the read runs (a replica, or the primary); the audit event goes to the primary. */
    registry: (on: ReadTarget = database.reads.primary) =>
      registryReadRepository(db, scope, readDb(db, on, scope.clinicId)),
  };
}

/**
 * The decision aid's published stories, for the two who see the decision aid: a patient, or staff
 * who may read patients (researchers may not: the stories carry one patient's own scores).
 */
export function storyRepositories(c: Context<AppEnv>) {
  const actor = c.get("actor");
  if (!actor) throw unauthenticated();
  if (actor.kind === "staff" && !can(actor, "patients:read"))
    throw forbidden(`Your role (${actor.role}) may not do this`);
  const scope = scopeOf(c, actor);
  return storyRepository(scopedDb(c.get("deps").database.pool, scope.clinicId), scope);
}

export function portalRepositories(c: Context<AppEnv>) {
  const actor = patientActor(c);
  const { database, config } = c.get("deps");
  const scope = scopeOf(c, actor);
  const db = scopedDb(database.pool, scope.clinicId);
  return {
    actor,
    portal: portalRepository(db, scope),
    intakes: intakeRepository(db, scope, { baseUrl: config.publicUrl }),
    diary: diaryRepository(db, scope),
    programme: programmeRepository(db, scope),
    problemReports: problemReportRepository(db, scope),
    consents: consentRepository(db, scope),
    decisions: decisionRepository(db, scope),
    recovery: (lang: "en" | "es") => recoveryTimeline(db, scope, lang),
    progressReport: progressReportRepository(db, scope, { baseUrl: config.publicUrl }),
  };
}

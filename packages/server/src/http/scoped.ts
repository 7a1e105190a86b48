/**
 * Handlers get repositories already bound to the signed-in user's clinic (and, for a patient,
 * their own record), so a handler cannot forget the tenant filter or the audit event. Asking for
 * the wrong kind of repository is a 401/403 before any query runs.
 */

import {
  adverseEventExportRepository,
  adverseEventRepository,
  auditTrailRepository,
  candidacyRepository,
  clinicSettingsRepository,
  decisionRepository,
  diaryRepository,
  dueFollowUps,
  imagingRepository,
  intakeRepository,
  outboxRepository,
  patientRepository,
  planRepository,
  portalRepository,
  problemReportRepository,
  programmeRepository,
  recoveryTimeline,
  responseRepository,
  type Scope,
  staffRepository,
  taskRepository,
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

function scopeOf(c: Context<AppEnv>, actor: Actor): Scope {
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
  return {
    actor,
    scope,
    patients: patientRepository(database.db, scope, { baseUrl: config.publicUrl }),
    treatments: treatmentRepository(database.db, scope),
    responses: responseRepository(database.db, scope),
    outbox: outboxRepository(database.db, scope),
    plans: planRepository(database.db, scope),
    diary: diaryRepository(database.db, scope),
    programme: programmeRepository(database.db, scope),
    adverseEvents: adverseEventRepository(database.db, scope),
    adverseEventExports: adverseEventExportRepository(database.db, scope),
    dueFollowUps: () => dueFollowUps(database.db, scope),
    imaging: imagingRepository(database.db, scope),
    tasks: taskRepository(database.db, scope),
    intakes: intakeRepository(database.db, scope, { baseUrl: config.publicUrl }),
    candidacy: candidacyRepository(database.db, scope),
    decisions: decisionRepository(database.db, scope),
    clinic: clinicSettingsRepository(database.db, scope),
    staff: staffRepository(database.db, scope, {
      baseUrl: config.publicUrl,
      idleMinutes: config.session.idleMinutes,
    }),
    auditTrail: auditTrailRepository(database.db, scope),
  };
}

export function portalRepositories(c: Context<AppEnv>) {
  const actor = patientActor(c);
  const { database, config } = c.get("deps");
  const scope = scopeOf(c, actor);
  return {
    actor,
    portal: portalRepository(database.db, scope),
    intakes: intakeRepository(database.db, scope, { baseUrl: config.publicUrl }),
    diary: diaryRepository(database.db, scope),
    programme: programmeRepository(database.db, scope),
    problemReports: problemReportRepository(database.db, scope),
    decisions: decisionRepository(database.db, scope),
    recovery: (lang: "en" | "es") => recoveryTimeline(database.db, scope, lang),
  };
}

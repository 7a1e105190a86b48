/**
 * Sessions as sign-in and every request see them: who a session is (the principal), looked up by
 * the SHA-256 of its cookie value with one prepared statement; made at sign-in, touched while in
 * use, ended at sign-out (audited). Listing and ending one's own sessions is in sessions.ts.
 */
import { effectiveEmergencyNumber, mfaRequired } from "@evident/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import { appendAudit } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { clinics, patientAccounts, patients, sessions, staffUsers } from "../schema";
import { hashToken, newToken } from "./tokens";

export type StaffRole = "admin" | "clinician" | "coordinator" | "researcher";

export type SessionPrincipal =
  | {
      kind: "staff";
      sessionId: string;
      handle: string;
      userId: string;
      clinicId: string;
      clinicName: string;
      /** The number the clinic's patients call in an emergency (domain/emergency-number.ts). */
      clinicEmergencyNumber: string;
      role: StaffRole;
      name: string;
      email: string;
      /** Two-step sign-in: set up for this account, and required of it (admin, or clinic rule). */
      mfa: { enabled: boolean; required: boolean };
      createdAt: Date;
      lastSeenAt: Date;
      expiresAt: Date;
    }
  | {
      kind: "patient";
      sessionId: string;
      handle: string;
      accountId: string;
      patientId: string;
      clinicId: string;
      clinicName: string;
      clinicEmergencyNumber: string;
      name: string;
      /** The language the patient reads (patients.language): the portal opens in it. */
      language: "en" | "es";
      createdAt: Date;
      lastSeenAt: Date;
      expiresAt: Date;
    };

export type AccountKind = "staff" | "patient";
export type Client = { ip: string; device: string | null; userAgent: string | null };

/**
 * The session lookup every request makes, built once per database and sent as a named statement,
 * so neither Drizzle nor PostgreSQL builds or plans it again for each request.
 */
function buildSessionLookup(db: Db) {
  return db
    .select({
      session: sessions,
      staff: staffUsers,
      account: patientAccounts,
      patient: patients,
      clinicName: clinics.name,
      clinicRequiresMfa: clinics.requireMfa,
      country: clinics.country,
      emergencyNumber: clinics.emergencyNumber,
    })
    .from(sessions)
    .innerJoin(clinics, eq(clinics.id, sessions.clinicId))
    .leftJoin(staffUsers, eq(staffUsers.id, sessions.staffUserId))
    .leftJoin(patientAccounts, eq(patientAccounts.id, sessions.patientAccountId))
    .leftJoin(patients, eq(patients.id, patientAccounts.patientId))
    .where(and(eq(sessions.id, sql.placeholder("id")), isNull(sessions.revokedAt)))
    .prepare("evident_find_session");
}

const sessionLookups = new WeakMap<Db, ReturnType<typeof buildSessionLookup>>();

function sessionLookup(db: Db) {
  let q = sessionLookups.get(db);
  if (!q) {
    q = buildSessionLookup(db);
    sessionLookups.set(db, q);
  }
  return q;
}

export function sessionStore(db: Db) {
  /** Creates a session and returns the cookie value (never stored) and the session's handle. */
  async function createSession(
    p: { kind: "staff"; staffUserId: string } | { kind: "patient"; patientAccountId: string },
    clinicId: string,
    now: Date,
    expiresAt: Date,
    client?: Client,
  ): Promise<{ token: string; handle: string }> {
    const token = newToken();
    const handle = uuidv7(now.getTime());
    await db.insert(sessions).values({
      id: hashToken(token),
      handle,
      kind: p.kind,
      staffUserId: p.kind === "staff" ? p.staffUserId : null,
      patientAccountId: p.kind === "patient" ? p.patientAccountId : null,
      clinicId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: client?.ip ?? null,
      userAgent: client?.userAgent?.slice(0, 300) ?? null,
    });
    return { token, handle };
  }

  async function findSession(token: string): Promise<SessionPrincipal | null> {
    const id = hashToken(token);
    const [s] = await sessionLookup(db).execute({ id });
    if (!s) return null;
    const base = {
      sessionId: id,
      handle: s.session.handle,
      clinicId: s.session.clinicId,
      clinicName: s.clinicName,
      clinicEmergencyNumber: effectiveEmergencyNumber(s.country, s.emergencyNumber),
      createdAt: s.session.createdAt,
      lastSeenAt: s.session.lastSeenAt,
      expiresAt: s.session.expiresAt,
    };
    if (s.session.kind === "staff" && s.staff && !s.staff.disabledAt) {
      return {
        ...base,
        kind: "staff",
        userId: s.staff.id,
        role: s.staff.role,
        name: s.staff.name,
        email: s.staff.email,
        mfa: {
          enabled: s.staff.mfaEnabledAt !== null,
          required: mfaRequired(s.staff.role, s.clinicRequiresMfa),
        },
      };
    }
    if (s.session.kind === "patient" && s.account && s.patient) {
      return {
        ...base,
        kind: "patient",
        accountId: s.account.id,
        patientId: s.patient.id,
        name: `${s.patient.givenName} ${s.patient.familyName}`,
        language: s.patient.language,
      };
    }
    return null;
  }

  async function touchSession(sessionId: string, now: Date) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }

  /** Ends one session; with `audit`, records who ended it (sign-out). */
  async function revokeSession(
    sessionId: string,
    now: Date,
    audit?: { principal: SessionPrincipal; requestId: string | null },
  ) {
    await db.transaction(async (tx) => {
      await tx
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
      if (!audit) return;
      const p = audit.principal;
      await appendAudit(tx, {
        at: now,
        actorKind: p.kind,
        actorId: p.kind === "staff" ? p.userId : p.accountId,
        clinicId: p.clinicId,
        patientId: p.kind === "patient" ? p.patientId : null,
        action: "sign-out",
        entityType: "session",
        entityId: p.handle,
        requestId: audit.requestId,
      });
    });
  }

  return { createSession, findSession, touchSession, revokeSession };
}

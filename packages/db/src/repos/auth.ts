/**
 * Sign-in storage: staff credentials, sessions (only the SHA-256 of the cookie value is stored),
 * sign-in attempts for rate limiting, and portal invitations. Not clinic-scoped: these run
 * before anyone is known. Policy (lifetimes, limits) lives in the server's auth module.
 */
import { effectiveEmergencyNumber } from "@evident/domain";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { appendAudit } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import {
  clinics,
  invitations,
  loginAttempts,
  patientAccounts,
  patients,
  sessions,
  staffUsers,
} from "../schema";
import { hashToken, newToken } from "./tokens";

export type SessionPrincipal =
  | {
      kind: "staff";
      sessionId: string;
      userId: string;
      clinicId: string;
      clinicName: string;
      /** The number the clinic's patients call in an emergency (domain/emergency-number.ts). */
      clinicEmergencyNumber: string;
      role: "admin" | "clinician" | "coordinator" | "researcher";
      name: string;
      email: string;
      createdAt: Date;
      lastSeenAt: Date;
      expiresAt: Date;
    }
  | {
      kind: "patient";
      sessionId: string;
      accountId: string;
      patientId: string;
      clinicId: string;
      clinicName: string;
      clinicEmergencyNumber: string;
      name: string;
      createdAt: Date;
      lastSeenAt: Date;
      expiresAt: Date;
    };

export function authRepository(db: Db) {
  async function findStaffByEmail(email: string) {
    const [u] = await db
      .select()
      .from(staffUsers)
      .where(and(sql`lower(${staffUsers.email}) = lower(${email})`, isNull(staffUsers.disabledAt)));
    return u ?? null;
  }

  async function findPatientAccountByEmail(email: string) {
    const [a] = await db
      .select()
      .from(patientAccounts)
      .where(sql`lower(${patientAccounts.email}) = lower(${email})`);
    return a ?? null;
  }

  async function recordAttempt(email: string, ip: string, succeeded: boolean, at: Date) {
    await db.insert(loginAttempts).values({ id: uuidv7(), email: email.toLowerCase(), ip, succeeded, at });
  }

  /** Failed attempts since `since`, for this e-mail and for this address. */
  async function recentFailures(email: string, ip: string, since: Date) {
    const [r] = await db
      .select({
        byEmail: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email.toLowerCase()})::int`,
        byIp: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})::int`,
        oldest: sql<Date | null>`min(${loginAttempts.at}) filter (where ${loginAttempts.email} = ${email.toLowerCase()})`,
      })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
    return { byEmail: r?.byEmail ?? 0, byIp: r?.byIp ?? 0, oldest: r?.oldest ? new Date(r.oldest) : null };
  }

  /** Creates a session and returns the cookie value (never stored). */
  async function createSession(
    p: { kind: "staff"; staffUserId: string } | { kind: "patient"; patientAccountId: string },
    clinicId: string,
    now: Date,
    expiresAt: Date,
  ): Promise<string> {
    const token = newToken();
    await db.insert(sessions).values({
      id: hashToken(token),
      kind: p.kind,
      staffUserId: p.kind === "staff" ? p.staffUserId : null,
      patientAccountId: p.kind === "patient" ? p.patientAccountId : null,
      clinicId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    });
    return token;
  }

  async function findSession(token: string): Promise<SessionPrincipal | null> {
    const id = hashToken(token);
    const [s] = await db
      .select({
        session: sessions,
        staff: staffUsers,
        account: patientAccounts,
        patient: patients,
        clinicName: clinics.name,
        country: clinics.country,
        emergencyNumber: clinics.emergencyNumber,
      })
      .from(sessions)
      .innerJoin(clinics, eq(clinics.id, sessions.clinicId))
      .leftJoin(staffUsers, eq(staffUsers.id, sessions.staffUserId))
      .leftJoin(patientAccounts, eq(patientAccounts.id, sessions.patientAccountId))
      .leftJoin(patients, eq(patients.id, patientAccounts.patientId))
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
    if (!s) return null;
    const base = {
      sessionId: id,
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
      };
    }
    if (s.session.kind === "patient" && s.account && s.patient) {
      return {
        ...base,
        kind: "patient",
        accountId: s.account.id,
        patientId: s.patient.id,
        name: `${s.patient.givenName} ${s.patient.familyName}`,
      };
    }
    return null;
  }

  async function touchSession(sessionId: string, now: Date) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }

  async function revokeSession(sessionId: string, now: Date) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
  }

  async function findInvitation(token: string, now: Date) {
    const [row] = await db
      .select({
        invitation: invitations,
        patientName: sql<string>`${patients.givenName} || ' ' || ${patients.familyName}`,
        clinicName: clinics.name,
      })
      .from(invitations)
      .innerJoin(patients, eq(patients.id, invitations.patientId))
      .innerJoin(clinics, eq(clinics.id, invitations.clinicId))
      .where(
        and(
          eq(invitations.tokenHash, hashToken(token)),
          isNull(invitations.usedAt),
          gt(invitations.expiresAt, now),
        ),
      );
    return row ?? null;
  }

  /**
   * Uses an invitation once: sets the account's password and activates it. Returns the account,
   * or null when the token is unknown, used or expired. The row lock makes a double submit of
   * the same link succeed at most once.
   */
  async function acceptInvitation(token: string, passwordHash: string, now: Date, requestId: string | null) {
    return db.transaction(async (tx) => {
      const [inv] = await tx
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.tokenHash, hashToken(token)),
            isNull(invitations.usedAt),
            gt(invitations.expiresAt, now),
          ),
        )
        .for("update");
      if (!inv) return null;
      await tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, inv.id));
      const [account] = await tx
        .update(patientAccounts)
        .set({ passwordHash, activatedAt: sql`coalesce(${patientAccounts.activatedAt}, ${now})` })
        .where(and(eq(patientAccounts.patientId, inv.patientId), eq(patientAccounts.clinicId, inv.clinicId)))
        .returning();
      if (!account) return null;
      await appendAudit(tx, {
        at: now,
        actorKind: "patient",
        actorId: account.id,
        clinicId: inv.clinicId,
        patientId: inv.patientId,
        action: "accept-invitation",
        entityType: "invitation",
        entityId: inv.id,
        requestId,
      });
      return account;
    });
  }

  return {
    findStaffByEmail,
    findPatientAccountByEmail,
    recordAttempt,
    recentFailures,
    createSession,
    findSession,
    touchSession,
    revokeSession,
    findInvitation,
    acceptInvitation,
  };
}

export type AuthRepository = ReturnType<typeof authRepository>;

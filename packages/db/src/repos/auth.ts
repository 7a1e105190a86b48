/**
 * Sign-in storage: staff credentials, sessions (session-store.ts: only the SHA-256 of the cookie
 * value is stored), sign-in attempts for throttling, and portal invitations. Not clinic-scoped: these run before
 * anyone is known. Policy (lifetimes, limits) lives in the server's auth module; the throttle's
 * rules in domain/access/throttle.ts. Sign-in, its failures and sign-out are audited here, in the
 * transaction that records them.
 */
import { and, eq, gt, gte, isNull, lt, sql } from "drizzle-orm";
import { appendAudit } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { clinics, invitations, loginAttempts, patientAccounts, patients, staffUsers } from "../schema";
import { type AccountKind, type Client, sessionStore } from "./session-store";
import { hashToken } from "./tokens";

export type { AccountKind, Client, SessionPrincipal, StaffRole } from "./session-store";

export function authRepository(db: Db) {
  /** Enabled staff only: a disabled account cannot sign in, and is treated as unknown. */
  async function findStaffByEmail(email: string) {
    const [u] = await db
      .select({ user: staffUsers, clinicRequiresMfa: clinics.requireMfa })
      .from(staffUsers)
      .innerJoin(clinics, eq(clinics.id, staffUsers.clinicId))
      .where(and(sql`lower(${staffUsers.email}) = lower(${email})`, isNull(staffUsers.disabledAt)));
    return u ? { ...u.user, clinicRequiresMfa: u.clinicRequiresMfa } : null;
  }

  async function findPatientAccountByEmail(email: string) {
    const [a] = await db
      .select()
      .from(patientAccounts)
      .where(sql`lower(${patientAccounts.email}) = lower(${email})`);
    return a ?? null;
  }

  /**
   * What the throttle needs about this account, this client and this address (see
   * domain/access/throttle.ts): whether the client signed in to the account before (by its device
   * cookie's hash or its address), and the failures of the pair, the account and the address.
   */
  async function throttleCounts(
    kind: AccountKind,
    email: string,
    client: Client,
    windowStart: Date,
    knownSince: Date,
  ) {
    const account = and(eq(loginAttempts.kind, kind), eq(loginAttempts.email, email.toLowerCase()));
    const byDevice = client.device ? eq(loginAttempts.device, client.device) : sql`false`;
    const byIp = eq(loginAttempts.ip, client.ip);
    const [known] = await db
      .select({
        device: sql<Date | null>`max(${loginAttempts.at}) filter (where ${byDevice})`,
        ip: sql<Date | null>`max(${loginAttempts.at}) filter (where ${byIp})`,
      })
      .from(loginAttempts)
      .where(and(account, eq(loginAttempts.succeeded, true), gt(loginAttempts.at, knownSince)));
    const date = (v: Date | string | null | undefined) => (v ? new Date(v) : null);
    const lastDeviceSuccess = date(known?.device);
    const lastIpSuccess = date(known?.ip);
    // A known device is counted as itself; anything else by its address.
    const pairKey = lastDeviceSuccess ? byDevice : byIp;
    const lastPairSuccess = lastDeviceSuccess ?? lastIpSuccess;
    const pairSince = lastPairSuccess && lastPairSuccess > windowStart ? lastPairSuccess : windowStart;
    const pair = and(account, pairKey, gte(loginAttempts.at, pairSince));
    const [r] = await db
      .select({
        pair: sql<number>`count(*) filter (where ${pair})::int`,
        pairLast: sql<Date | null>`max(${loginAttempts.at}) filter (where ${pair})`,
        account: sql<number>`count(*) filter (where ${account})::int`,
        accountLast: sql<Date | null>`max(${loginAttempts.at}) filter (where ${account})`,
        address: sql<number>`count(*) filter (where ${byIp})::int`,
        addressLast: sql<Date | null>`max(${loginAttempts.at}) filter (where ${byIp})`,
      })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.succeeded, false),
          gt(loginAttempts.at, windowStart),
          sql`(${account} or ${byIp})`,
        ),
      );
    return {
      known: lastDeviceSuccess !== null || lastIpSuccess !== null,
      pair: { failures: r?.pair ?? 0, last: date(r?.pairLast) },
      account: { failures: r?.account ?? 0, last: date(r?.accountLast) },
      address: { failures: r?.address ?? 0, last: date(r?.addressLast) },
    };
  }

  /**
   * Records a sign-in attempt for the throttle and audits it, in one transaction. A failure names
   * the account tried when there is one (never the e-mail typed), and why (`reason`).
   */
  async function recordSignIn(a: {
    kind: AccountKind;
    email: string;
    client: Client;
    at: Date;
    requestId: string | null;
    outcome:
      | { ok: true; accountId: string; clinicId: string; patientId: string | null; sessionHandle: string }
      | { ok: false; reason: string; accountId: string | null; clinicId: string | null };
  }) {
    await db.transaction(async (tx) => {
      await tx.insert(loginAttempts).values({
        id: uuidv7(a.at.getTime()),
        email: a.email.toLowerCase(),
        kind: a.kind,
        ip: a.client.ip,
        device: a.outcome.ok ? a.client.device : null,
        succeeded: a.outcome.ok,
        at: a.at,
      });
      const o = a.outcome;
      await appendAudit(tx, {
        at: a.at,
        actorKind: o.ok ? a.kind : "anonymous",
        actorId: o.ok ? o.accountId : null,
        clinicId: o.clinicId,
        patientId: o.ok ? o.patientId : null,
        action: o.ok ? "sign-in" : "sign-in-failed",
        entityType: a.kind === "staff" ? "staff-user" : "patient-account",
        entityId: o.accountId,
        requestId: a.requestId,
        detail: o.ok ? { ip: a.client.ip, session: o.sessionHandle } : { ip: a.client.ip, reason: o.reason },
      });
    });
  }

  /**
   * Records a failed check of a signed-in person's current password (before a change) for the
   * throttle, like a failed sign-in; a stolen session cannot guess its way to the password.
   * `ok`: a success that makes this browser and address known to the account without a sign-in
   * (a password reset link was used from it).
   */
  async function recordAttempt(kind: AccountKind, email: string, client: Client, ok: boolean, at: Date) {
    await db.insert(loginAttempts).values({
      id: uuidv7(at.getTime()),
      email: email.toLowerCase(),
      kind,
      ip: client.ip,
      device: ok ? client.device : null,
      succeeded: ok,
      at,
    });
  }

  /** Throttle records older than the longest look-back are of no use: drop a batch of them. */
  async function pruneAttempts(before: Date) {
    await db.execute(
      sql`delete from ${loginAttempts} where ${loginAttempts.id} in (select ${loginAttempts.id} from ${loginAttempts} where ${lt(loginAttempts.at, before)} limit 500)`,
    );
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
        .set({ passwordHash, activatedAt: now })
        .where(
          and(
            eq(patientAccounts.patientId, inv.patientId),
            eq(patientAccounts.clinicId, inv.clinicId),
            // An active account's password is changed only by its owner (or a reset link).
            isNull(patientAccounts.activatedAt),
          ),
        )
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
    throttleCounts,
    recordSignIn,
    recordAttempt,
    pruneAttempts,
    ...sessionStore(db),
    findInvitation,
    acceptInvitation,
  };
}

export type AuthRepository = ReturnType<typeof authRepository>;

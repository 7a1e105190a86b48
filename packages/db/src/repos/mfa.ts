/**
 * Two-step sign-in storage for staff: the TOTP secret (sealed by the server before it gets here;
 * this layer never sees it in the clear), the last time step accepted (a code is good once, RFC
 * 6238 section 5.2), and recovery codes (their SHA-256 only; each good once). The codes' checks
 * live in the server (auth/totp.ts); this module only stores and consumes.
 */
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { appendAudit } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { staffUsers } from "../schema";
import { recoveryCodes } from "../schema/accounts";
import type { Tx } from "./scope";
import { hashToken } from "./tokens";

export type MfaAuditContext = {
  actorId: string;
  clinicId: string;
  requestId: string | null;
  now: Date;
};

/** Normalises a recovery code as typed (spaces, dashes, case) before hashing it. */
export const recoveryCodeHash = (code: string) => hashToken(code.replace(/[\s-]/g, "").toLowerCase());

/** Clears a staff member's second factor and recovery codes (in the caller's transaction). */
export async function clearMfa(tx: Tx, staffUserId: string): Promise<void> {
  await tx
    .update(staffUsers)
    .set({ mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null })
    .where(eq(staffUsers.id, staffUserId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.staffUserId, staffUserId));
}

/** Swaps the account's recovery codes for `codes` (their hashes) and audits why. */
async function storeRecoveryCodes(
  tx: Tx,
  staffUserId: string,
  codes: readonly string[],
  ctx: MfaAuditContext,
  action: "enable-mfa" | "replace-recovery-codes",
): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.staffUserId, staffUserId));
  await tx.insert(recoveryCodes).values(
    codes.map((c) => ({
      id: uuidv7(ctx.now.getTime()),
      clinicId: ctx.clinicId,
      staffUserId,
      codeHash: recoveryCodeHash(c),
      createdAt: ctx.now,
    })),
  );
  await appendAudit(tx, {
    at: ctx.now,
    actorKind: "staff",
    actorId: ctx.actorId,
    clinicId: ctx.clinicId,
    patientId: null,
    action,
    entityType: "staff-user",
    entityId: staffUserId,
    requestId: ctx.requestId,
    detail: { recoveryCodes: codes.length },
  });
}

export function mfaRepository(db: Db) {
  async function state(staffUserId: string) {
    const [u] = await db
      .select({ sealed: staffUsers.mfaSecret, enabledAt: staffUsers.mfaEnabledAt })
      .from(staffUsers)
      .where(eq(staffUsers.id, staffUserId));
    return u ?? null;
  }

  /** Keeps a new sealed secret while enrolment is pending; false if MFA is already on. */
  async function startEnrolment(staffUserId: string, sealed: string): Promise<boolean> {
    const rows = await db
      .update(staffUsers)
      .set({ mfaSecret: sealed, mfaLastStep: null })
      .where(and(eq(staffUsers.id, staffUserId), isNull(staffUsers.mfaEnabledAt)))
      .returning({ id: staffUsers.id });
    return rows.length > 0;
  }

  /**
   * Accepts a TOTP time step once: true only if it is later than every step accepted before, so
   * a code seen over someone's shoulder cannot be replayed. Atomic across servers.
   */
  async function acceptStep(staffUserId: string, step: number): Promise<boolean> {
    const rows = await db
      .update(staffUsers)
      .set({ mfaLastStep: step })
      .where(
        and(
          eq(staffUsers.id, staffUserId),
          or(isNull(staffUsers.mfaLastStep), lt(staffUsers.mfaLastStep, step)),
        ),
      )
      .returning({ id: staffUsers.id });
    return rows.length > 0;
  }

  /** Uses a recovery code once; true if it was one of the account's unused codes. */
  async function useRecoveryCode(staffUserId: string, code: string, now: Date): Promise<boolean> {
    const rows = await db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(recoveryCodes.staffUserId, staffUserId),
          eq(recoveryCodes.codeHash, recoveryCodeHash(code)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    return rows.length > 0;
  }

  /**
   * Turns MFA on after the first code was checked (`step`), replacing any recovery codes with
   * these; false if it was already on. Audited.
   */
  async function confirmEnrolment(
    staffUserId: string,
    step: number,
    codes: readonly string[],
    ctx: MfaAuditContext,
  ): Promise<boolean> {
    return db.transaction(async (tx) => {
      const rows = await tx
        .update(staffUsers)
        .set({ mfaEnabledAt: ctx.now, mfaLastStep: step })
        .where(
          and(
            eq(staffUsers.id, staffUserId),
            isNull(staffUsers.mfaEnabledAt),
            sql`${staffUsers.mfaSecret} is not null`,
          ),
        )
        .returning({ id: staffUsers.id });
      if (rows.length === 0) return false;
      await storeRecoveryCodes(tx, staffUserId, codes, ctx, "enable-mfa");
      return true;
    });
  }

  /**
   * Replaces every recovery code (used or not) with these, for a staff member whose MFA is on
   * (password checked by the caller); false if it is off. Audited.
   */
  async function replaceRecoveryCodes(
    staffUserId: string,
    codes: readonly string[],
    ctx: MfaAuditContext,
  ): Promise<boolean> {
    return db.transaction(async (tx) => {
      // Locks the account's row, so two replacements at once leave one set of codes.
      const rows = await tx
        .select({ id: staffUsers.id })
        .from(staffUsers)
        .where(and(eq(staffUsers.id, staffUserId), sql`${staffUsers.mfaEnabledAt} is not null`))
        .for("update");
      if (rows.length === 0) return false;
      await storeRecoveryCodes(tx, staffUserId, codes, ctx, "replace-recovery-codes");
      return true;
    });
  }

  /** The staff member turns their own MFA off (password checked by the caller). Audited. */
  async function disableOwn(staffUserId: string, ctx: MfaAuditContext): Promise<void> {
    await db.transaction(async (tx) => {
      await clearMfa(tx, staffUserId);
      await appendAudit(tx, {
        at: ctx.now,
        actorKind: "staff",
        actorId: ctx.actorId,
        clinicId: ctx.clinicId,
        patientId: null,
        action: "disable-mfa",
        entityType: "staff-user",
        entityId: staffUserId,
        requestId: ctx.requestId,
      });
    });
  }

  /** How many unused recovery codes are left. */
  async function recoveryCodesLeft(staffUserId: string): Promise<number> {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.staffUserId, staffUserId), isNull(recoveryCodes.usedAt)));
    return r?.n ?? 0;
  }

  return {
    state,
    startEnrolment,
    acceptStep,
    useRecoveryCode,
    confirmEnrolment,
    replaceRecoveryCodes,
    disableOwn,
    recoveryCodesLeft,
  };
}

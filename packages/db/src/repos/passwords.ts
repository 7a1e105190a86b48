/**
 * Passwords after the first: "Forgot password?" (a reset link e-mailed to the address on record),
 * using a reset or staff-invitation link, and changing one's own password.
 *
 * - A reset request is answered the same way whether or not the address has an account (the
 *   server says "if it has one, we sent a link"), and at most one link per account is queued in
 *   RESET_COOLDOWN_MINUTES, so nobody can flood a mailbox.
 * - A reset link works once, for RESET_VALID_MINUTES; the old password keeps working until it is
 *   used. Using it sets the password and ends every session of the account.
 * - Changing one's password needs the current one (checked by the caller) and ends the account's
 *   other sessions.
 * Every request, use and change is audited.
 */
import { type PatientLanguage, passwordResetMail } from "@evident/domain";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { appendAudit } from "../audit";
import type { Db } from "../connect";
import { clinics, patientAccounts, patients, staffUsers } from "../schema";
import { accountLinks } from "../schema/accounts";
import { issueAccountLink, TOKEN_PLACEHOLDER } from "./account-links";
import type { AccountKind } from "./auth";
import { endSessions } from "./sessions";
import { hashToken } from "./tokens";

export const RESET_VALID_MINUTES = 60;
export const RESET_COOLDOWN_MINUTES = 5;

const base = (url: string) => url.replace(/\/$/, "");

function resetMessage(
  kind: AccountKind,
  name: string,
  clinicName: string,
  baseUrl: string,
  lang: PatientLanguage,
) {
  const path = kind === "staff" ? "/reset-password" : "/portal/reset-password";
  return passwordResetMail(lang, { name, clinicName, link: `${base(baseUrl)}${path}#${TOKEN_PLACEHOLDER}` });
}

type Person = { kind: AccountKind; id: string; clinicId: string; patientId: string | null };

export function passwordRepository(db: Db) {
  /** Queues a reset link if the address has an active account; audited either way. */
  async function requestReset(
    kind: AccountKind,
    email: string,
    now: Date,
    opts: { baseUrl: string; requestId: string | null },
  ): Promise<void> {
    await db.transaction(async (tx) => {
      const target =
        kind === "staff"
          ? await tx
              .select({
                id: staffUsers.id,
                clinicId: staffUsers.clinicId,
                email: staffUsers.email,
                name: staffUsers.name,
                clinicName: clinics.name,
                patientId: sql<string | null>`null`,
                // Staff read Evident in English; a patient's reset is in the patient's language.
                language: sql<PatientLanguage>`'en'`,
              })
              .from(staffUsers)
              .innerJoin(clinics, eq(clinics.id, staffUsers.clinicId))
              .where(
                and(
                  sql`lower(${staffUsers.email}) = lower(${email})`,
                  isNull(staffUsers.disabledAt),
                  sql`${staffUsers.activatedAt} is not null`,
                ),
              )
          : await tx
              .select({
                id: patientAccounts.id,
                clinicId: patientAccounts.clinicId,
                email: patientAccounts.email,
                name: patients.givenName,
                clinicName: clinics.name,
                patientId: patientAccounts.patientId,
                language: patients.language,
              })
              .from(patientAccounts)
              .innerJoin(patients, eq(patients.id, patientAccounts.patientId))
              .innerJoin(clinics, eq(clinics.id, patientAccounts.clinicId))
              .where(
                and(
                  sql`lower(${patientAccounts.email}) = lower(${email})`,
                  sql`${patientAccounts.activatedAt} is not null`,
                ),
              );
      const t = target[0];
      let queued = false;
      if (t) {
        const person =
          kind === "staff" ? eq(accountLinks.staffUserId, t.id) : eq(accountLinks.patientAccountId, t.id);
        const [recent] = await tx
          .select({ id: accountLinks.id })
          .from(accountLinks)
          .where(
            and(
              person,
              eq(accountLinks.purpose, "password-reset"),
              isNull(accountLinks.usedAt),
              gt(accountLinks.createdAt, new Date(now.getTime() - RESET_COOLDOWN_MINUTES * 60_000)),
            ),
          );
        if (!recent) {
          const msg = resetMessage(kind, t.name, t.clinicName, opts.baseUrl, t.language);
          await issueAccountLink(tx, {
            purpose: "password-reset",
            clinicId: t.clinicId,
            person:
              kind === "staff" ? { staffUserId: t.id } : { patientAccountId: t.id, patientId: t.patientId! },
            to: t.email,
            ...msg,
            createdBy: null,
            now,
            validForMs: RESET_VALID_MINUTES * 60_000,
          });
          queued = true;
        }
      }
      await appendAudit(tx, {
        at: now,
        actorKind: "anonymous",
        actorId: null,
        clinicId: t?.clinicId ?? null,
        patientId: t?.patientId ?? null,
        action: "request-password-reset",
        entityType: kind === "staff" ? "staff-user" : "patient-account",
        entityId: t?.id ?? null,
        requestId: opts.requestId,
        detail: { matched: t !== undefined, queued },
      });
    });
  }

  /** The link behind a token, if it can still be used: what the page shows before using it. */
  async function findLink(token: string, now: Date) {
    const [row] = await db
      .select({
        link: accountLinks,
        staffName: staffUsers.name,
        patientName: sql<string | null>`${patients.givenName} || ' ' || ${patients.familyName}`,
        clinicName: clinics.name,
      })
      .from(accountLinks)
      .innerJoin(clinics, eq(clinics.id, accountLinks.clinicId))
      .leftJoin(staffUsers, eq(staffUsers.id, accountLinks.staffUserId))
      .leftJoin(patientAccounts, eq(patientAccounts.id, accountLinks.patientAccountId))
      .leftJoin(patients, eq(patients.id, patientAccounts.patientId))
      .where(
        and(
          eq(accountLinks.tokenHash, hashToken(token)),
          isNull(accountLinks.usedAt),
          gt(accountLinks.expiresAt, now),
        ),
      );
    if (!row) return null;
    return {
      purpose: row.link.purpose,
      account: row.link.staffUserId ? ("staff" as const) : ("patient" as const),
      name: row.staffName ?? row.patientName ?? "",
      clinicName: row.clinicName,
      expiresAt: row.link.expiresAt.toISOString(),
    };
  }

  /**
   * Uses a link once: sets the password (and activates an invited staff account), ends every
   * session of the account, and audits it. Null when the token is unknown, used or expired, or
   * the account was disabled meanwhile. The row lock makes a double submit succeed at most once.
   */
  async function useLink(
    token: string,
    passwordHash: string,
    now: Date,
    requestId: string | null,
  ): Promise<(Person & { email: string }) | null> {
    return db.transaction(async (tx) => {
      const [link] = await tx
        .select()
        .from(accountLinks)
        .where(
          and(
            eq(accountLinks.tokenHash, hashToken(token)),
            isNull(accountLinks.usedAt),
            gt(accountLinks.expiresAt, now),
          ),
        )
        .for("update");
      if (!link) return null;
      await tx.update(accountLinks).set({ usedAt: now }).where(eq(accountLinks.id, link.id));
      let person: (Person & { email: string }) | null = null;
      if (link.staffUserId) {
        const [u] = await tx
          .update(staffUsers)
          .set({ passwordHash, activatedAt: sql`coalesce(${staffUsers.activatedAt}, ${now})` })
          .where(and(eq(staffUsers.id, link.staffUserId), isNull(staffUsers.disabledAt)))
          .returning();
        if (u) person = { kind: "staff", id: u.id, clinicId: u.clinicId, patientId: null, email: u.email };
      } else if (link.patientAccountId) {
        const [a] = await tx
          .update(patientAccounts)
          .set({ passwordHash })
          .where(eq(patientAccounts.id, link.patientAccountId))
          .returning();
        if (a)
          person = {
            kind: "patient",
            id: a.id,
            clinicId: a.clinicId,
            patientId: a.patientId,
            email: a.email,
          };
      }
      if (!person) return null;
      const ended = await endSessions(
        tx,
        person.kind === "staff" ? { staffUserId: person.id } : { patientAccountId: person.id },
        now,
      );
      await appendAudit(tx, {
        at: now,
        actorKind: person.kind,
        actorId: person.id,
        clinicId: person.clinicId,
        patientId: person.patientId,
        action: link.purpose === "password-reset" ? "reset-password" : "accept-staff-invitation",
        entityType: "account-link",
        entityId: link.id,
        requestId,
        detail: { sessionsEnded: ended },
      });
      return person;
    });
  }

  /** The stored password hash and e-mail of an account (to check the current password). */
  async function credentials(kind: AccountKind, id: string) {
    const [row] =
      kind === "staff"
        ? await db
            .select({ hash: staffUsers.passwordHash, email: staffUsers.email })
            .from(staffUsers)
            .where(eq(staffUsers.id, id))
        : await db
            .select({ hash: patientAccounts.passwordHash, email: patientAccounts.email })
            .from(patientAccounts)
            .where(eq(patientAccounts.id, id));
    return row ?? null;
  }

  /** Sets a new password, ends the account's other sessions, audits it. */
  async function change(
    p: Person,
    passwordHash: string,
    now: Date,
    keepSessionId: string,
    requestId: string | null,
  ): Promise<void> {
    await db.transaction(async (tx) => {
      if (p.kind === "staff")
        await tx.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, p.id));
      else await tx.update(patientAccounts).set({ passwordHash }).where(eq(patientAccounts.id, p.id));
      const ended = await endSessions(
        tx,
        p.kind === "staff" ? { staffUserId: p.id } : { patientAccountId: p.id },
        now,
        keepSessionId,
      );
      await appendAudit(tx, {
        at: now,
        actorKind: p.kind,
        actorId: p.id,
        clinicId: p.clinicId,
        patientId: p.patientId,
        action: "change-password",
        entityType: p.kind === "staff" ? "staff-user" : "patient-account",
        entityId: p.id,
        requestId,
        detail: { otherSessionsEnded: ended },
      });
    });
  }

  return { requestReset, findLink, useLink, credentials, change };
}

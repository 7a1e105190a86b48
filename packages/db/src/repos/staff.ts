/**
 * A clinic's staff accounts, as its administrators manage them: invite by e-mail (a link to set a
 * first password, like a patient's invitation), change a role, disable and re-enable, reset a lost
 * second factor, see and end sessions, and the clinic's rule that every staff member uses two-step
 * sign-in. Disabling ends the person's sessions in the same transaction, so their next request is
 * refused. Changes that would leave the clinic without an active administrator are refused
 * (domain/access/staff.ts); the clinic's admin rows are locked first, so two administrators
 * demoting each other at once cannot both succeed. Everything is audited.
 */
import { checkStaffChange, conflict, notFound, type Role, type StaffChange } from "@evident/domain";
import type { InviteStaffRequest, StaffList, StaffMember } from "@evident/domain/api";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { clinics, staffUsers } from "../schema";
import { whereClinic } from "../tenancy";
import { issueAccountLink, TOKEN_PLACEHOLDER } from "./account-links";
import { clearMfa } from "./mfa";
import { audit, inTx, type Scope, type Tx } from "./scope";
import { endSessionByHandle, endSessions, listSessions } from "./sessions";

export const STAFF_INVITATION_DAYS = 7;

function invitationMessage(name: string, clinicName: string, role: string, baseUrl: string) {
  return {
    subject: `${clinicName}: your Evident staff account`,
    body: [
      `Dear ${name},`,
      "",
      `${clinicName} has made you an Evident account (role: ${role}). Open this link to choose your password. It works once, for ${STAFF_INVITATION_DAYS} days:`,
      `${baseUrl.replace(/\/$/, "")}/welcome#${TOKEN_PLACEHOLDER}`,
      "",
      "If you did not expect this e-mail, you can ignore it.",
    ].join("\n"),
  };
}

export function staffRepository(db: Db, scope: Scope, opts: { baseUrl: string; idleMinutes: number }) {
  const inClinic = whereClinic(staffUsers, scope);

  async function target(tx: Tx, id: string, lock = false) {
    const q = tx
      .select()
      .from(staffUsers)
      .where(and(inClinic, eq(staffUsers.id, id)));
    const [u] = lock ? await q.for("update") : await q;
    if (!u) throw notFound("staff member");
    return u;
  }

  async function list(): Promise<StaffList> {
    const now = scope.now();
    const idleSince = new Date(now.getTime() - opts.idleMinutes * 60_000);
    const rows = await db
      .select({
        u: staffUsers,
        activeSessions: sql<number>`(select count(*)::int from sessions s where s.staff_user_id = "staff_users"."id" and s.revoked_at is null and s.expires_at > ${now} and s.last_seen_at > ${idleSince})`,
        lastSignInAt: sql<
          string | null
        >`(select max(a.at) from login_attempts a where a.kind = 'staff' and a.email = lower("staff_users"."email") and a.succeeded)`,
      })
      .from(staffUsers)
      .where(inClinic)
      .orderBy(asc(staffUsers.name));
    const [c] = await db
      .select({ requireMfa: clinics.requireMfa })
      .from(clinics)
      .where(eq(clinics.id, scope.clinicId));
    return {
      items: rows.map((r) => present(r.u, r.activeSessions, r.lastSignInAt)),
      requireMfa: c?.requireMfa ?? false,
    };
  }

  async function queueInvitation(tx: Tx, u: typeof staffUsers.$inferSelect) {
    const [c] = await tx.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, scope.clinicId));
    await issueAccountLink(tx, {
      purpose: "staff-invitation",
      clinicId: scope.clinicId,
      person: { staffUserId: u.id },
      to: u.email,
      ...invitationMessage(u.name, c?.name ?? "", u.role, opts.baseUrl),
      createdBy: scope.actor.id,
      now: scope.now(),
      validForMs: STAFF_INVITATION_DAYS * 86_400_000,
    });
  }

  async function invite(input: InviteStaffRequest): Promise<StaffMember> {
    return inTx(db, async (tx) => {
      const id = uuidv7();
      const [u] = await tx
        .insert(staffUsers)
        .values({
          id,
          clinicId: scope.clinicId,
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash: null,
          createdAt: scope.now(),
        })
        .returning();
      await queueInvitation(tx, u!);
      await audit(tx, scope, {
        action: "invite-staff",
        entityType: "staff-user",
        entityId: id,
        detail: { role: input.role },
      });
      return present(u!, 0, null);
    });
  }

  /** Sends a new invitation link to someone who has not set a password yet (the old link dies). */
  async function reinvite(id: string): Promise<StaffMember> {
    return inTx(db, async (tx) => {
      const u = await target(tx, id, true);
      if (u.activatedAt) throw conflictAlreadyActive();
      await queueInvitation(tx, u);
      await audit(tx, scope, {
        action: "invite-staff",
        entityType: "staff-user",
        entityId: id,
        detail: { again: true },
      });
      return present(u, 0, null);
    });
  }

  /** Locks the clinic's active admins and checks the change against them. */
  async function checked(tx: Tx, id: string, change: StaffChange) {
    const admins = await tx
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(and(inClinic, eq(staffUsers.role, "admin"), isNull(staffUsers.disabledAt)))
      .for("update");
    const u = await target(tx, id, true);
    checkStaffChange({
      actorId: scope.actor.id,
      target: { id: u.id, role: u.role, disabled: u.disabledAt !== null },
      change,
      activeAdmins: admins.length,
    });
    return u;
  }

  async function changeRole(id: string, role: Role): Promise<StaffMember> {
    return inTx(db, async (tx) => {
      const before = await checked(tx, id, { kind: "role", role });
      const [u] = await tx.update(staffUsers).set({ role }).where(eq(staffUsers.id, id)).returning();
      await audit(tx, scope, {
        action: "change-role",
        entityType: "staff-user",
        entityId: id,
        detail: { role: { from: before.role, to: role } },
      });
      return present(u!, 0, null);
    });
  }

  async function disable(id: string): Promise<StaffMember> {
    return inTx(db, async (tx) => {
      await checked(tx, id, { kind: "disable" });
      const now = scope.now();
      const [u] = await tx
        .update(staffUsers)
        .set({ disabledAt: now })
        .where(eq(staffUsers.id, id))
        .returning();
      const ended = await endSessions(tx, { staffUserId: id }, now);
      await audit(tx, scope, {
        action: "disable-staff",
        entityType: "staff-user",
        entityId: id,
        detail: { sessionsEnded: ended },
      });
      return present(u!, 0, null);
    });
  }

  async function enable(id: string): Promise<StaffMember> {
    return inTx(db, async (tx) => {
      await target(tx, id, true);
      const [u] = await tx
        .update(staffUsers)
        .set({ disabledAt: null })
        .where(eq(staffUsers.id, id))
        .returning();
      await audit(tx, scope, { action: "enable-staff", entityType: "staff-user", entityId: id });
      return present(u!, 0, null);
    });
  }

  /** For a lost authenticator and lost recovery codes: off, and every session ended. */
  async function resetMfa(id: string): Promise<StaffMember> {
    return inTx(db, async (tx) => {
      const u = await target(tx, id, true);
      await clearMfa(tx, id);
      const ended = await endSessions(tx, { staffUserId: id }, scope.now());
      await audit(tx, scope, {
        action: "reset-mfa",
        entityType: "staff-user",
        entityId: id,
        detail: { sessionsEnded: ended },
      });
      return present({ ...u, mfaEnabledAt: null }, 0, null);
    });
  }

  async function staffSessions(currentSessionId: string | null) {
    return listSessions(db, { clinicStaff: scope.clinicId }, scope.now(), opts.idleMinutes, currentSessionId);
  }

  async function endSession(handle: string): Promise<void> {
    await inTx(db, async (tx) => {
      const ended = await endSessionByHandle(tx, { clinicStaff: scope.clinicId }, handle, scope.now());
      if (!ended) throw notFound("session");
      await audit(tx, scope, {
        action: "end-session",
        entityType: "session",
        entityId: handle,
        detail: { staffUserId: ended.staffUserId },
      });
    });
  }

  async function setRequireMfa(requireMfa: boolean): Promise<void> {
    await inTx(db, async (tx) => {
      const [before] = await tx
        .select({ r: clinics.requireMfa })
        .from(clinics)
        .where(eq(clinics.id, scope.clinicId))
        .for("update");
      await tx.update(clinics).set({ requireMfa }).where(eq(clinics.id, scope.clinicId));
      await audit(tx, scope, {
        action: "update",
        entityType: "clinic",
        entityId: scope.clinicId,
        detail: { requireMfa: { from: before?.r ?? false, to: requireMfa } },
      });
    });
  }

  return {
    list,
    invite,
    reinvite,
    changeRole,
    disable,
    enable,
    resetMfa,
    sessions: staffSessions,
    endSession,
    setRequireMfa,
  };
}

const conflictAlreadyActive = () =>
  conflict("This person has already set a password; if they lost it, they can use “Forgot password?”.");

function present(
  u: typeof staffUsers.$inferSelect,
  activeSessions: number,
  lastSignInAt: string | Date | null,
): StaffMember {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    status: u.disabledAt ? "disabled" : u.activatedAt ? "active" : "invited",
    mfaEnabled: u.mfaEnabledAt !== null,
    activeSessions,
    lastSignInAt: lastSignInAt ? new Date(lastSignInAt).toISOString() : null,
    createdAt: u.createdAt.toISOString(),
  };
}

/**
 * Listing and ending sessions: a person's own (any signed-in user), and for an administrator
 * every staff session of the clinic. A session is named by its handle, never by its id (the
 * cookie's hash). Ending all of a person's sessions is what disabling, a password reset or a
 * password change does.
 */
import type { SessionView } from "@evident/domain/api";
import { and, desc, eq, gt, isNull, ne, type SQL, sql } from "drizzle-orm";
import { appendAudit, type Executor } from "../audit";
import type { Db } from "../connect";
import { sessions, staffUsers } from "../schema";

/** Sessions still usable at `now` (not ended, not past either expiry). */
const live = (now: Date, idleMinutes: number) =>
  and(
    isNull(sessions.revokedAt),
    gt(sessions.expiresAt, now),
    gt(sessions.lastSeenAt, new Date(now.getTime() - idleMinutes * 60_000)),
  );

export type Whose =
  | { staffUserId: string }
  | { patientAccountId: string }
  /** Every staff session of a clinic. */
  | { clinicStaff: string };

function whose(w: Whose): SQL {
  if ("staffUserId" in w) return eq(sessions.staffUserId, w.staffUserId);
  if ("patientAccountId" in w) return eq(sessions.patientAccountId, w.patientAccountId);
  return and(eq(sessions.clinicId, w.clinicStaff), eq(sessions.kind, "staff"))!;
}

export async function listSessions(
  db: Executor,
  w: Whose,
  now: Date,
  idleMinutes: number,
  currentSessionId: string | null,
): Promise<SessionView[]> {
  const rows = await db
    .select({ s: sessions, name: staffUsers.name })
    .from(sessions)
    .leftJoin(staffUsers, eq(staffUsers.id, sessions.staffUserId))
    .where(and(whose(w), live(now, idleMinutes)))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(500);
  return rows.map(({ s, name }) => ({
    id: s.handle,
    current: s.id === currentSessionId,
    staffUserId: s.staffUserId,
    name: name ?? "",
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
  }));
}

/** Ends the session with this handle if it is among `w`'s; returns whose it was, or null. */
export async function endSessionByHandle(tx: Executor, w: Whose, handle: string, now: Date) {
  const [row] = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(whose(w), eq(sessions.handle, handle), isNull(sessions.revokedAt)))
    .returning({ staffUserId: sessions.staffUserId, patientAccountId: sessions.patientAccountId });
  return row ?? null;
}

/** Ends every session of a person, but the one named `except` (the caller's own); returns how many. */
export async function endSessions(tx: Executor, w: Whose, now: Date, except?: string): Promise<number> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(whose(w), isNull(sessions.revokedAt), except ? ne(sessions.id, except) : sql`true`))
    .returning({ id: sessions.id });
  return rows.length;
}

/** A signed-in person ends one of their own sessions (by handle); false if none matched. Audited. */
export async function endOwnSession(
  db: Db,
  me: { kind: "staff" | "patient"; id: string; clinicId: string; patientId: string | null },
  handle: string,
  now: Date,
  requestId: string | null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const w: Whose = me.kind === "staff" ? { staffUserId: me.id } : { patientAccountId: me.id };
    const ended = await endSessionByHandle(tx, w, handle, now);
    if (!ended) return false;
    await appendAudit(tx, {
      at: now,
      actorKind: me.kind,
      actorId: me.id,
      clinicId: me.clinicId,
      patientId: me.patientId,
      action: "end-session",
      entityType: "session",
      entityId: handle,
      requestId,
    });
    return true;
  });
}

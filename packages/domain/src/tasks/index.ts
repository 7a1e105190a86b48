/**
 * Clinic tasks: the one work queue for staff. Features create tasks in their own transactions
 * (triage creates one per flagged intake; follow-up escalation and adverse events create theirs),
 * and staff see them in one list, most urgent first. The ordering and who may close a task are
 * pure rules here, so the queue and the API cannot disagree.
 */
import type { Role } from "../access/policy";

export const taskPriorities = ["emergency", "urgent", "soon", "routine"] as const;
export type TaskPriority = (typeof taskPriorities)[number];

export const taskStatuses = ["open", "done", "cancelled"] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskRoles = ["clinician", "coordinator"] as const;
export type TaskRole = (typeof taskRoles)[number];

/** Known kinds; others may be added by features (the column is free text, the id a contract). */
export const taskKinds = [
  "triage_emergency",
  "triage_urgent",
  "triage_review",
  "call_patient",
  "adverse_event",
  "follow_up_escalation",
] as const;

/** The triage queue: the tasks a red-flag intake opens (db/repos/intakes). */
export const triageTaskKinds = ["triage_emergency", "triage_urgent", "triage_review"] as const;

/** Higher is more urgent: routine 0 … emergency 3. */
export const priorityRank = (p: TaskPriority): number =>
  taskPriorities.length - 1 - taskPriorities.indexOf(p);

/** Queue order: most urgent first, then the earliest deadline (none last), then the oldest. */
export function compareTasks(
  a: { priority: TaskPriority; dueAt: Date | null; createdAt: Date },
  b: { priority: TaskPriority; dueAt: Date | null; createdAt: Date },
): number {
  const byPriority = priorityRank(b.priority) - priorityRank(a.priority);
  if (byPriority !== 0) return byPriority;
  const da = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const db = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return a.createdAt.getTime() - b.createdAt.getTime();
}

/**
 * A clinician's task needs a clinician (or an administrator, who holds every role's duties);
 * a coordinator's task may be closed by a coordinator or a clinician.
 */
export function mayCloseTask(role: Role, assignedRole: TaskRole): boolean {
  if (role === "admin") return true;
  if (assignedRole === "clinician") return role === "clinician";
  return role === "coordinator" || role === "clinician";
}

/** Overdue: open with a deadline that has passed. */
export const isOverdue = (t: { status: TaskStatus; dueAt: Date | null }, now: Date): boolean =>
  t.status === "open" && t.dueAt !== null && t.dueAt.getTime() < now.getTime();

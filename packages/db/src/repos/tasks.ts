/**
 * Clinic tasks. `createTask` runs inside the caller's transaction, so a feature opens its task
 * atomically with whatever made it necessary (a flagged intake, an adverse event); the queue is
 * listed most urgent first (domain/tasks `compareTasks` states the order; the SQL follows it);
 * closing a task is checked against who may close it and audited. Every read and write of a task
 * about a patient is audited, as patient data.
 */
import { conflict, ErrorCode, EvidentError, forbidden, notFound, type Role } from "@evident/domain";
import type { TaskView } from "@evident/domain/api";
import {
  mayCloseTask,
  type TaskPriority,
  type TaskRole,
  type TaskStatus,
  triageTaskKinds,
} from "@evident/domain/tasks";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { patients, staffUsers } from "../schema";
import { tasks } from "../schema/tasks";
import { whereClinic } from "../tenancy";
import { audit, auditedRead, inTx, type Scope, type Tx } from "./scope";

export type TaskRow = typeof tasks.$inferSelect;

export type NewTask = {
  patientId?: string | null;
  kind: string;
  title: string;
  detail?: string;
  priority: TaskPriority;
  dueAt?: Date | null;
  assignedRole: TaskRole;
  source?: { type: string; id: string };
  /** See the schema: the feature closes it (with `closeTasksOf`), not the generic complete. */
  closesWithSource?: boolean;
  /** Same key in the same clinic → the existing task is returned, no second one is opened. */
  dedupeKey?: string;
};

/**
 * Opens a task in the caller's transaction, audited. With a `dedupeKey` already used in this
 * clinic, returns that task unchanged (and writes nothing).
 */
export async function createTask(tx: Tx, scope: Scope, input: NewTask): Promise<TaskRow> {
  const id = uuidv7();
  const [row] = await tx
    .insert(tasks)
    .values({
      id,
      clinicId: scope.clinicId,
      patientId: input.patientId ?? null,
      kind: input.kind,
      title: input.title,
      detail: input.detail ?? "",
      priority: input.priority,
      dueAt: input.dueAt ?? null,
      assignedRole: input.assignedRole,
      sourceType: input.source?.type ?? null,
      sourceId: input.source?.id ?? null,
      closesWithSource: input.closesWithSource ?? false,
      dedupeKey: input.dedupeKey ?? null,
      createdBy: scope.actor.kind === "staff" ? scope.actor.id : null,
      createdAt: scope.now(),
    })
    .onConflictDoNothing({ target: [tasks.clinicId, tasks.dedupeKey] })
    .returning();
  if (!row) {
    const [existing] = await tx
      .select()
      .from(tasks)
      .where(and(whereClinic(tasks, scope), eq(tasks.dedupeKey, input.dedupeKey ?? "")));
    if (!existing) throw new EvidentError(ErrorCode.internal, "task dedupe conflict without a task");
    return existing;
  }
  await audit(tx, scope, {
    action: "create",
    entityType: "task",
    entityId: id,
    patientId: row.patientId ?? undefined,
    detail: { kind: row.kind, priority: row.priority, dueAt: row.dueAt?.toISOString() ?? null },
  });
  return row;
}

/**
 * Closes the open tasks a source created (e.g. an intake's triage task when the triage is
 * reviewed), in the caller's transaction, audited. Returns the ids closed.
 */
export async function closeTasksOf(
  tx: Tx,
  scope: Scope,
  source: { type: string; id: string },
  how: { status: "done" | "cancelled"; note?: string | undefined },
): Promise<string[]> {
  const closed = await tx
    .update(tasks)
    .set({
      status: how.status,
      completedAt: scope.now(),
      completedBy: scope.actor.kind === "staff" ? scope.actor.id : null,
      completionNote: how.note ?? null,
    })
    .where(
      and(
        whereClinic(tasks, scope),
        eq(tasks.sourceType, source.type),
        eq(tasks.sourceId, source.id),
        eq(tasks.status, "open"),
      ),
    )
    .returning({ id: tasks.id, patientId: tasks.patientId });
  for (const t of closed)
    await audit(tx, scope, {
      action: how.status === "done" ? "complete" : "cancel",
      entityType: "task",
      entityId: t.id,
      patientId: t.patientId ?? undefined,
      detail: { via: source.type },
    });
  return closed.map((t) => t.id);
}

const priorityOrder = sql`case ${tasks.priority} when 'emergency' then 0 when 'urgent' then 1 when 'soon' then 2 else 3 end`;

async function selectTasks(
  tx: Executor,
  clinicId: string,
  where: {
    status?: TaskStatus | undefined;
    patientId?: string | undefined;
    ids?: string[];
    kinds?: readonly string[] | undefined;
  },
  limit: number,
): Promise<TaskView[]> {
  const rows = await tx
    .select({
      task: tasks,
      givenName: patients.givenName,
      familyName: patients.familyName,
      completerName: staffUsers.name,
    })
    .from(tasks)
    .leftJoin(patients, and(eq(patients.id, tasks.patientId), eq(patients.clinicId, tasks.clinicId)))
    .leftJoin(staffUsers, eq(staffUsers.id, tasks.completedBy))
    .where(
      and(
        eq(tasks.clinicId, clinicId),
        where.status ? eq(tasks.status, where.status) : undefined,
        where.patientId ? eq(tasks.patientId, where.patientId) : undefined,
        where.ids ? inArray(tasks.id, where.ids) : undefined,
        where.kinds ? inArray(tasks.kind, [...where.kinds]) : undefined,
      ),
    )
    .orderBy(priorityOrder, sql`${tasks.dueAt} asc nulls last`, asc(tasks.createdAt), asc(tasks.id))
    .limit(limit);
  return rows.map((r) =>
    presentTask(r.task, r.givenName ? `${r.givenName} ${r.familyName}` : null, r.completerName),
  );
}

export function presentTask(t: TaskRow, patientName: string | null, completerName: string | null): TaskView {
  return {
    id: t.id,
    patientId: t.patientId,
    patientName,
    kind: t.kind,
    title: t.title,
    detail: t.detail,
    priority: t.priority,
    dueAt: t.dueAt?.toISOString() ?? null,
    assignedRole: t.assignedRole,
    status: t.status,
    source: t.sourceType && t.sourceId ? { type: t.sourceType, id: t.sourceId } : null,
    createdAt: t.createdAt.toISOString(),
    completedAt: t.completedAt?.toISOString() ?? null,
    completedBy: t.completedBy ? { id: t.completedBy, name: completerName ?? "" } : null,
    completionNote: t.completionNote,
    closesWithSource: t.closesWithSource,
  };
}

export function taskRepository(db: Db, scope: Scope) {
  /** The queue: most urgent first, then the earliest deadline, then the oldest. */
  async function list(q: {
    status?: TaskStatus | "all";
    patientId?: string | undefined;
    queue?: "triage" | undefined;
    limit: number;
  }): Promise<TaskView[]> {
    const status = q.status === "all" ? undefined : (q.status ?? "open");
    return auditedRead(
      db,
      scope,
      (tx) =>
        selectTasks(
          tx,
          scope.clinicId,
          { status, patientId: q.patientId, kinds: q.queue === "triage" ? triageTaskKinds : undefined },
          q.limit,
        ),
      (items) =>
        items.length === 0
          ? null
          : {
              action: "read",
              entityType: "task",
              ...(q.patientId ? { patientId: q.patientId } : {}),
              detail: { tasks: items.map((t) => t.id) },
            },
    );
  }

  /** Closes an open task as done, as `role` (see domain/tasks `mayCloseTask`). */
  async function complete(id: string, role: Role, note?: string): Promise<TaskView> {
    return inTx(db, async (tx) => {
      const [row] = await tx
        .select()
        .from(tasks)
        .where(and(whereClinic(tasks, scope), eq(tasks.id, id)))
        .for("update");
      if (!row) throw notFound("task");
      if (!mayCloseTask(role, row.assignedRole))
        throw forbidden(`This task is for a ${row.assignedRole}; your role (${role}) may not close it`);
      if (row.status !== "open") throw conflict(`this task is already ${row.status}`, "status");
      if (row.closesWithSource)
        throw conflict(
          `this task closes when its ${row.sourceType ?? "source"} is dealt with (e.g. a triage is reviewed on the patient page), not here`,
          "closesWithSource",
        );
      await tx
        .update(tasks)
        .set({
          status: "done",
          completedAt: scope.now(),
          completedBy: scope.actor.kind === "staff" ? scope.actor.id : null,
          completionNote: note ?? null,
        })
        .where(eq(tasks.id, id));
      await audit(tx, scope, {
        action: "complete",
        entityType: "task",
        entityId: id,
        patientId: row.patientId ?? undefined,
        detail: note ? { note: true } : {},
      });
      const [view] = await selectTasks(tx, scope.clinicId, { ids: [id] }, 1);
      return view!;
    });
  }

  return { list, complete };
}

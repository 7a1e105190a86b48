import { z } from "zod";
import { taskPriorities, taskRoles, taskStatuses } from "../tasks";
import { optionalText, uuid } from "./common";

export const TaskListQuery = z.object({
  status: z
    .enum([...taskStatuses, "all"], { error: `must be one of ${[...taskStatuses, "all"].join(", ")}` })
    .default("open"),
  patientId: uuid.optional(),
  /** "triage": only the red-flag tasks from the safety questions (the triage queue). */
  queue: z.enum(["triage"], { error: "must be triage" }).optional(),
  limit: z.coerce.number({ error: "must be a number" }).int().min(1).max(500).default(200),
});

export const TaskView = z.object({
  id: z.string(),
  patientId: z.string().nullable(),
  /** "Given Family", for the queue; null for a task about no patient. */
  patientName: z.string().nullable(),
  kind: z.string(),
  title: z.string(),
  detail: z.string(),
  priority: z.enum(taskPriorities),
  dueAt: z.string().nullable(),
  assignedRole: z.enum(taskRoles),
  status: z.enum(taskStatuses),
  /** What created the task (e.g. an intake), so the screen can link to it. */
  source: z.object({ type: z.string(), id: z.string() }).nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  completedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  completionNote: z.string().nullable(),
  /** Closed by acting on its source (e.g. reviewing a triage), not by the generic complete. */
  closesWithSource: z.boolean(),
});
export type TaskView = z.infer<typeof TaskView>;

export const TaskList = z.object({ items: z.array(TaskView) });
export type TaskList = z.infer<typeof TaskList>;

export const TaskComplete = z.object({ note: optionalText(2000) }).strict();

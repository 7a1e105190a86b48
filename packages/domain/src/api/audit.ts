/**
 * Reading the audit trail (HIPAA's information-system activity review, 45 CFR 164.308(a)(1)(ii)(D)):
 * an administrator lists their clinic's chain, newest first, filtered by patient, by who acted, by
 * action and by dates (days in the clinic's time zone), and downloads the same as CSV.
 */
import { z } from "zod";
import { isoDate, uuid } from "./common";

export const auditActorKinds = ["staff", "patient", "system", "anonymous"] as const;

const page = z.coerce.number({ error: "must be a number" }).int("must be a whole number");

export const AuditFilter = z
  .object({
    /** Events about this patient's record. */
    patientId: uuid.optional(),
    actorKind: z.enum(auditActorKinds, { error: `must be one of ${auditActorKinds.join(", ")}` }).optional(),
    /** A staff member's id, a patient account's id, or the system's name for itself. */
    actorId: z.string().trim().min(1).max(200, "must be at most 200 characters").optional(),
    action: z.string().trim().min(1).max(60, "must be at most 60 characters").optional(),
    /** First and last day, inclusive, in the clinic's time zone. */
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "must be on or after from" });
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditQuery = AuditFilter.safeExtend({
  /** The next page: events before this position in the chain (`nextBefore` of the page before). */
  before: page.min(1, "must be 1 or more").optional(),
  limit: page.min(1, "must be 1 or more").max(200, "must be at most 200").default(50),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditActor = z.object({
  kind: z.enum(auditActorKinds),
  id: z.string().nullable(),
  /** The staff member's or patient's name; null for the system or someone unknown. */
  name: z.string().nullable(),
});
export type AuditActor = z.infer<typeof AuditActor>;

export const AuditEventView = z.object({
  /** Position in the clinic's chain. */
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actor: AuditActor,
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  patient: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditPage = z.object({
  items: z.array(AuditEventView),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** What the filters can choose from: the clinic's staff and the actions in its recent trail. */
export const AuditFacets = z.object({
  staff: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  actions: z.array(z.string()),
});
export type AuditFacets = z.infer<typeof AuditFacets>;

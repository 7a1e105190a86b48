import { z } from "zod";

export const OutboxItem = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(["pending", "sending", "sent", "failed", "withdrawn"]),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  patientId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** Withdrawn messages: when, and why it was not sent (e.g. the patient answered first). */
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const OutboxQuery = z.object({
  limit: z.coerce.number({ error: "must be a number" }).int().min(1).max(200).default(100),
  offset: z.coerce.number({ error: "must be a number" }).int().min(0).default(0),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

export const Outbox = z.object({
  items: z.array(OutboxItem),
  smtpConfigured: z.boolean(),
  /** Every message of the clinic; `items` are `limit` of them from `offset`, newest first. */
  total: z.number().int(),
  offset: z.number().int(),
});
export type Outbox = z.infer<typeof Outbox>;

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

export const Outbox = z.object({ items: z.array(OutboxItem), smtpConfigured: z.boolean() });
export type Outbox = z.infer<typeof Outbox>;

/**
 * The de-identified research export from the web app: the data-use terms and their acceptance,
 * asking for an export (format, and a cohort filter or a saved cohort; the clinic is always the
 * caller's own), and an export's status, progress and files (name, rows, size, SHA-256).
 */
import { z } from "zod";
import { cohortFilterFields, datesInOrder } from "../research/cohort";

export const ResearchTermsView = z.object({
  version: z.string(),
  title: z.string(),
  paragraphs: z.array(z.string()),
  /** The caller's acceptance of this version, or null. */
  acceptedAt: z.string().nullable(),
});
export type ResearchTermsView = z.infer<typeof ResearchTermsView>;

export const AcceptTermsRequest = z.object({
  version: z.string({ error: "must be the version of the terms shown" }).min(1).max(40),
});
export type AcceptTermsRequest = z.infer<typeof AcceptTermsRequest>;

export const researchExportFormats = ["redcap", "csv"] as const;

/** The cohort of an export from the web: every filter but the clinic (always the caller's). */
export const WebCohortFilter = cohortFilterFields
  .omit({ clinicIds: true })
  .refine(datesInOrder, { message: "must not be after treatedTo", path: ["treatedFrom"] });

/** A filter (`cohort`), or a saved cohort's version id (`cohortId`), not both; neither: every patient. */
export const CreateResearchExportRequest = z
  .object({
    format: z.enum(researchExportFormats, { error: "must be redcap or csv" }),
    cohort: WebCohortFilter.default({}),
    cohortId: z.string().uuid("must be a saved cohort's id").optional(),
  })
  .refine((r) => r.cohortId === undefined || Object.keys(r.cohort).length === 0, {
    message: "give a saved cohort or filters, not both",
    path: ["cohortId"],
  });
export type CreateResearchExportRequest = z.input<typeof CreateResearchExportRequest>;

export const ResearchExportFile = z.object({
  name: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  rows: z.number().int(),
});

export const ResearchExportView = z.object({
  id: z.string(),
  format: z.enum(researchExportFormats),
  /** The filter as asked, or a saved cohort's record: {name, version, id, line, filter}. */
  cohort: z.record(z.string(), z.unknown()),
  status: z.enum(["queued", "running", "completed", "failed", "expired"]),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  files: z.array(ResearchExportFile),
  patients: z.number().int().nullable(),
  suppressed: z.number().int().nullable(),
  error: z.string().nullable(),
  requestedBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type ResearchExportView = z.infer<typeof ResearchExportView>;

export const ResearchExportList = z.object({ items: z.array(ResearchExportView) });
export type ResearchExportList = z.infer<typeof ResearchExportList>;

/**
 * The rows the generator produces, one type per table (columns as in packages/db/src/schema.ts).
 * Instants are epoch milliseconds and dates "YYYY-MM-DD", so generation stays cheap; copy.ts turns
 * them into COPY lines.
 */
import type { TriageFlag } from "@evident/domain/triage";

export type PatientRow = {
  id: string;
  clinicId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: "female" | "male" | "other" | "unknown";
  email: string | null;
  phone: string | null;
  mrn: string;
  createdBy: string;
  createdAt: number;
};

export type EpisodeRow = {
  id: string;
  clinicId: string;
  patientId: string;
  condition: string;
  spinalLevels: string[];
  onsetDate: string | null;
  createdAt: number;
};

export type TreatmentRow = {
  id: string;
  clinicId: string;
  patientId: string;
  episodeId: string;
  kind: string;
  treatmentDate: string;
  details: Record<string, unknown>;
  /** Investigational kinds: the sign-off or override it rests on (candidacy.ts); else null. */
  candidacy: Record<string, unknown> | null;
  recordedBy: string;
  createdAt: number;
};

export type FollowUpRow = {
  id: string;
  clinicId: string;
  patientId: string;
  episodeId: string;
  treatmentId: string | null;
  timepoint: string;
  dueDate: string;
  windowStart: string;
  windowEnd: string;
  instruments: readonly string[];
  status: "scheduled" | "completed" | "cancelled";
  completedAt: number | null;
  /** Set when a later treatment in the episode ended this one's follow-up. */
  cancelledAt: number | null;
  createdAt: number;
};

export type ResponseRow = {
  id: string;
  clinicId: string;
  patientId: string;
  episodeId: string;
  followUpId: string;
  instrument: string;
  instrumentVersion: string;
  timepoint: string;
  answers: Record<string, number | null>;
  score: number | null;
  scoreDetail: Record<string, unknown>;
  completedAt: number;
  createdAt: number;
};

export type AdverseEventRow = {
  id: string;
  clinicId: string;
  patientId: string;
  treatmentId: string;
  kind: string;
  onsetDate: string;
  severity: number;
  serious: boolean;
  description: string;
  createdAt: number;
  /**
   * Set on the events staff assessed in full (care-extras.ts); the rest are the bulk's low-grade
   * events, expected risks that recovered (copy.ts says so for them).
   */
  assessed?: {
    seriousness: readonly string[];
    relatedness: string;
    expected: boolean;
    outcome: string;
    actions: string | null;
    awareDate: string;
    reportDueDate: string | null;
    recordedBy: string;
  };
};

export type DiaryRow = {
  id: string;
  clinicId: string;
  patientId: string;
  entryDate: string;
  backPain: number;
  legPain: number;
  medications: { drug: string; name?: string; dose: number; dosesPerDay: number }[];
  mme: number;
  mmeTable: string;
  createdAt: number;
};

export type ImagingRow = {
  id: string;
  clinicId: string;
  patientId: string;
  studyDate: string;
  modality: "mri" | "ct" | "xray";
  findings: { level: string; pfirrmann?: number; discHeightPercent?: number; modic?: number }[];
  notes: string | null;
  recordedBy: string;
  createdAt: number;
};

export type TaskRow = {
  id: string;
  clinicId: string;
  patientId: string;
  kind: string;
  title: string;
  detail: string;
  priority: "emergency" | "urgent" | "soon" | "routine";
  dueAt: number;
  assignedRole: "clinician" | "coordinator";
  sourceType: string;
  sourceId: string;
  dedupeKey: string;
  createdAt: number;
  /** Dealt with: when, by whom, and the note. */
  done: { at: number; by: string; note: string } | null;
};

export type ProblemReportRow = {
  id: string;
  clinicId: string;
  patientId: string;
  symptoms: readonly string[];
  details: string | null;
  onsetDate: string;
  treatmentId: string | null;
  urgent: boolean;
  taskId: string;
  reportedAt: number;
};

export type IntakeRow = {
  id: string;
  clinicId: string;
  patientId: string;
  answers: Record<string, number | boolean | "unsure">;
  rulesVersion: string;
  tier: "emergency" | "urgent" | "soon" | "none";
  flags: readonly string[];
  /** The flags whole, as the app stores them (db schema/intakes `flag_details`). */
  flagDetails: readonly TriageFlag[];
  submittedBy: string;
  submittedAt: number;
  reviewedAt: number | null;
  reviewedBy: string | null;
  reviewNote: string | null;
};

/** A signed candidacy assessment (schema/candidacy.ts), as the checklist judged the facts. */
export type CandidacyRow = {
  id: string;
  clinicId: string;
  patientId: string;
  input: object;
  criteriaVersion: string;
  outcome: string;
  result: object;
  signedBy: string;
  signedAt: number;
};

export type AccountRow = {
  id: string;
  clinicId: string;
  patientId: string;
  email: string;
  passwordHash: string | null;
  activatedAt: number | null;
  createdAt: number;
};

/** An e-mail in the outbox: sent (`sentAt`) or, without it, still waiting. */
export type MessageRow = {
  id: string;
  clinicId: string;
  patientId: string;
  kind: string;
  toAddress: string;
  subject: string;
  body: string;
  dedupeKey: string;
  createdAt: number;
  sentAt: number | null;
};

/** A follow-up contact (0 the invitation, 1 and 2 the reminders) and the e-mail it sent, if any. */
export type ContactRow = {
  followUpId: string;
  number: number;
  clinicId: string;
  outboxMessageId: string | null;
  createdAt: number;
};

/** A batch of rows, one list per table, in the order the foreign keys need them written. */
export type RegistryRows = {
  patients: PatientRow[];
  episodes: EpisodeRow[];
  treatments: TreatmentRow[];
  followUps: FollowUpRow[];
  responses: ResponseRow[];
  adverseEvents: AdverseEventRow[];
  accounts: AccountRow[];
  intakes: IntakeRow[];
  candidacy: CandidacyRow[];
  diary: DiaryRow[];
  imaging: ImagingRow[];
  tasks: TaskRow[];
  problemReports: ProblemReportRow[];
  messages: MessageRow[];
  contacts: ContactRow[];
};

export function emptyRows(): RegistryRows {
  return {
    patients: [],
    episodes: [],
    treatments: [],
    followUps: [],
    responses: [],
    adverseEvents: [],
    accounts: [],
    intakes: [],
    candidacy: [],
    diary: [],
    imaging: [],
    tasks: [],
    problemReports: [],
    messages: [],
    contacts: [],
  };
}

export type RowCounts = { [K in keyof RegistryRows]: number };

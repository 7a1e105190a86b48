/**
 * What the Bulk Data export reads, per source table: the SQL (one clinic, optionally changed
 * since an instant and limited to a cohort: the patients with a treatment of one kind) and how a
 * batch of its rows becomes NDJSON lines, through the same mappings the FHIR API's reads use
 * (../repos/fhir-resources.ts). Questionnaire answers feed two types: one pass over the responses
 * writes both the QuestionnaireResponses and their score Observations.
 *
 * Queries have no ORDER BY: the export is a sequential scan of each table in the snapshot, the
 * cheapest read there is, and the IG asks for no order. `_since` compares `meta.lastUpdated`, as
 * the FHIR search's `_lastUpdated` does.
 */
import { toFhirAdverseEvent } from "@evident/domain/adverse-events/export";
import type { BulkType } from "@evident/domain/fhir";
import { inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { gatherAdverseEvents } from "../repos/adverse-event-export";
import {
  type ConsentSource,
  conditionResource,
  consentResource,
  consentSourceColumns,
  observationsOf,
  patientResource,
  procedureResource,
  type ResponseSource,
  responseResource,
} from "../repos/fhir-resources";
import { adverseEvents, schema } from "../schema";

export type SourceFilter = { clinicId: string; since: Date | null; groupKind: string | null };
export type Query = { text: string; values: unknown[] };
/** NDJSON lines (one resource each, no newline) per type, for one batch of rows. */
export type Lines = Partial<Record<BulkType, string[]>>;
type Row = Record<string, unknown>;

export type Source = {
  /** Shown in the progress (the table's main type). */
  label: BulkType;
  outputs: BulkType[];
  columns: string;
  /** FROM … WHERE: the rows of one clinic (a cursor selects `columns` from it; progress counts it). */
  from(f: SourceFilter): Query;
  map(rows: Row[], ctx: { client: pg.PoolClient; clinicId: string; now: Date }): Promise<Lines> | Lines;
};

/** FROM … WHERE for a table with clinic_id and patient_id (or, for patients, id). */
function where(
  table: string,
  f: SourceFilter,
  o: { patientColumn: string; lastUpdated: string; extra?: string; join?: string },
): Query {
  const values: unknown[] = [f.clinicId];
  let text = `from ${table} x${o.join ? ` ${o.join}` : ""} where x.clinic_id = $1`;
  if (o.extra) text += ` and ${o.extra}`;
  if (f.since) {
    values.push(f.since);
    text += ` and ${o.lastUpdated} > $${values.length}`;
  }
  if (f.groupKind) {
    values.push(f.groupKind);
    text += ` and x.${o.patientColumn} in (select t.patient_id from treatments t where t.clinic_id = $1 and t.kind = $${values.length})`;
  }
  return { text, values };
}

const lines = (resources: readonly unknown[]) => resources.map((r) => JSON.stringify(r));

const patientsSource: Source = {
  label: "Patient",
  outputs: ["Patient"],
  columns: `x.id, x.given_name as "givenName", x.family_name as "familyName", x.birth_date::text as "birthDate",
       x.sex, x.email, x.phone, x.mrn, x.created_at as "createdAt", x.updated_at as "updatedAt", x.version`,
  from: (f) =>
    where("patients", f, { patientColumn: "id", lastUpdated: "coalesce(x.updated_at, x.created_at)" }),
  map: (rows) => ({ Patient: rows.map((r) => JSON.stringify(patientResource(r as never))) }),
};

const conditionsSource: Source = {
  label: "Condition",
  outputs: ["Condition"],
  columns: `x.id, x.patient_id as "patientId", x.condition, x.spinal_levels as "spinalLevels",
       x.onset_date::text as "onsetDate", x.created_at as "createdAt", x.updated_at as "updatedAt", x.version`,
  from: (f) =>
    where("episodes", f, {
      patientColumn: "patient_id",
      lastUpdated: "coalesce(x.updated_at, x.created_at)",
    }),
  map: (rows) => ({ Condition: rows.map((r) => JSON.stringify(conditionResource(r as never))) }),
};

const proceduresSource: Source = {
  label: "Procedure",
  outputs: ["Procedure"],
  columns: `x.id, x.patient_id as "patientId", x.episode_id as "episodeId", x.kind,
       x.treatment_date::text as "treatmentDate", x.details, x.version, x.created_at as "createdAt",
       x.updated_at as "updatedAt"`,
  from: (f) =>
    where("treatments", f, {
      patientColumn: "patient_id",
      lastUpdated: "coalesce(x.updated_at, x.created_at)",
    }),
  map: (rows) => ({ Procedure: rows.map((r) => JSON.stringify(procedureResource(r as never))) }),
};

function responsesSource(outputs: BulkType[]): Source {
  const qr = outputs.includes("QuestionnaireResponse");
  const obs = outputs.includes("Observation");
  return {
    label: qr ? "QuestionnaireResponse" : "Observation",
    outputs,
    columns: `x.id, x.patient_id as "patientId", x.instrument, x.answers, x.completed_at as "completedAt",
       x.supersedes_id as "supersedesId", x.created_at as "createdAt"`,
    from: (f) =>
      where("questionnaire_responses", f, {
        patientColumn: "patient_id",
        lastUpdated: "x.created_at",
        extra: "x.superseded_at is null",
      }),
    // Each row's resources are serialised as soon as they are made, so they die young (the
    // garbage collector copies only the lines, not a batch of resource objects).
    map: (rows) => {
      const responses: string[] = [];
      const scores: string[] = [];
      for (const row of rows) {
        const r = row as ResponseSource;
        if (qr) for (const x of responseResource(r)) responses.push(JSON.stringify(x));
        if (obs) for (const x of observationsOf(r)) scores.push(JSON.stringify(x));
      }
      return { ...(qr ? { QuestionnaireResponse: responses } : {}), ...(obs ? { Observation: scores } : {}) };
    },
  };
}

/** Adverse events are few: the cursor reads their ids, and each batch is gathered whole. */
const adverseEventsSource: Source = {
  label: "AdverseEvent",
  outputs: ["AdverseEvent"],
  columns: "x.id",
  from: (f) =>
    where("adverse_events", f, {
      patientColumn: "patient_id",
      lastUpdated: "coalesce(x.updated_at, x.created_at)",
    }),
  async map(rows, { client, clinicId, now }) {
    const ids = rows.map((r) => r.id as string);
    const scope = {
      clinicId,
      actor: { kind: "system" as const, id: "bulk-export" },
      requestId: null,
      now: () => now,
    };
    const records = await gatherAdverseEvents(
      drizzle(client, { schema }),
      scope,
      inArray(adverseEvents.id, ids),
    );
    return { AdverseEvent: lines(records.map(toFhirAdverseEvent)) };
  },
};

/** Consents, with the document each signed (its text and hashes go into the resource). */
const consentsSource: Source = {
  label: "Consent",
  outputs: ["Consent"],
  columns: consentSourceColumns,
  from: (f) =>
    where("consents", f, {
      patientColumn: "patient_id",
      lastUpdated: "coalesce(x.withdrawn_at, x.signed_at)",
      join: "join consent_documents d on d.id = x.document_id",
    }),
  map: (rows) => ({ Consent: rows.map((r) => JSON.stringify(consentResource(r as ConsentSource))) }),
};

/** The sources that write `types`, in the order the manifest lists them. */
export function sourcesFor(types: readonly BulkType[]): Source[] {
  const want = (t: BulkType) => types.includes(t);
  const responses = (["QuestionnaireResponse", "Observation"] as const).filter(want);
  return [
    ...(want("Patient") ? [patientsSource] : []),
    ...(want("Condition") ? [conditionsSource] : []),
    ...(want("Procedure") ? [proceduresSource] : []),
    ...(responses.length > 0 ? [responsesSource([...responses])] : []),
    ...(want("AdverseEvent") ? [adverseEventsSource] : []),
    ...(want("Consent") ? [consentsSource] : []),
  ];
}

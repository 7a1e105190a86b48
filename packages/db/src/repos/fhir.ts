/**
 * The clinic's record as FHIR R4 resources, for the FHIR API: read by id and search (with keyset
 * pages, ./fhir-pages.ts) of Patient, Condition (episodes), Procedure (treatments),
 * QuestionnaireResponse and Observation (current answers and their scores), AdverseEvent and
 * Consent.
 *
 * Every query names the scope's clinic, whoever asks (a staff member, or a SMART client acting
 * for its clinic), and every read or search that returns patient data appends one audit event
 * naming the resource type, the patients on the page and the ids returned.
 */
import { notFound } from "@evident/domain";
import { toFhirAdverseEvent } from "@evident/domain/adverse-events/export";
import {
  compartmentTypes,
  type FhirResource,
  instrumentsForCodes,
  matchesCode,
  type SearchQuery,
  type SearchType,
} from "@evident/domain/fhir";
import { instruments } from "@evident/domain/instruments";
import { and, asc, desc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import {
  adverseEvents,
  clinics,
  episodes,
  patients,
  questionnaireResponses,
  staffUsers,
  treatments,
} from "../schema";
import { consentDocuments, consents } from "../schema/consent";
import { gatherAdverseEvents } from "./adverse-event-export";
import { dateWhere, keysetPage, type Page } from "./fhir-pages";
import {
  conditionResource,
  consentResource,
  lastUpdatedSql,
  observationsOf,
  patientResource,
  procedureResource,
  responseResource,
} from "./fhir-resources";
import { isCurrent } from "./response-views";
import { auditedRead, type Scope } from "./scope";

export type FhirPage = { resources: FhirResource[]; next?: string; previous?: string };

const lastUpdated = lastUpdatedSql;

/** A response id is the first 36 characters of each of its Observations' ids. */
const responseIdOf = (observationId: string) => observationId.slice(0, 36);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** With `from` (the clinic's scoped database on a replica), searches run there; audit events go to `db`. */
export function fhirRepository(db: Db, scope: Scope, from: Db = db) {
  const inClinic = <T extends { clinicId: unknown }>(t: T) => eq(t.clinicId as never, scope.clinicId);

  function audited<T extends FhirPage>(type: SearchType, read: (tx: Executor) => Promise<T>) {
    return auditedRead(
      db,
      scope,
      read,
      (page) => {
        const ids = page.resources.map((r) => r.id ?? "");
        const subjects = [
          ...new Set(
            page.resources.map((r) =>
              r.resourceType === "Patient"
                ? r.id!
                : r.resourceType === "Consent"
                  ? (r.patient?.reference ?? "").slice(8)
                  : (("subject" in r && r.subject?.reference) || "").slice(8),
            ),
          ),
        ].filter(Boolean);
        if (ids.length === 0) return null;
        return {
          action: "read",
          entityType: `fhir-${type.replace(/(?<=[a-z])(?=[A-Z])/g, "-").toLowerCase()}`,
          ...(ids.length === 1 ? { entityId: ids[0] } : {}),
          ...(subjects.length === 1 ? { patientId: subjects[0] } : {}),
          detail: { ids, patients: subjects, actor: scope.actor.kind },
        };
      },
      from,
    );
  }

  const pageOf = <R extends { id: string }>(p: Page<R>, map: (r: R) => FhirResource[]): FhirPage => ({
    resources: p.rows.flatMap(map),
    ...(p.hasNext && p.rows.length > 0 ? { next: p.rows.at(-1)!.id } : {}),
    ...(p.hasPrevious && p.rows.length > 0 ? { previous: p.rows[0]!.id } : {}),
  });

  function idsWhere(column: Parameters<typeof inArray>[0], q: SearchQuery): SQL | undefined {
    if (!q.ids) return undefined;
    const ids = q.ids.filter((i) => uuid.test(i));
    return ids.length > 0 ? inArray(column, ids) : sql`false`;
  }

  async function searchPatients(tx: Executor, q: SearchQuery): Promise<FhirPage> {
    const page = await keysetPage(q, patients.id, (where, order, limit) =>
      tx
        .select()
        .from(patients)
        .where(
          and(
            inClinic(patients),
            idsWhere(patients.id, q),
            dateWhere(lastUpdated(patients), q.lastUpdated),
            where,
          ),
        )
        .orderBy(order)
        .limit(limit),
    );
    return pageOf(page, (p) => [patientResource(p)]);
  }

  async function searchConditions(tx: Executor, q: SearchQuery): Promise<FhirPage> {
    const page = await keysetPage(q, episodes.id, (where, order, limit) =>
      tx
        .select()
        .from(episodes)
        .where(
          and(
            inClinic(episodes),
            q.patientId ? eq(episodes.patientId, q.patientId) : undefined,
            idsWhere(episodes.id, q),
            dateWhere(lastUpdated(episodes), q.lastUpdated),
            where,
          ),
        )
        .orderBy(order)
        .limit(limit),
    );
    return pageOf(page, (e) => [conditionResource(e)]);
  }

  async function searchProcedures(tx: Executor, q: SearchQuery): Promise<FhirPage> {
    const page = await keysetPage(q, treatments.id, (where, order, limit) =>
      tx
        .select()
        .from(treatments)
        .where(
          and(
            inClinic(treatments),
            q.patientId ? eq(treatments.patientId, q.patientId) : undefined,
            idsWhere(treatments.id, q),
            dateWhere(lastUpdated(treatments), q.lastUpdated),
            dateWhere(treatments.treatmentDate, q.date, true),
            where,
          ),
        )
        .orderBy(order)
        .limit(limit),
    );
    return pageOf(page, (t) => [procedureResource(t)]);
  }

  function responsesWhere(q: SearchQuery, dates: boolean): SQL | undefined {
    const wanted = q.codes ? instrumentsForCodes(instruments, q.codes) : undefined;
    return and(
      inClinic(questionnaireResponses),
      isCurrent,
      q.patientId ? eq(questionnaireResponses.patientId, q.patientId) : undefined,
      wanted
        ? wanted.length > 0
          ? inArray(questionnaireResponses.instrument, wanted)
          : sql`false`
        : undefined,
      dateWhere(questionnaireResponses.createdAt, q.lastUpdated),
      dates ? dateWhere(questionnaireResponses.completedAt, q.date) : undefined,
    );
  }

  async function searchResponses(tx: Executor, q: SearchQuery): Promise<FhirPage> {
    const page = await keysetPage(q, questionnaireResponses.id, (where, order, limit) =>
      tx
        .select()
        .from(questionnaireResponses)
        .where(and(responsesWhere(q, true), idsWhere(questionnaireResponses.id, q), where))
        .orderBy(order)
        .limit(limit),
    );
    return pageOf(page, responseResource);
  }

  /**
   * Observations page by their own ids (`<response id>-<output>`): the page reads responses from
   * the cursor's response on, expands each into its Observations, skips those up to the cursor,
   * and reads on until it has `_count` + 1 (a response may give none, or several).
   */
  async function searchObservations(tx: Executor, q: SearchQuery): Promise<FhirPage> {
    const backward = q.before !== undefined;
    const cursor = q.before ?? q.after;
    const ids = q.ids ? [...new Set(q.ids.map(responseIdOf))].filter((i) => uuid.test(i)) : undefined;
    const keep = (o: FhirResource) =>
      (!q.codes || (o.resourceType === "Observation" && matchesCode(o.code, q.codes))) &&
      (!q.ids || q.ids.includes(o.id ?? ""));
    const rest: FhirResource[] = [];
    // Observations after the cursor: those of later responses, and those of the cursor's own
    // response that come after it.
    let passed = cursor === undefined;
    let from = cursor ? responseIdOf(cursor) : undefined;
    let inclusive = true;
    for (;;) {
      const bound = from
        ? backward
          ? inclusive
            ? lte(questionnaireResponses.id, from)
            : sql`${questionnaireResponses.id} < ${from}`
          : inclusive
            ? gte(questionnaireResponses.id, from)
            : sql`${questionnaireResponses.id} > ${from}`
        : undefined;
      const batch = await tx
        .select()
        .from(questionnaireResponses)
        .where(and(responsesWhere(q, true), ids ? inArray(questionnaireResponses.id, ids) : undefined, bound))
        .orderBy(backward ? desc(questionnaireResponses.id) : asc(questionnaireResponses.id))
        .limit(q.count + 1);
      for (const r of batch) {
        const obs = observationsOf(r).filter(keep);
        for (const o of backward ? obs.reverse() : obs) {
          if (passed) rest.push(o);
          else if (o.id === cursor) passed = true;
          else if (r.id !== from) {
            passed = true;
            rest.push(o);
          }
        }
      }
      if (batch.length <= q.count || rest.length > q.count) break;
      from = batch.at(-1)!.id;
      inclusive = false;
      passed = true;
    }
    const more = rest.length > q.count;
    const pageRows = rest.slice(0, q.count);
    const resources = backward ? pageRows.reverse() : pageRows;
    const first = resources[0]?.id;
    const last = resources.at(-1)?.id;
    return {
      resources,
      ...((backward || more) && last ? { next: last } : {}),
      ...((backward ? more : cursor !== undefined) && first ? { previous: first } : {}),
    };
  }

  async function searchAdverseEvents(tx: Executor, q: SearchQuery): Promise<FhirPage> {
    const page = await keysetPage(q, adverseEvents.id, (where, order, limit) =>
      tx
        .select({ id: adverseEvents.id })
        .from(adverseEvents)
        .where(
          and(
            inClinic(adverseEvents),
            q.patientId ? eq(adverseEvents.patientId, q.patientId) : undefined,
            idsWhere(adverseEvents.id, q),
            dateWhere(lastUpdated(adverseEvents), q.lastUpdated),
            dateWhere(adverseEvents.onsetDate, q.date, true),
            where,
          ),
        )
        .orderBy(order)
        .limit(limit),
    );
    const ids = page.rows.map((r) => r.id);
    const records =
      ids.length > 0 ? await gatherAdverseEvents(tx, scope, inArray(adverseEvents.id, ids)) : [];
    const byId = new Map(records.map((r) => [r.id, r]));
    return pageOf(page, (r) => {
      const rec = byId.get(r.id);
      return rec ? [toFhirAdverseEvent(rec)] : [];
    });
  }

  async function searchConsents(tx: Executor, q: SearchQuery): Promise<FhirPage> {
    const statuses = q.statuses;
    const byStatus =
      statuses === undefined
        ? undefined
        : statuses.includes("active") && statuses.includes("inactive")
          ? undefined
          : statuses.includes("active")
            ? sql`${consents.withdrawnAt} is null`
            : statuses.includes("inactive")
              ? sql`${consents.withdrawnAt} is not null`
              : sql`false`;
    const page = await keysetPage(q, consents.id, (where, order, limit) =>
      tx
        .select({
          id: consents.id,
          patientId: consents.patientId,
          purpose: consents.purpose,
          treatmentKind: consents.treatmentKind,
          version: consents.version,
          language: consents.language,
          sha256: consents.sha256,
          method: consents.method,
          typedName: consents.typedName,
          witnessName: consents.witnessName,
          teachBackRounds: consents.teachBackRounds,
          signedAt: consents.signedAt,
          withdrawnAt: consents.withdrawnAt,
          recordedByName: staffUsers.name,
          clinicName: clinics.name,
          documentTitle: sql<string>`${consentDocuments.content}->>'title'`,
          canonicalText: consentDocuments.canonicalText,
          documentPublishedAt: consentDocuments.publishedAt,
        })
        .from(consents)
        .innerJoin(consentDocuments, eq(consentDocuments.id, consents.documentId))
        .innerJoin(clinics, eq(clinics.id, consents.clinicId))
        .leftJoin(staffUsers, eq(staffUsers.id, consents.recordedBy))
        .where(
          and(
            inClinic(consents),
            q.patientId ? eq(consents.patientId, q.patientId) : undefined,
            idsWhere(consents.id, q),
            byStatus,
            dateWhere(sql`coalesce(${consents.withdrawnAt}, ${consents.signedAt})`, q.lastUpdated),
            dateWhere(consents.signedAt, q.date),
            where,
          ),
        )
        .orderBy(order)
        .limit(limit),
    );
    return pageOf(page, (c) => [consentResource(c)]);
  }

  const searches = {
    Patient: searchPatients,
    Condition: searchConditions,
    Procedure: searchProcedures,
    QuestionnaireResponse: searchResponses,
    Observation: searchObservations,
    AdverseEvent: searchAdverseEvents,
    Consent: searchConsents,
  } as const;

  type RecordType = keyof typeof searches;

  /** A search of a patient-data type in the scope's clinic (audited). */
  function search(q: SearchQuery & { type: RecordType }): Promise<FhirPage> {
    return audited(q.type, (tx) => searches[q.type](tx, q));
  }

  /** One resource by id, or 404 (another clinic's, a superseded response, an unknown id alike). */
  async function read(type: RecordType, id: string): Promise<FhirResource> {
    const ok = type === "Observation" ? uuid.test(responseIdOf(id)) && id.length > 37 : uuid.test(id);
    if (!ok) throw notFound(type);
    const page = await search({
      type,
      count: 1,
      ids: [id],
      lastUpdated: [],
      date: [],
      used: [],
    });
    const [found] = page.resources;
    if (!found) throw notFound(type);
    return found;
  }

  return { search, read };
}

export type FhirRepository = ReturnType<typeof fhirRepository>;
/** The patient-data types: the Patient compartment a Bulk Data export covers. */
export const fhirRecordTypes = compartmentTypes;

/**
 * An administrator reading their clinic's audit trail: their clinic's chain only, newest first,
 * filtered by patient, by who acted, by action and by days in the clinic's time zone, a page at a
 * time or all at once as CSV. Reading the trail is itself audited (a read of a page, an export of
 * the CSV), in the same transaction, after the rows are read, so an event never lists itself.
 */
import { badRequest } from "@evident/domain";
import type { AuditEventView, AuditFacets, AuditFilter } from "@evident/domain/api";
import { csvTable } from "@evident/domain/csv";
import { and, asc, desc, eq, lt, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { clinics, patientAccounts, patients, staffUsers } from "../schema";
import { auditEvents } from "../schema/audit";
import { whereClinic } from "../tenancy";
import { auditedRead, type Scope } from "./scope";

/** At most this many rows in one CSV download: more is a 400 asking for narrower dates. */
export const AUDIT_CSV_LIMIT = 50_000;
/** The actions offered as filters are those of the clinic's most recent events. */
const FACET_WINDOW = 20_000;

const actorPatient = alias(patients, "actor_patient");

const fullName = (p: { givenName: string | null; familyName: string | null }) =>
  p.givenName === null ? null : `${p.givenName} ${p.familyName}`;

export function auditTrailRepository(db: Db, scope: Scope) {
  async function where(tx: Executor, f: AuditFilter, before?: number): Promise<SQL | undefined> {
    const conditions: (SQL | undefined)[] = [
      eq(auditEvents.chainId, scope.clinicId),
      f.patientId ? eq(auditEvents.patientId, f.patientId) : undefined,
      f.actorKind ? eq(auditEvents.actorKind, f.actorKind) : undefined,
      f.actorId ? eq(auditEvents.actorId, f.actorId) : undefined,
      f.action ? eq(auditEvents.action, f.action) : undefined,
      before ? lt(auditEvents.chainSeq, before) : undefined,
    ];
    if (f.from || f.to) {
      // Days in the clinic's own time zone, as its staff read them.
      const [c] = await tx
        .select({ tz: clinics.timeZone })
        .from(clinics)
        .where(eq(clinics.id, scope.clinicId));
      const tz = c?.tz ?? "UTC";
      if (f.from) conditions.push(sql`${auditEvents.at} >= (${f.from}::date)::timestamp at time zone ${tz}`);
      if (f.to) conditions.push(sql`${auditEvents.at} < (${f.to}::date + 1)::timestamp at time zone ${tz}`);
    }
    return and(...conditions);
  }

  async function select(
    tx: Executor,
    f: AuditFilter,
    limit: number,
    before?: number,
  ): Promise<AuditEventView[]> {
    const rows = await tx
      .select({
        e: auditEvents,
        staffName: staffUsers.name,
        actorGiven: actorPatient.givenName,
        actorFamily: actorPatient.familyName,
        patientGiven: patients.givenName,
        patientFamily: patients.familyName,
      })
      .from(auditEvents)
      .leftJoin(
        staffUsers,
        and(
          eq(auditEvents.actorKind, "staff"),
          eq(sql`${staffUsers.id}::text`, auditEvents.actorId),
          whereClinic(staffUsers, scope),
        ),
      )
      .leftJoin(
        patientAccounts,
        and(
          eq(auditEvents.actorKind, "patient"),
          eq(sql`${patientAccounts.id}::text`, auditEvents.actorId),
          whereClinic(patientAccounts, scope),
        ),
      )
      .leftJoin(actorPatient, eq(actorPatient.id, patientAccounts.patientId))
      .leftJoin(patients, and(eq(patients.id, auditEvents.patientId), whereClinic(patients, scope)))
      .where(await where(tx, f, before))
      .orderBy(desc(auditEvents.chainSeq))
      .limit(limit);
    return rows.map(({ e, staffName, actorGiven, actorFamily, patientGiven, patientFamily }) => ({
      seq: e.chainSeq,
      id: e.id,
      at: e.at.toISOString(),
      actor: {
        kind: e.actorKind,
        id: e.actorId,
        name: staffName ?? fullName({ givenName: actorGiven, familyName: actorFamily }),
      },
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      patient: e.patientId
        ? { id: e.patientId, name: fullName({ givenName: patientGiven, familyName: patientFamily }) }
        : null,
      requestId: e.requestId,
      detail: e.detail,
    }));
  }

  /** One page, newest first; `nextBefore` continues with older events. */
  async function list(
    filter: AuditFilter,
    page: { before?: number | undefined; limit: number },
  ): Promise<{ items: AuditEventView[]; nextBefore: number | null }> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        const rows = await select(tx, filter, page.limit + 1, page.before);
        const items = rows.slice(0, page.limit);
        return { items, nextBefore: rows.length > page.limit ? (items.at(-1)?.seq ?? null) : null };
      },
      (r) => ({
        action: "read",
        entityType: "audit-events",
        detail: { filter, before: page.before ?? null, returned: r.items.length },
      }),
    );
  }

  /** Every matching event as CSV (oldest first), or 400 when more than AUDIT_CSV_LIMIT match. */
  async function csv(filter: AuditFilter): Promise<{ csv: string; rows: number }> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        const rows = await select(tx, filter, AUDIT_CSV_LIMIT + 1);
        if (rows.length > AUDIT_CSV_LIMIT)
          throw badRequest(
            `more than ${AUDIT_CSV_LIMIT.toLocaleString("en-US")} events match: choose a shorter period`,
            "from",
          );
        rows.reverse();
        const text = csvTable(
          [
            "seq",
            "id",
            "at",
            "actor_kind",
            "actor_id",
            "actor_name",
            "action",
            "entity_type",
            "entity_id",
            "patient_id",
            "patient_name",
            "request_id",
            "detail",
          ],
          rows.map((e) => [
            e.seq,
            e.id,
            e.at,
            e.actor.kind,
            e.actor.id,
            e.actor.name,
            e.action,
            e.entityType,
            e.entityId,
            e.patient?.id,
            e.patient?.name,
            e.requestId,
            JSON.stringify(e.detail),
          ]),
        );
        return { csv: text, rows: rows.length };
      },
      (r) => ({
        action: "export",
        entityType: "audit-events",
        detail: { format: "csv", filter, rows: r.rows },
      }),
    );
  }

  /** The clinic's staff, and the actions among its most recent events, for the filters. */
  async function facets(): Promise<AuditFacets> {
    const staff = await db
      .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
      .from(staffUsers)
      .where(whereClinic(staffUsers, scope))
      .orderBy(asc(staffUsers.name));
    const { rows } = await db.execute<{ action: string }>(sql`
      select distinct action from (
        select action from audit_events where chain_id = ${scope.clinicId}
         order by chain_seq desc limit ${FACET_WINDOW}) recent
       order by action`);
    return { staff, actions: rows.map((r) => r.action) };
  }

  return { list, csv, facets };
}

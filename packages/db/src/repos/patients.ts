/**
 * Patients of one clinic: search, the full record, creation (with the first episode, the baseline
 * follow-up and, if asked, the portal invitation, all in one transaction) and re-invitation.
 */
import { addDays, badRequest, followUpStatus, localTime, notFound, toIsoDate } from "@evident/domain";
import type {
  FollowUpView,
  PatientCreateParsed,
  PatientDetail,
  PatientSummary,
  TreatmentCandidacy,
  TreatmentConsent,
  TreatmentView,
} from "@evident/domain/api";
import { baselineLateOn } from "@evident/domain/pathway/late-baseline";
import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import {
  clinics,
  episodes,
  followUps,
  patientAccounts,
  patients,
  questionnaireResponses,
  treatments,
} from "../schema";
import { whereClinic } from "../tenancy";
import { clinicTimeZone } from "./clinics";
import { issueInvitation } from "./invitations";
import { plannedInstruments } from "./plans";
import { isCurrent, presentWithHistory } from "./response-views";
import { audit, auditedRead, inTx, type Scope, type Tx } from "./scope";

/** Baseline stays open this long unless a treatment closes it first. */
export const BASELINE_WINDOW_DAYS = 90;

const portalState = sql<"none" | "invited" | "active">`case
  when ${patientAccounts.activatedAt} is not null then 'active'
  when ${patientAccounts.id} is not null then 'invited'
  else 'none' end`;

const latestCondition = sql<string | null>`(select e.condition from ${episodes} e
  where e.patient_id = ${patients.id} and e.clinic_id = ${patients.clinicId} order by e.created_at desc limit 1)`;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function patientRepository(db: Db, scope: Scope, opts: { baseUrl: string }) {
  const inClinic = whereClinic(patients, scope);

  async function list(q: {
    q?: string | undefined;
    limit: number;
    offset: number;
  }): Promise<{ items: PatientSummary[]; total: number }> {
    const terms = (q.q ?? "").split(/\s+/).filter(Boolean).slice(0, 4);
    const where = and(
      inClinic,
      ...terms.map((t) => {
        const p = `%${escapeLike(t)}%`;
        return or(ilike(patients.givenName, p), ilike(patients.familyName, p), ilike(patients.mrn, p));
      }),
    );
    return auditedRead(
      db,
      scope,
      async (tx) => {
        const rows = await tx
          .select({
            id: patients.id,
            givenName: patients.givenName,
            familyName: patients.familyName,
            birthDate: patients.birthDate,
            mrn: patients.mrn,
            condition: latestCondition,
            portal: portalState,
            createdAt: patients.createdAt,
          })
          .from(patients)
          .leftJoin(patientAccounts, eq(patientAccounts.patientId, patients.id))
          .where(where)
          .orderBy(asc(patients.familyName), asc(patients.givenName), asc(patients.id))
          .limit(q.limit)
          .offset(q.offset);
        const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(patients).where(where);
        return {
          items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
          total: count?.n ?? 0,
        };
      },
      (r) => ({
        action: "search",
        entityType: "patient",
        detail: { query: q.q ?? "", returned: r.items.map((i) => i.id) },
      }),
    );
  }

  async function detailIn(tx: Tx | Db, id: string): Promise<PatientDetail> {
    const [p] = await tx
      .select({ patient: patients, portal: portalState })
      .from(patients)
      .leftJoin(patientAccounts, eq(patientAccounts.patientId, patients.id))
      .where(and(inClinic, eq(patients.id, id)));
    if (!p) throw notFound("patient");
    const scoped = <T extends { clinicId: unknown; patientId: unknown }>(t: T) =>
      and(
        eq(t.clinicId as typeof patients.clinicId, scope.clinicId),
        eq(t.patientId as typeof patients.id, id),
      );
    // One connection runs one query at a time: these run in sequence inside the transaction.
    const eps = await tx.select().from(episodes).where(scoped(episodes)).orderBy(desc(episodes.createdAt));
    const resps = await tx
      .select()
      .from(questionnaireResponses)
      .where(and(scoped(questionnaireResponses), isCurrent))
      .orderBy(desc(questionnaireResponses.completedAt));
    const responses = await presentWithHistory(tx, scope.clinicId, resps);
    const txs = await tx
      .select()
      .from(treatments)
      .where(scoped(treatments))
      .orderBy(desc(treatments.treatmentDate));
    const fus = await tx.select().from(followUps).where(scoped(followUps)).orderBy(asc(followUps.dueDate));
    const today = toIsoDate(scope.now());
    const timing = await baselineTiming(tx, scope.clinicId, id, scope.now());
    return {
      id: p.patient.id,
      givenName: p.patient.givenName,
      familyName: p.patient.familyName,
      birthDate: p.patient.birthDate,
      sex: p.patient.sex,
      email: p.patient.email,
      phone: p.patient.phone,
      mrn: p.patient.mrn,
      language: p.patient.language,
      portal: p.portal,
      condition: eps[0]?.condition ?? null,
      createdAt: p.patient.createdAt.toISOString(),
      episodes: eps.map((e) => ({
        id: e.id,
        condition: e.condition,
        spinalLevels: e.spinalLevels,
        onsetDate: e.onsetDate,
        createdAt: e.createdAt.toISOString(),
      })),
      responses,
      treatments: txs.map(presentTreatment),
      followUps: fus.map((f) => presentFollowUp(f, today, timing)),
    };
  }

  async function get(id: string): Promise<PatientDetail> {
    return auditedRead(
      db,
      scope,
      (tx) => detailIn(tx, id),
      () => ({ action: "read", entityType: "patient", entityId: id, patientId: id }),
    );
  }

  async function create(input: PatientCreateParsed): Promise<PatientDetail> {
    return inTx(db, async (tx) => {
      const now = scope.now();
      const today = toIsoDate(now);
      const id = uuidv7();
      await tx.insert(patients).values({
        id,
        clinicId: scope.clinicId,
        givenName: input.givenName,
        familyName: input.familyName,
        birthDate: input.birthDate,
        sex: input.sex,
        email: input.email ?? null,
        phone: input.phone ?? null,
        mrn: input.mrn ?? null,
        language: input.language,
        createdBy: scope.actor.id,
        createdAt: now,
      });
      const episodeId = uuidv7();
      await tx.insert(episodes).values({
        id: episodeId,
        clinicId: scope.clinicId,
        patientId: id,
        condition: input.episode.condition,
        spinalLevels: input.episode.spinalLevels,
        onsetDate: input.episode.onsetDate ?? null,
        createdAt: now,
      });
      // The baseline asks what the clinic's plan says now; the follow-up keeps that list.
      const instruments = await plannedInstruments(tx, scope.clinicId, "baseline");
      if (instruments.length > 0) {
        await tx.insert(followUps).values({
          id: uuidv7(),
          clinicId: scope.clinicId,
          patientId: id,
          episodeId,
          treatmentId: null,
          timepoint: "baseline",
          dueDate: today,
          windowStart: today,
          windowEnd: addDays(today, BASELINE_WINDOW_DAYS),
          instruments,
          createdAt: now,
        });
      }
      await audit(tx, scope, { action: "create", entityType: "patient", entityId: id, patientId: id });
      if (input.email && input.invite !== false) {
        await issueInvitation(tx, scope, await invitationTarget(tx, id), opts.baseUrl);
      }
      return detailIn(tx, id);
    });
  }

  async function invitationTarget(tx: Tx, id: string) {
    const [row] = await tx
      .select({
        patientId: patients.id,
        givenName: patients.givenName,
        email: patients.email,
        clinicName: clinics.name,
        language: patients.language,
      })
      .from(patients)
      .innerJoin(clinics, eq(clinics.id, patients.clinicId))
      .where(and(inClinic, eq(patients.id, id)));
    if (!row) throw notFound("patient");
    return { ...row, email: row.email ?? "" };
  }

  /**
   * A patient's current answer sets, oldest first, for export (FHIR); audited as a read of the
   * patient's data under `what` (the resource type read).
   */
  async function currentResponses(id: string, what: string) {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        const [p] = await tx
          .select({ id: patients.id })
          .from(patients)
          .where(and(inClinic, eq(patients.id, id)));
        if (!p) throw notFound("patient");
        return tx
          .select()
          .from(questionnaireResponses)
          .where(
            and(
              whereClinic(questionnaireResponses, scope),
              eq(questionnaireResponses.patientId, id),
              isCurrent,
            ),
          )
          .orderBy(asc(questionnaireResponses.completedAt), asc(questionnaireResponses.id));
      },
      (rows) => ({
        action: "read",
        entityType: what,
        entityId: id,
        patientId: id,
        detail: { responses: rows.map((r) => r.id) },
      }),
    );
  }

  /** Sends (again) a portal invitation; the patient needs an e-mail address. */
  async function invite(id: string, email?: string): Promise<{ invitationId: string }> {
    return inTx(db, async (tx) => {
      const target = await invitationTarget(tx, id);
      if (email && email !== target.email) {
        await tx
          .update(patients)
          .set({ email, updatedAt: scope.now() })
          .where(and(inClinic, eq(patients.id, id)));
        target.email = email;
      }
      if (!target.email) {
        throw badRequest("the patient has no e-mail address; add one to invite them", "email");
      }
      const { id: invitationId } = await issueInvitation(tx, scope, target, opts.baseUrl);
      return { invitationId };
    });
  }

  return { list, get, detailIn, create, invite, currentResponses };
}

export function presentTreatment(t: typeof treatments.$inferSelect): TreatmentView {
  return {
    id: t.id,
    episodeId: t.episodeId,
    kind: t.kind,
    date: t.treatmentDate,
    details: t.details,
    candidacy: (t.candidacy as TreatmentCandidacy | null) ?? null,
    consent: (t.consent as TreatmentConsent | null) ?? null,
    createdAt: t.createdAt.toISOString(),
    version: t.version,
    updatedAt: t.updatedAt?.toISOString() ?? null,
  };
}

/**
 * What a baseline follow-up says about late answers (pathway/late-baseline.ts): the first
 * treatment date of each of the patient's episodes, and today's date in the clinic's time zone.
 */
export type BaselineTiming = { firstTreatment: ReadonlyMap<string, string>; localToday: string };

export async function baselineTiming(
  tx: Executor,
  clinicId: string,
  patientId: string,
  now: Date,
): Promise<BaselineTiming> {
  const rows = await tx
    .select({ episodeId: treatments.episodeId, first: sql<string>`min(${treatments.treatmentDate})::text` })
    .from(treatments)
    .where(and(eq(treatments.clinicId, clinicId), eq(treatments.patientId, patientId)))
    .groupBy(treatments.episodeId);
  return {
    firstTreatment: new Map(rows.map((r) => [r.episodeId, r.first])),
    localToday: localTime(now, await clinicTimeZone(tx, clinicId)).date,
  };
}

export function presentFollowUp(
  f: typeof followUps.$inferSelect,
  today: string,
  timing: BaselineTiming,
): FollowUpView {
  const endsOn = f.timepoint === "baseline" ? (timing.firstTreatment.get(f.episodeId) ?? null) : null;
  return {
    id: f.id,
    treatmentId: f.treatmentId,
    timepoint: f.timepoint,
    dueDate: f.dueDate,
    windowStart: f.windowStart,
    windowEnd: f.windowEnd,
    status: followUpStatus(f, today),
    instruments: f.instruments,
    completedAt: f.completedAt?.toISOString() ?? null,
    baselineEndsOn: endsOn,
    lateIfAnsweredToday: baselineLateOn(timing.localToday, endsOn),
  };
}

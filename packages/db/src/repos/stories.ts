/**
 * Patients' stories (schema/stories.ts, domain/stories). Staff (anyone who may write patients'
 * records) draft and edit a story; only a clinician approves it, which publishes it. Both need the
 * patient's story consent, signed and not withdrawn (else 409 naming `consent`), and text that
 * passes the identifier check (else 422 naming `text`), checked again on approval. Editing a
 * published story takes it back to a draft, to be approved again. Withdrawing the story consent
 * (consents.ts) withdraws the patient's stories in the same transaction (`withdrawStories`).
 *
 * The decision aid reads every published story at the clinic whose consent still stands, in the
 * stated order (domain/stories/selection.ts), with the patient's own numbers beside it computed
 * from their current answers: the baseline of the treatment's episode, and the newest answer of a
 * follow-up of that treatment. Every write and read is audited.
 */
import { conflict, forbidden, localTime, notFound, type TreatmentKind, unprocessable } from "@evident/domain";
import type {
  DecisionAidStories,
  PublishedStory,
  StoryDraft,
  StoryEdit,
  StoryList,
  StoryOutcome,
  StoryView,
} from "@evident/domain/api";
import { optionsForTreatmentKind } from "@evident/domain/evidence";
import {
  type StoryLanguage,
  type StoryPatient,
  storyIdentifierIssues,
  storyInstruments,
  storyOrder,
  storyWords,
} from "@evident/domain/stories";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../audit";
import type { Db } from "../connect";
import { uuidv7 } from "../ids";
import { patients, staffUsers, treatments } from "../schema";
import { consents } from "../schema/consent";
import { stories } from "../schema/stories";
import { whereClinic } from "../tenancy";
import { clinicTimeZone } from "./clinics";
import { audit, auditedRead, inTx, patientInScope, type Scope, type Tx } from "./scope";

type StoryRow = typeof stories.$inferSelect;

/** The patient's story consent now standing (signed, not withdrawn), newest first; or null. */
async function standingConsent(tx: Executor, clinicId: string, patientId: string) {
  const [c] = await tx
    .select({ id: consents.id, version: consents.version })
    .from(consents)
    .where(
      and(
        eq(consents.clinicId, clinicId),
        eq(consents.patientId, patientId),
        eq(consents.purpose, "story"),
        isNull(consents.withdrawnAt),
      ),
    )
    .orderBy(desc(consents.signedAt))
    .limit(1);
  return c ?? null;
}

const noConsent = () =>
  conflict(
    "the patient has no story consent signed and not withdrawn: they sign it in the portal (or on paper, recorded by staff) first",
    "consent",
  );

/** The patient's own baseline and latest score per instrument beside each story, from their answers. */
async function outcomesOf(tx: Executor, clinicId: string, rows: readonly StoryRow[]) {
  const out = new Map<string, StoryOutcome[]>();
  if (rows.length === 0) return out;
  const timeZone = await clinicTimeZone(tx, clinicId);
  const answers = await tx.execute<{
    story_id: string;
    instrument: string;
    score: number;
    timepoint: string;
    completed_at: Date | string;
    baseline: boolean;
    before_treatment: boolean;
  }>(sql`
    select s.id as story_id, r.instrument, (r.score #>> '{}')::float8 as score, r.timepoint,
           r.completed_at, r.timepoint = 'baseline' as baseline,
           r.completed_at::date <= t.treatment_date as before_treatment
    from stories s
    join treatments t on t.id = s.treatment_id and t.clinic_id = s.clinic_id
    join questionnaire_responses r
      on r.clinic_id = s.clinic_id and r.patient_id = s.patient_id
     and r.superseded_at is null and r.score is not null
     and r.instrument in (${sql.join(
       storyInstruments.map((i) => sql`${i}`),
       sql`, `,
     )})
    left join follow_ups f on f.id = r.follow_up_id
    where s.clinic_id = ${clinicId}
      and s.id in (${sql.join(
        rows.map((r) => sql`${r.id}`),
        sql`, `,
      )})
      and ((r.timepoint = 'baseline' and (r.episode_id is null or r.episode_id = t.episode_id))
           or f.treatment_id = s.treatment_id)
    order by r.completed_at, r.id`);
  const score = (a: (typeof answers.rows)[number]) => ({
    score: Math.round(Number(a.score) * 10) / 10,
    timepoint: a.timepoint,
    on: localTime(new Date(a.completed_at), timeZone).date,
  });
  for (const s of rows)
    out.set(
      s.id,
      storyInstruments.map((instrument) => {
        const mine = answers.rows.filter((a) => a.story_id === s.id && a.instrument === instrument);
        const baselines = mine.filter((a) => a.baseline);
        // The newest baseline before the treatment; failing that, the newest at all.
        const baseline = baselines.filter((a) => a.before_treatment).at(-1) ?? baselines.at(-1);
        const latest = mine.filter((a) => !a.baseline).at(-1);
        return {
          instrument,
          baseline: baseline ? score(baseline) : null,
          latest: latest ? score(latest) : null,
        };
      }),
    );
  return out;
}

const drafter = alias(staffUsers, "drafter");
const approver = alias(staffUsers, "approver");

async function viewsOf(tx: Executor, clinicId: string, where: ReturnType<typeof and>): Promise<StoryView[]> {
  const rows = await tx
    .select({ s: stories, drafter: drafter.name, approver: approver.name })
    .from(stories)
    .leftJoin(drafter, eq(drafter.id, stories.draftedBy))
    .leftJoin(approver, eq(approver.id, stories.approvedBy))
    .where(and(eq(stories.clinicId, clinicId), where))
    .orderBy(asc(stories.draftedAt), asc(stories.id));
  const outcomes = await outcomesOf(
    tx,
    clinicId,
    rows.map((r) => r.s),
  );
  return rows.map(({ s, drafter: d, approver: a }) => ({
    id: s.id,
    patientId: s.patientId,
    treatmentId: s.treatmentId,
    treatmentKind: s.treatmentKind,
    language: s.language,
    text: s.text,
    status: s.status,
    draftedBy: s.draftedBy ? { id: s.draftedBy, name: d ?? "" } : null,
    draftedAt: s.draftedAt.toISOString(),
    approvedBy: s.approvedBy ? { id: s.approvedBy, name: a ?? "" } : null,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    withdrawnAt: s.withdrawnAt?.toISOString() ?? null,
    outcomes: outcomes.get(s.id) ?? [],
  }));
}

/** The patient's identifying details the text is checked against. */
async function storyPatient(tx: Executor, clinicId: string, patientId: string): Promise<StoryPatient> {
  const [p] = await tx
    .select({
      givenName: patients.givenName,
      familyName: patients.familyName,
      birthDate: patients.birthDate,
      email: patients.email,
      phone: patients.phone,
    })
    .from(patients)
    .where(and(eq(patients.clinicId, clinicId), eq(patients.id, patientId)));
  if (!p) throw notFound("patient");
  return p;
}

async function checkText(tx: Executor, clinicId: string, patientId: string, text: string) {
  const issues = storyIdentifierIssues(text, await storyPatient(tx, clinicId, patientId));
  if (issues.length > 0)
    throw unprocessable(issues, "The story could identify the patient: take out what is named below");
}

/**
 * Withdraws the patient's stories, in the transaction that withdraws their story consent: from that
 * moment none is shown or served. Each story's row stays, with an audit event saying why it went.
 */
export async function withdrawStories(tx: Tx, scope: Scope, patientId: string, consentId: string) {
  const gone = await tx
    .update(stories)
    .set({ status: "withdrawn", withdrawnAt: scope.now(), updatedAt: scope.now() })
    .where(
      and(
        whereClinic(stories, scope),
        eq(stories.patientId, patientId),
        sql`${stories.status} <> 'withdrawn'`,
      ),
    )
    .returning({ id: stories.id, status: stories.status, publishedAt: stories.publishedAt });
  for (const s of gone)
    await audit(tx, scope, {
      action: "withdraw",
      entityType: "story",
      entityId: s.id,
      patientId,
      detail: { reason: "story consent withdrawn", consentId, wasPublished: s.publishedAt !== null },
    });
  return gone.length;
}

export function storyRepository(db: Db, scope: Scope) {
  async function load(tx: Tx, storyId: string) {
    const [s] = await tx
      .select()
      .from(stories)
      .where(and(whereClinic(stories, scope), eq(stories.id, storyId)))
      .for("update");
    if (!s) throw notFound("story");
    await patientInScope(tx, scope, s.patientId, { lock: true });
    return s;
  }

  const one = async (tx: Executor, id: string) => {
    const [v] = await viewsOf(tx, scope.clinicId, eq(stories.id, id));
    if (!v) throw notFound("story");
    return v;
  };

  /** Staff draft a story for one of the patient's treatments. */
  async function draft(patientId: string, input: StoryDraft): Promise<StoryView> {
    return inTx(db, async (tx) => {
      await patientInScope(tx, scope, patientId, { lock: true });
      const [t] = await tx
        .select({ kind: treatments.kind })
        .from(treatments)
        .where(
          and(
            whereClinic(treatments, scope),
            eq(treatments.patientId, patientId),
            eq(treatments.id, input.treatmentId),
          ),
        );
      if (!t)
        throw unprocessable([{ path: "treatmentId", message: "is not one of this patient's treatments" }]);
      if (!(await standingConsent(tx, scope.clinicId, patientId))) throw noConsent();
      await checkText(tx, scope.clinicId, patientId, input.text);
      const id = uuidv7();
      const now = scope.now();
      await tx.insert(stories).values({
        id,
        clinicId: scope.clinicId,
        patientId,
        treatmentId: input.treatmentId,
        treatmentKind: t.kind,
        language: input.language,
        text: input.text,
        status: "draft",
        draftedBy: scope.actor.id,
        draftedAt: now,
        updatedAt: now,
      });
      await audit(tx, scope, {
        action: "draft",
        entityType: "story",
        entityId: id,
        patientId,
        detail: { treatmentId: input.treatmentId, treatmentKind: t.kind, language: input.language },
      });
      return one(tx, id);
    });
  }

  /** Staff change a story's text; a published story goes back to a draft, to be approved again. */
  async function edit(storyId: string, input: StoryEdit): Promise<StoryView> {
    return inTx(db, async (tx) => {
      const s = await load(tx, storyId);
      if (s.status === "withdrawn")
        throw conflict("was withdrawn with the patient's consent; it cannot be changed", "id");
      if (!(await standingConsent(tx, scope.clinicId, s.patientId))) throw noConsent();
      await checkText(tx, scope.clinicId, s.patientId, input.text);
      await tx
        .update(stories)
        .set({
          text: input.text,
          status: "draft",
          approvedBy: null,
          publishedAt: null,
          consentId: null,
          updatedAt: scope.now(),
        })
        .where(eq(stories.id, s.id));
      await audit(tx, scope, {
        action: "edit",
        entityType: "story",
        entityId: s.id,
        patientId: s.patientId,
        detail: { wasPublished: s.status === "published", before: s.text },
      });
      return one(tx, s.id);
    });
  }

  /**
   * A clinician approves a draft, which publishes it on the patient's standing story consent.
   * `mayApprove` is the caller's role check (domain/access: clinicians only), passed in so the
   * refusal is audited nowhere and changes nothing.
   */
  async function approve(storyId: string, mayApprove: boolean): Promise<StoryView> {
    if (!mayApprove) throw forbidden("Only a clinician may approve a patient's story for publication");
    return inTx(db, async (tx) => {
      const s = await load(tx, storyId);
      if (s.status !== "draft") throw conflict(`is ${s.status}, not a draft`, "id");
      const consent = await standingConsent(tx, scope.clinicId, s.patientId);
      if (!consent) throw noConsent();
      await checkText(tx, scope.clinicId, s.patientId, s.text);
      const now = scope.now();
      await tx
        .update(stories)
        .set({
          status: "published",
          approvedBy: scope.actor.id,
          publishedAt: now,
          consentId: consent.id,
          updatedAt: now,
        })
        .where(eq(stories.id, s.id));
      await audit(tx, scope, {
        action: "publish",
        entityType: "story",
        entityId: s.id,
        patientId: s.patientId,
        detail: { consentId: consent.id, consentVersion: consent.version, treatmentKind: s.treatmentKind },
      });
      return one(tx, s.id);
    });
  }

  /** The patient's stories (drafts, published, withdrawn) and whether their story consent stands. */
  async function list(patientId: string): Promise<StoryList> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        await patientInScope(tx, scope, patientId);
        return {
          items: await viewsOf(tx, scope.clinicId, eq(stories.patientId, patientId)),
          consented: (await standingConsent(tx, scope.clinicId, patientId)) !== null,
        };
      },
      () => ({ action: "read", entityType: "stories", patientId }),
    );
  }

  /**
   * The decision aid's stories: every published story at the clinic whose consent still stands,
   * whatever its result, in the stated order.
   */
  async function published(lang: StoryLanguage): Promise<DecisionAidStories> {
    return auditedRead(
      db,
      scope,
      async (tx) => {
        const rows = await tx
          .select({ s: stories })
          .from(stories)
          .innerJoin(consents, eq(consents.id, stories.consentId))
          .where(
            and(
              whereClinic(stories, scope),
              eq(stories.status, "published"),
              isNull(stories.withdrawnAt),
              isNull(consents.withdrawnAt),
            ),
          );
        const outcomes = await outcomesOf(
          tx,
          scope.clinicId,
          rows.map((r) => r.s),
        );
        const items: PublishedStory[] = rows.map(({ s }) => ({
          id: s.id,
          treatmentKind: s.treatmentKind,
          optionIds: optionsForTreatmentKind(s.treatmentKind as TreatmentKind).map((o) => o.optionId),
          language: s.language,
          text: s.text,
          publishedAt: (s.publishedAt ?? s.updatedAt).toISOString(),
          outcomes: outcomes.get(s.id) ?? [],
        }));
        return { rule: storyWords[lang].rule, label: storyWords[lang].label, items: storyOrder(items) };
      },
      (r) => ({ action: "read", entityType: "published-stories", detail: { stories: r.items.length } }),
    );
  }

  return { draft, edit, approve, list, published };
}

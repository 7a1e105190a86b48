/**
 * Storing a batch of questionnaire answers: the hot path of the portal and of staff entering
 * answers (see ./responses.ts for the rules). It is written for few round trips, since a
 * submission holds a pooled connection, and its clinic's audit chain, for as long as they take:
 *
 * 1. `begin`, the clinic's setting, the patient's row lock and one read — the follow-up answered
 *    (named, or the open one due soonest), what it already holds, the first episode, the staff
 *    member's name, whether the safety questions come first (portal) — in one round trip
 *    (`scopedTransaction`). The read is a statement of its own after the lock, so it sees a
 *    submission for the same patient that committed while this one waited. That round trip takes
 *    no parameters: its values are checked UUIDs and a date, written in.
 * 2. One write, a named statement (prepared once per connection): the answer sets, the draft
 *    deleted, the follow-up completed and its queued reminders withdrawn when this batch
 *    completes it; it returns which answers are late baselines.
 * 3. The clinic's audit chain: its lock and its head, in one round trip.
 * 4. One audit event per answer set, chained here (audit.ts `chainEvents`), inserted with `commit`
 *    in one round trip.
 *
 * The chain's lock is taken last because it is the one thing a clinic's submissions wait for
 * each other on: it is held for one round trip, the hashing and the commit, not for the whole
 * submission (taken first, the 4 clinics of `bench/submit.ts` spent most of their time waiting
 * for it). The summaries' queue is filled by the tables' triggers, as for every write. What the
 * answers looked like is known here, so nothing is read back to present them.
 */
import {
  badRequest,
  conflict,
  ErrorCode,
  EvidentError,
  type Issue,
  notFound,
  toIsoDate,
} from "@evident/domain";
import type { ResponseView } from "@evident/domain/api";
import { findInstrument, type scoreAnswers } from "@evident/domain/instruments";
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import {
  auditInsertStatement,
  type ChainHead,
  chainEvents,
  chainHeadStatement,
  chainLockStatement,
} from "../audit";
import { currentAuditKey } from "../audit-key";
import type { Db } from "../connect";
import { mapDbError } from "../errors";
import { uuidv7 } from "../ids";
import { isUuid, scopedTransaction } from "../tenancy";
import { withdrawalReasons } from "./outbox";
import { lateBaseline } from "./outcome-sql";
import { presentResponse, type ResponseRow } from "./response-views";
import { auditFor, type Scope } from "./scope";

export type Scored = ReturnType<typeof scoreAnswers>;

/** The follow-up as the read returns it (`row_to_json`). */
type FollowUpJson = {
  id: string;
  episode_id: string;
  timepoint: string;
  window_start: string;
  window_end: string;
  instruments: string[];
  completed_at: string | null;
  cancelled_at: string | null;
};

type ReadRow = {
  follow_up: FollowUpJson | null;
  answered: { instrument: string; completedAt: string; staff: string | null }[];
  first_episode: string | null;
  staff_name: string | null;
  safety_first: boolean;
};

/** A date as the read writes it in, checked first. */
const isoDate = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error("not a date");
  return d;
};

/**
 * The read, with its values written in: it goes in the round trip that begins the transaction and
 * takes the locks (which has no parameters), so every value is a checked UUID, date or boolean.
 */
function readStatement(v: {
  clinicId: string;
  patientId: string;
  followUpId: string | null;
  today: string;
  staffId: string | null;
  portal: boolean;
}): string {
  for (const x of [v.clinicId, v.patientId, v.followUpId, v.staffId])
    if (x !== null && !isUuid(x)) throw new Error("a UUID is needed here");
  const id = (x: string | null) => (x === null ? "null::uuid" : `'${x}'::uuid`);
  const [clinic, patient] = [id(v.clinicId), id(v.patientId)];
  const today = `'${isoDate(v.today)}'::date`;
  const which =
    v.followUpId === null
      ? `f.completed_at is null and f.cancelled_at is null and f.window_start <= ${today} and f.window_end >= ${today}`
      : `f.id = ${id(v.followUpId)}`;
  const safetyFirst = v.portal
    ? `not exists (select 1 from intakes i where i.clinic_id = ${clinic} and i.patient_id = ${patient})
       and not exists (select 1 from treatments t where t.clinic_id = ${clinic} and t.patient_id = ${patient})`
    : "false";
  return `with fu as (
    select f.id, f.episode_id, f.timepoint, f.window_start, f.window_end, f.instruments, f.completed_at, f.cancelled_at
      from follow_ups f
     where f.clinic_id = ${clinic} and f.patient_id = ${patient} and ${which}
     order by f.due_date limit 1)
  select (select row_to_json(fu) from fu) as follow_up,
         (select coalesce(json_agg(json_build_object('instrument', r.instrument, 'completedAt', r.completed_at, 'staff', s.name)), '[]'::json)
            from questionnaire_responses r left join staff_users s on s.id = r.entered_by
           where r.follow_up_id = (select fu.id from fu) and r.superseded_at is null) as answered,
         (select e.id from episodes e where e.clinic_id = ${clinic} and e.patient_id = ${patient}
           order by e.created_at limit 1) as first_episode,
         (select s.name from staff_users s where s.id = ${id(v.staffId)}) as staff_name,
         ${safetyFirst} as safety_first`;
}

const WRITE = {
  name: "evident-submit-write",
  text: `with ins as (
    insert into questionnaire_responses (id, clinic_id, patient_id, episode_id, follow_up_id, instrument,
        instrument_version, timepoint, answers, score, score_detail, completed_at, source, entered_by, created_at)
    select u.id, $1::uuid, $2::uuid, $3::uuid, $4::uuid, u.instrument, u.version, $5::text, u.answers::jsonb,
           u.score::jsonb, u.detail::jsonb, $6::timestamptz, $7::text, $8::uuid, $6::timestamptz
      from unnest($9::uuid[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
        as u(id, instrument, version, answers, score, detail)
    returning id, clinic_id, episode_id, timepoint, completed_at),
  drafts as (delete from response_drafts where clinic_id = $1::uuid and follow_up_id = $4::uuid),
  done as (
    update follow_ups set status = 'completed', completed_at = $6::timestamptz
     where $15::boolean and clinic_id = $1::uuid and id = $4::uuid returning id),
  withdrawn as (
    update outbox_messages m set status = 'withdrawn', withdrawn_at = $6::timestamptz, withdrawn_reason = $16::text
     where exists (select 1 from done) and m.status = 'pending'
       and m.id in (select c.outbox_message_id from follow_up_contacts c where c.follow_up_id = $4::uuid))
  select r.id, ${new PgDialect().sqlToQuery(lateBaseline("r")).sql} as late from ins r`,
};

/**
 * Refuses (409) answers to questionnaires the follow-up already holds, naming each by its place in
 * the submission, with when and by whom it was answered and what to do instead.
 */
function assertNotAnswered(answered: ReadRow["answered"], instruments: readonly string[]) {
  const issues = instruments.flatMap((id, i): Issue[] => {
    const h = answered.find((x) => x.instrument === id);
    if (!h) return [];
    const who = h.staff ? `entered by ${h.staff}` : "by the patient";
    return [
      {
        path: `responses.${i}.instrument`,
        message: `${findInstrument(id)?.shortTitle ?? id} was already answered for this follow-up on ${toIsoDate(new Date(h.completedAt))} (${who}); to change those answers, correct them`,
      },
    ];
  });
  if (issues.length === 0) return;
  throw new EvidentError(
    ErrorCode.conflict,
    issues.length === 1
      ? issues[0]!.message
      : `${issues.length} questionnaires were already answered for this follow-up`,
    issues,
  );
}

/** The follow-up the answers count for, checked as ./responses.ts describes; null if none. */
function targetFollowUp(read: ReadRow, named: boolean, today: string, instruments: readonly string[]) {
  const f = read.follow_up;
  if (!named) {
    if (f) assertNotAnswered(read.answered, instruments);
    return f;
  }
  if (!f) throw badRequest("no such follow-up for this patient", "followUpId");
  if (f.cancelled_at) throw badRequest("this follow-up was cancelled", "followUpId");
  assertNotAnswered(read.answered, instruments);
  if (f.completed_at) throw badRequest("this follow-up is already completed", "followUpId");
  if (today < f.window_start || today > f.window_end)
    throw badRequest(
      `this follow-up can be answered from ${f.window_start} to ${f.window_end}`,
      "followUpId",
    );
  return f;
}

/** Stores answers already scored (every check that needs no database done), as described above. */
export async function storeResponses(
  db: Db,
  scope: Scope,
  patientId: string,
  followUpId: string | undefined,
  scored: readonly Scored[],
  source: "portal" | "clinic",
): Promise<{ responses: ResponseView[]; followUpCompleted: boolean }> {
  if (!isUuid(patientId)) throw notFound("patient");
  if (followUpId !== undefined && !isUuid(followUpId))
    throw badRequest("no such follow-up for this patient", "followUpId");
  const now = scope.now();
  const enteredBy = source === "clinic" ? scope.actor.id : null;
  const lead = [
    `select 1 from patients where clinic_id = '${scope.clinicId}' and id = '${patientId}' for update`,
    readStatement({
      clinicId: scope.clinicId,
      patientId,
      followUpId: followUpId ?? null,
      today: toIsoDate(now),
      staffId: enteredBy,
      portal: source === "portal",
    }),
  ];
  try {
    return await scopedTransaction(db, lead, async (client, [lock, reading], commitWith) => {
      if (lock?.rowCount !== 1) throw notFound("patient");
      const instruments = scored.map((s) => s.instrument.id);
      const read = reading!.rows[0] as ReadRow;
      if (read.safety_first)
        throw conflict(
          "the safety questions come first: answer them (POST /portal/intake) before any questionnaire",
          "responses",
        );
      const followUp = targetFollowUp(read, followUpId !== undefined, toIsoDate(now), instruments);
      const held = new Set([...read.answered.map((a) => a.instrument), ...instruments]);
      const completes = followUp?.instruments.every((i) => held.has(i)) ?? false;
      const stored: ResponseRow[] = scored.map((s) => ({
        id: uuidv7(),
        clinicId: scope.clinicId,
        patientId,
        episodeId: followUp?.episode_id ?? read.first_episode,
        followUpId: followUp?.id ?? null,
        instrument: s.instrument.id,
        instrumentVersion: s.instrument.version,
        timepoint: followUp?.timepoint ?? "unscheduled",
        answers: s.answers,
        score: s.result.score,
        scoreDetail: {
          ...(s.result.extras ?? {}),
          ...(s.result.reason ? { reason: s.result.reason } : {}),
        },
        completedAt: now,
        source,
        enteredBy,
        createdAt: now,
        supersedesId: null,
        correctionReason: null,
        supersededAt: null,
      }));
      const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
      const written = await client.query<{ id: string; late: boolean }>(WRITE, [
        scope.clinicId,
        patientId,
        stored[0]?.episodeId ?? null,
        followUp?.id ?? null,
        stored[0]?.timepoint ?? "unscheduled",
        now.toISOString(),
        source,
        enteredBy,
        stored.map((r) => r.id),
        stored.map((r) => r.instrument),
        stored.map((r) => r.instrumentVersion),
        stored.map((r) => json(r.answers)),
        stored.map((r) => json(r.score)),
        stored.map((r) => json(r.scoreDetail)),
        completes,
        withdrawalReasons.completed,
      ]);
      // The chain's lock, last: held only for reading its head, hashing here and the append
      // that goes with `commit`.
      const [, head] = (await client.query(
        `${chainLockStatement(scope.clinicId)}; ${chainHeadStatement(scope.clinicId)}`,
      )) as unknown as pg.QueryResult<NonNullable<ChainHead>>[];
      const events = chainEvents(
        currentAuditKey(),
        head?.rows[0] ?? null,
        stored.map((r) =>
          auditFor(scope, {
            action: "create",
            entityType: "questionnaire-response",
            entityId: r.id,
            patientId,
            detail: { instrument: r.instrument, timepoint: r.timepoint, source },
          }),
        ),
      );
      await commitWith([auditInsertStatement(events, (v) => client.escapeLiteral(v))]);
      const late = new Set(written.rows.filter((r) => r.late).map((r) => r.id));
      const staff = enteredBy ? { id: enteredBy, name: read.staff_name ?? "" } : null;
      return {
        responses: stored.map((r) =>
          presentResponse(r, [], { enteredBy: staff, lateBaseline: late.has(r.id) }),
        ),
        followUpCompleted: completes,
      };
    });
  } catch (e) {
    throw mapDbError(e);
  }
}

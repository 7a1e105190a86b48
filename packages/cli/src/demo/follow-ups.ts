/**
 * Follow-ups and their answers. Whether and when a follow-up is answered follows real registries:
 * most answers come within days of the due date (reminders go out then), later follow-ups are
 * missed more often, and so are those of patients who are not improving, plus a per-patient
 * tendency to answer. Nothing happens on or after `today`: a window still open today is simply
 * not answered yet. Every questionnaire of the follow-up (the demo clinics' plan is the default
 * plan) is answered, and scored by the instrument library (answers.ts, answers-profiles.ts), at
 * the patient's course on the day of answering.
 */
import { defaultPlan, instrumentsAt } from "@evident/domain/pathway/plan";
import type { TimepointId } from "@evident/domain/pathway/schedule";
import {
  nrsBackAnswers,
  nrsLegAnswers,
  odiAnswers,
  pegAnswers,
  pgicAnswers,
  type ScoredAnswers,
  startBackAnswers,
} from "./answers";
import { eq5dAnswers, promis29Answers } from "./answers-profiles";
import { DAY_MS, dayOf, scheduleFor, timeOfDay } from "./days";
import type { Random } from "./random";
import type { FollowUpRow, RegistryRows, ResponseRow, TreatmentRow } from "./rows";
import { type Course, nrsAt, nrsLegAt, odiAt, relativeImprovement } from "./trajectories";

/** What each timepoint asks under the demo clinics' plan (computed once). */
const planned = new Map<string, readonly string[]>();
export function plannedAt(timepoint: TimepointId): readonly string[] {
  let list = planned.get(timepoint);
  if (!list) {
    list = instrumentsAt(defaultPlan, timepoint);
    planned.set(timepoint, list);
  }
  return list;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Logit of answering, by timepoint: engagement wanes as months pass. */
const answerLogit: Readonly<Record<string, number>> = {
  "2w": 1.7,
  "6w": 1.4,
  "3m": 1.1,
  "6m": 0.8,
  "12m": 0.5,
  "24m": 0.3,
};

/** Schedules a treatment's follow-ups and answers those the patient answered before today. */
export function scheduleAndAnswer(
  rng: Random,
  out: RegistryRows,
  todayDay: number,
  course: Course,
  tr: TreatmentRow,
  enrolDay: number,
  engagement: number,
  alwaysAnswer: boolean,
  /** A later treatment in the episode: follow-ups due from its day on are cancelled. */
  endedBy: { day: number; at: number } | null,
): void {
  for (const s of scheduleFor(tr.treatmentDate)) {
    const f: FollowUpRow = {
      id: rng.uuid(tr.createdAt),
      clinicId: tr.clinicId,
      patientId: tr.patientId,
      episodeId: tr.episodeId,
      treatmentId: tr.id,
      timepoint: s.timepoint,
      dueDate: s.dueDate,
      windowStart: s.windowStart,
      windowEnd: s.windowEnd,
      instruments: plannedAt(s.timepoint),
      status: "scheduled",
      completedAt: null,
      cancelledAt: null,
      createdAt: tr.createdAt,
    };
    out.followUps.push(f);
    const due = dayOf(s.dueDate);
    if (endedBy && due >= endedBy.day) {
      f.status = "cancelled";
      f.cancelledAt = endedBy.at;
      continue;
    }
    const start = dayOf(s.windowStart);
    const end = dayOf(s.windowEnd);
    if (start >= todayDay) continue; // upcoming: nothing can have happened yet
    // Answering depends on how the patient is doing when the questionnaire arrives.
    const p = sigmoid(
      (answerLogit[s.timepoint] ?? 1) + engagement + 2 * (relativeImprovement(course, due - enrolDay) - 0.25),
    );
    const willAnswer = alwaysAnswer || rng.chance(p);
    const half = (end - start) / 2;
    // Reminders go out at the due date: a few answer early, most within days after it.
    const offset = rng.chance(0.25)
      ? -rng.int(0, Math.floor(half / 2))
      : Math.round(-Math.log(1 - rng.next()) * (half / 3));
    const day = Math.min(end, Math.max(start, due + offset));
    if (!willAnswer || day >= todayDay || (endedBy && day >= endedBy.day)) continue;
    if (alwaysAnswer && end >= todayDay) continue; // leave the open one for the portal
    answer(rng, out, course, f, day * DAY_MS + timeOfDay(rng, 7, 22), enrolDay);
  }
}

const answerer: Readonly<Record<string, (rng: Random, c: Course, day: number) => ScoredAnswers>> = {
  odi: (rng, c, day) => odiAnswers(rng, odiAt(c, day)),
  nrs_back: (rng, c, day) => nrsBackAnswers(rng, nrsAt(c, day)),
  nrs_leg: (rng, c, day) => nrsLegAnswers(rng, nrsLegAt(c, day)),
  peg: (rng, c, day) => pegAnswers(rng, nrsAt(c, day), odiAt(c, day), c.distress),
  pgic: (rng, c, day) => pgicAnswers(rng, relativeImprovement(c, day)),
  startback: (rng, c, day) => startBackAnswers(rng, nrsAt(c, day), odiAt(c, day), c.legShare, c.distress),
  promis29: (rng, c, day) => promis29Answers(rng, nrsAt(c, day), odiAt(c, day), c.distress),
  eq5d5l: (rng, c, day) => eq5dAnswers(rng, nrsAt(c, day), odiAt(c, day), c.distress),
};

/** Answers every instrument of a follow-up at one instant and marks it completed. */
export function answer(
  rng: Random,
  out: RegistryRows,
  course: Course,
  f: FollowUpRow,
  at: number,
  enrolDay: number,
): void {
  const day = Math.floor(at / DAY_MS) - enrolDay;
  for (const instrument of f.instruments) {
    const a = answerer[instrument]?.(rng, course, day);
    if (!a) throw new Error(`the demo generator cannot answer the instrument "${instrument}"`);
    const row: ResponseRow = {
      id: rng.uuid(at),
      clinicId: f.clinicId,
      patientId: f.patientId,
      episodeId: f.episodeId,
      followUpId: f.id,
      instrument: a.instrument,
      instrumentVersion: a.version,
      timepoint: f.timepoint,
      answers: a.answers,
      score: a.score,
      scoreDetail: a.detail,
      completedAt: at,
      createdAt: at,
    };
    out.responses.push(row);
  }
  f.status = "completed";
  f.completedAt = at;
}

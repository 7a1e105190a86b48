/**
 * One synthetic patient's rows, written the way the app writes them: the patient and episode with
 * a baseline follow-up (repos/patients.ts), treatments with their scheduled follow-ups and an
 * unanswered baseline's window closed at the treatment date (repos/treatments.ts), answers stored
 * verbatim with the instrument version and the library's score (repos/responses.ts, here via
 * follow-ups.ts), adverse events, a portal account, and the safety questions asked at the desk
 * before the baseline (see `intakeAtEnrolment`). Some patients whose first, non-surgical
 * treatment fails have an operation months later, with its own follow-ups. Last come the
 * invitations, reminders and "call the patient" tasks the daily contacts job would have made
 * (contacts.ts), and the candidacy assessment or override a cell therapy or PRP rests on
 * (candidacy.ts).
 *
 * Pure: the same stream and context give the same rows.
 */
import { BASELINE_WINDOW_DAYS } from "@evident/db";
import { type Condition, type TreatmentKind, treatmentKind } from "@evident/domain";
import {
  type BooleanAnswerId,
  booleanAnswerIds,
  evaluateTriage,
  parseIntakeAnswers,
  type YesNoAnswer,
} from "@evident/domain/triage";
import { addCandidacy } from "./candidacy";
import { addCareExtras } from "./care-extras";
import {
  conditionProfiles,
  conditionWeights,
  drawAdverseEvent,
  legShareByCondition,
  spinalLevelsFor,
  treatmentDelay,
  treatmentDetails,
  usualOdiByCategory,
} from "./case-mix";
import { addContactHistory } from "./contacts";
import { DAY_MS, dayOf, isoDay, timeOfDay } from "./days";
import { answer, plannedAt, scheduleAndAnswer } from "./follow-ups";
import { birthDayFor, drawPerson, drawSex, type Person } from "./people";
import type { Random } from "./random";
import type {
  AccountRow,
  AdverseEventRow,
  EpisodeRow,
  FollowUpRow,
  PatientRow,
  RegistryRows,
  TreatmentRow,
} from "./rows";
import { drawCourse, drawImprovement, procedureEffects } from "./trajectories";

/** How far back enrolment goes: about two and a half years. */
export const ENROLMENT_DAYS = 912;

export type ClinicContext = {
  id: string;
  /** As patients read it in the clinic's e-mails. */
  name: string;
  /** The number the clinic's e-mails tell patients to call in an emergency. */
  emergencyNumber: string;
  mrnPrefix: string;
  /** Who registers patients (the coordinator) and who records treatments (a clinician). */
  registrarId: string;
  clinicianId: string;
  clinicianName: string;
  /** The clinic's IANA time zone: local dates (candidacy sign-offs) are read in it. */
  timeZone: string;
};

export type PatientContext = {
  todayDay: number;
  /**
   * This patient's place in the registry (0-based) and the registry's size: enrolment dates follow
   * it, so medical record numbers rise with the enrolment date, as in a real clinic (and ids come
   * roughly in order, which keeps the database's indexes compact).
   */
  index: number;
  count: number;
  clinic: ClinicContext;
  /** The argon2 hash given to every activated demo portal account (the demo password). */
  portalPasswordHash: string;
  /** The app's public address, for the links in the follow-up e-mails. */
  baseUrl: string;
};

/** Fixes parts of a patient: used for the portal demo patient, who must have something due today. */
export type PatientOverrides = {
  person?: Person;
  condition?: Condition;
  enrolDay?: number;
  firstTreatment?: { kind: TreatmentKind; day: number };
  portal?: "activated";
  /** Answers every follow-up whose window has closed; leaves the open ones for the portal. */
  alwaysAnswer?: boolean;
  /** The showcase serious, unexpected adverse event after the treatment (care-extras.ts). */
  seriousUnexpectedEvent?: boolean;
  /** A problem reported yesterday, still open on the worklist (care-extras.ts). */
  openProblemReport?: boolean;
};

export function buildPatient(
  rng: Random,
  ctx: PatientContext,
  out: RegistryRows,
  o: PatientOverrides = {},
): void {
  const { todayDay, clinic } = ctx;
  const firstTreatmentRow = out.treatments.length;
  const firstFollowUpRow = out.followUps.length;
  const firstResponseRow = out.responses.length;
  const condition = o.condition ?? rng.weighted(conditionWeights);
  const profile = conditionProfiles[condition];
  const sex = o.person?.sex ?? drawSex(rng);
  const n = ctx.index + 1;
  const person = o.person ?? drawPerson(rng, sex, n);
  const position = (ctx.index + rng.next()) / ctx.count;
  const enrolDay = o.enrolDay ?? todayDay - ENROLMENT_DAYS + Math.floor(position * ENROLMENT_DAYS);
  const enrolAt = enrolDay * DAY_MS + timeOfDay(rng, 8, 16);
  const age = Math.round(Math.min(88, Math.max(19, rng.normal(profile.age, 12))));

  const patientId = rng.uuid(enrolAt);
  const patient: PatientRow = {
    id: patientId,
    clinicId: clinic.id,
    givenName: person.givenName,
    familyName: person.familyName,
    birthDate: isoDay(birthDayFor(rng, age, enrolDay)),
    sex: person.sex,
    email: person.email,
    phone: person.phone,
    mrn: `${clinic.mrnPrefix}-${String(n).padStart(6, "0")}`,
    createdBy: clinic.registrarId,
    createdAt: enrolAt,
  };
  out.patients.push(patient);

  const levels = spinalLevelsFor(rng, condition);
  const episode: EpisodeRow = {
    id: rng.uuid(enrolAt),
    clinicId: clinic.id,
    patientId,
    condition,
    spinalLevels: levels,
    // Chronic pain: symptoms for 3 months to many years before referral.
    onsetDate: rng.chance(0.9)
      ? isoDay(enrolDay - Math.round(90 * Math.exp(Math.abs(rng.normal(0, 1.1)))))
      : null,
    createdAt: enrolAt,
  };
  out.episodes.push(episode);

  const firstKind =
    o.firstTreatment?.kind ?? rng.weighted(profile.treatments as Record<TreatmentKind, number>);
  const category = treatmentKind(firstKind)?.category ?? "other";
  const firstDay = o.firstTreatment?.day ?? enrolDay + treatmentDelay(rng, category);
  const course = drawCourse(
    rng,
    usualOdiByCategory[category],
    profile.prognosis,
    legShareByCondition[condition],
  );
  const engagement = o.alwaysAnswer ? 4 : rng.normal(0, 1);
  const treated = firstDay < todayDay;

  // Baseline: answered at enrolment (mostly in clinic, sometimes a few days later at home).
  const baseline: FollowUpRow = {
    id: rng.uuid(enrolAt),
    clinicId: clinic.id,
    patientId,
    episodeId: episode.id,
    treatmentId: null,
    timepoint: "baseline",
    dueDate: isoDay(enrolDay),
    windowStart: isoDay(enrolDay),
    windowEnd: isoDay(enrolDay + BASELINE_WINDOW_DAYS),
    instruments: plannedAt("baseline"),
    status: "scheduled",
    completedAt: null,
    cancelledAt: null,
    createdAt: enrolAt,
  };
  out.followUps.push(baseline);
  const baselineDay = rng.chance(0.85) ? enrolDay : enrolDay + rng.int(1, 5);
  if ((o.alwaysAnswer || rng.chance(0.95)) && baselineDay < todayDay && baselineDay <= firstDay) {
    const at =
      baselineDay === enrolDay
        ? enrolAt + rng.int(10, 50) * 60_000
        : baselineDay * DAY_MS + timeOfDay(rng, 7, 22);
    answer(rng, out, course, baseline, at, enrolDay);
  } else if (treated && firstDay < enrolDay + BASELINE_WINDOW_DAYS) {
    baseline.windowEnd = isoDay(firstDay);
  }

  if (treated) {
    const tr = recordTreatment(rng, out, ctx, episode, firstKind, firstDay, levels);
    course.effects.push({ day: firstDay - enrolDay, ...procedureEffects[firstKind] });

    // A failed non-surgical treatment sometimes ends in an operation months later.
    let second: { row: TreatmentRow; day: number } | null = null;
    if (
      profile.laterSurgery &&
      category !== "surgery" &&
      course.improvement < 0.12 &&
      !o.alwaysAnswer &&
      rng.chance(0.3)
    ) {
      const day = firstDay + rng.int(120, 300);
      if (day < todayDay) {
        const kind = profile.laterSurgery;
        course.surgery = { day: day - enrolDay, ...laterCourse(rng) };
        course.effects.push({ day: day - enrolDay, ...procedureEffects[kind] });
        second = { row: recordTreatment(rng, out, ctx, episode, kind, day, levels), day };
      }
    }
    // Follow-ups are answered with the course as it is on the day, whichever treatment they follow;
    // an operation ends the first treatment's follow-up, as recording it does in the app.
    const end = second ? { day: second.day, at: second.row.createdAt } : null;
    scheduleAndAnswer(rng, out, todayDay, course, tr, enrolDay, engagement, o.alwaysAnswer === true, end);
    if (second) scheduleAndAnswer(rng, out, todayDay, course, second.row, enrolDay, engagement, false, null);
  }

  let account: AccountRow | null = null;
  if (person.email) {
    const activated = o.portal === "activated" || rng.chance(0.4);
    if (activated || rng.chance(0.1)) {
      const createdAt = enrolAt + rng.int(5, 30) * 60_000;
      const activatedDay = enrolDay + (o.portal ? 0 : rng.int(0, 10));
      const on = activated && activatedDay < todayDay;
      account = {
        id: rng.uuid(createdAt),
        clinicId: clinic.id,
        patientId,
        email: person.email,
        passwordHash: on ? ctx.portalPasswordHash : null,
        activatedAt: on ? Math.max(createdAt + 60_000, activatedDay * DAY_MS + timeOfDay(rng, 7, 22)) : null,
        createdAt,
      };
      out.accounts.push(account);
    }
  }
  // Drawn last, so the draws above (and every demo figure they make) do not depend on it.
  intakeAtEnrolment(rng, ctx, out, { patientId, enrolDay, enrolAt, age, onsetDate: episode.onsetDate });
  addCareExtras(rng, ctx, out, {
    patientId,
    givenName: person.givenName,
    familyName: person.familyName,
    levels,
    enrolDay,
    treatments: out.treatments.slice(firstTreatmentRow),
    seriousUnexpectedEvent: o.seriousUnexpectedEvent === true,
    openProblemReport: o.openProblemReport === true,
  });
  addContactHistory(rng, ctx, out, { followUps: out.followUps.slice(firstFollowUpRow), account });
  // Last of all: the candidacy assessments its cell therapies or PRP rest on (candidacy.ts).
  // Only this patient's answers are searched: the whole batch's would make a batch quadratic.
  const answered = (instrument: string) => {
    const r = out.responses
      .slice(firstResponseRow)
      .find((x) => x.followUpId === baseline.id && x.instrument === instrument);
    return typeof r?.score === "number" ? r.score : null;
  };
  addCandidacy(rng, ctx, out, {
    episode,
    intake: out.intakes.at(-1)!,
    treatments: out.treatments.slice(firstTreatmentRow),
    baseline: { nrs: answered("nrs_back"), odi: answered("odi") },
  });
}

/**
 * Occasional flags a chronic back-pain clinic sees at intake, each answer set's share: a few yes
 * answers, and a "not sure" (a patient who does not know whether a past course of tablets was a
 * steroid). Every other question is answered no: an intake answers every question.
 */
const demoFlags: readonly { share: number; answers: Partial<Record<BooleanAnswerId, true | "unsure">> }[] = [
  { share: 0.05, answers: { morningStiffnessOver30Min: true, improvesWithExercise: true } },
  { share: 0.04, answers: { nightPainAtRest: true } },
  { share: 0.03, answers: { osteoporosis: true } },
  { share: 0.02, answers: { cancerHistory: true } },
  { share: 0.02, answers: { longTermSteroids: "unsure" } },
];

/**
 * The safety questions, asked first: entered by the coordinator at the desk a few minutes after
 * registration, before the baseline questionnaires (the app's rule: red flags first). The tier
 * and flags are the real rules' verdict on the answers. A flagged intake was reviewed by the
 * clinician at the first visit, so no demo patient is held.
 */
function intakeAtEnrolment(
  rng: Random,
  ctx: PatientContext,
  out: RegistryRows,
  p: { patientId: string; enrolDay: number; enrolAt: number; age: number; onsetDate: string | null },
): void {
  const weeks = p.onsetDate
    ? Math.max(13, Math.round((p.enrolDay - dayOf(p.onsetDate)) / 7))
    : rng.int(26, 260);
  const answers: Record<string, number | YesNoAnswer> = {
    age: p.age,
    painDurationWeeks: weeks,
    ...Object.fromEntries(booleanAnswerIds.map((id) => [id, false])),
  };
  const draw = rng.next();
  let cumulative = 0;
  for (const f of demoFlags) {
    cumulative += f.share;
    if (draw < cumulative && p.enrolDay < ctx.todayDay) {
      Object.assign(answers, f.answers);
      break;
    }
  }
  const result = evaluateTriage(parseIntakeAnswers(answers));
  const submittedAt = p.enrolAt + 5 * 60_000;
  const flagged = result.tier !== "none";
  out.intakes.push({
    id: rng.uuid(submittedAt),
    clinicId: ctx.clinic.id,
    patientId: p.patientId,
    answers,
    rulesVersion: result.rulesVersion,
    tier: result.tier,
    flags: result.flags.map((f) => f.id),
    flagDetails: result.flags,
    submittedBy: ctx.clinic.registrarId,
    submittedAt,
    reviewedAt: flagged ? submittedAt + rng.int(60, 180) * 60_000 : null,
    reviewedBy: flagged ? ctx.clinic.clinicianId : null,
    reviewNote: flagged ? "Seen at the first visit: no sign of serious disease." : null,
  });
}

/** After a failed first treatment, an operation's own course (responders a little less often). */
function laterCourse(rng: Random): { improvement: number; courseDays: number } {
  return { improvement: drawImprovement(rng, -0.05).improvement, courseDays: rng.uniform(30, 90) };
}

function recordTreatment(
  rng: Random,
  out: RegistryRows,
  ctx: PatientContext,
  episode: EpisodeRow,
  kind: TreatmentKind,
  day: number,
  levels: EpisodeRow["spinalLevels"],
): TreatmentRow {
  const at = day * DAY_MS + timeOfDay(rng, 8, 18);
  const row: TreatmentRow = {
    id: rng.uuid(at),
    clinicId: ctx.clinic.id,
    patientId: episode.patientId,
    episodeId: episode.id,
    kind,
    treatmentDate: isoDay(day),
    details: treatmentDetails(rng, kind, levels),
    candidacy: null,
    recordedBy: ctx.clinic.clinicianId,
    createdAt: at,
  };
  out.treatments.push(row);
  const ae = drawAdverseEvent(rng, kind);
  if (ae && day + ae.daysAfter < ctx.todayDay) {
    const onset = day + ae.daysAfter;
    const recordedDay = Math.min(ctx.todayDay - 1, onset + rng.int(0, 3));
    const recordedAt = Math.max(at + 3_600_000, recordedDay * DAY_MS + timeOfDay(rng, 8, 18));
    const event: AdverseEventRow = {
      id: rng.uuid(recordedAt),
      clinicId: ctx.clinic.id,
      patientId: episode.patientId,
      treatmentId: row.id,
      kind: ae.kind,
      onsetDate: isoDay(onset),
      severity: ae.severity,
      serious: ae.serious,
      description: ae.description,
      createdAt: recordedAt,
    };
    out.adverseEvents.push(event);
  }
  return row;
}

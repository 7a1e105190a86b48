/**
 * The data-quality rules (./rules.ts) applied to one patient's record: every rule looks within a
 * patient, so a clinic is checked a batch of patients at a time whatever its size. Each rule is
 * the existing definition applied, never a copy: follow-up status from `followUpStatus`, the
 * contact rules' escalation day, the late baseline, the windows' `completedInWindow`, the
 * instruments' items and ranges. Superseded answers (corrected) are left out, as the outcomes
 * leave them out.
 */
import { isSurgery } from "../catalogue/treatments";
import { addDays, type IsoDate } from "../dates";
import { findInstrument } from "../instruments";
import { escalateAfterDays } from "../pathway/contacts";
import { BASELINE_LOOKBACK_DAYS, isLateBaseline } from "../pathway/late-baseline";
import { completedInWindow } from "../pathway/reschedule";
import { followUpStatus, timepointLabel } from "../pathway/schedule";
import { localTime } from "../time-zone";
import { IMPLAUSIBLE_CHANGE_SHARE, type QualityFinding, type QualityRuleId } from "./rules";

export type QualityPatient = {
  id: string;
  birthDate: IsoDate;
  episodes: readonly { id: string; onsetDate: IsoDate | null }[];
  treatments: readonly { id: string; episodeId: string; kind: string; date: IsoDate; recordedAt: Date }[];
  followUps: readonly {
    id: string;
    treatmentId: string | null;
    timepoint: string;
    windowStart: IsoDate;
    windowEnd: IsoDate;
    completedAt: Date | null;
    cancelledAt: Date | null;
    /** An invitation or reminder recorded (follow_up_contacts), or a call task opened for it. */
    contacted: boolean;
  }[];
  responses: readonly {
    id: string;
    episodeId: string | null;
    followUpId: string | null;
    instrument: string;
    timepoint: string;
    answers: Readonly<Record<string, unknown>>;
    score: number | null;
    completedAt: Date;
    superseded: boolean;
  }[];
};

export type QualityContext = { today: IsoDate; timeZone: string };

type Response = QualityPatient["responses"][number];
type Emit = (rule: QualityRuleId, recordType: QualityFinding["recordType"], id: string, note: string) => void;

const byTime = (a: Response, b: Response) =>
  a.completedAt.getTime() - b.completedAt.getTime() || a.id.localeCompare(b.id);
const day = (r: Response) => r.completedAt.toISOString().slice(0, 10);
const titleOf = (instrument: string) => findInstrument(instrument)?.shortTitle ?? instrument;

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
  return out;
}

/** Every finding of every rule in one patient's record. */
export function checkPatient(p: QualityPatient, ctx: QualityContext): QualityFinding[] {
  const found: QualityFinding[] = [];
  // One finding per rule and record: a record wrong in two ways for one rule says both.
  const emit: Emit = (rule, recordType, recordId, note) => {
    const same = found.find((f) => f.rule === rule && f.recordId === recordId);
    if (same) same.note = `${same.note}; ${note}`;
    else found.push({ rule, recordType, recordId, patientId: p.id, note });
  };
  const current = p.responses.filter((r) => !r.superseded).sort(byTime);
  const firstTreatment = new Map<string, IsoDate>();
  for (const t of p.treatments) {
    const seen = firstTreatment.get(t.episodeId);
    if (!seen || t.date < seen) firstTreatment.set(t.episodeId, t.date);
  }
  const late = (r: Response) =>
    isLateBaseline(r, r.episodeId ? (firstTreatment.get(r.episodeId) ?? null) : null, ctx.timeZone);

  missingRequired(current, emit);
  for (const r of current)
    if (late(r))
      emit(
        "baseline-after-treatment",
        "response",
        r.id,
        `${titleOf(r.instrument)} baseline answered ${day(r)}, first treatment ${r.episodeId ? firstTreatment.get(r.episodeId) : ""}`,
      );
  outsideWindow(p, current, emit);
  duplicates(current, emit);
  implausible(current, emit);
  withoutBaseline(p, current, late, ctx, emit);
  contradictoryDates(p, emit);
  overdue(p, ctx, emit);
  lost(p, ctx, emit);
  return found;
}

function missingRequired(current: readonly Response[], emit: Emit) {
  for (const r of current) {
    const def = findInstrument(r.instrument);
    if (!def) continue;
    const blank = def.items.filter((i) => !i.optional && (r.answers[i.id] ?? null) === null);
    if (blank.length > 0)
      emit(
        "missing-required-answers",
        "response",
        r.id,
        `${def.shortTitle} at ${timepointLabel(r.timepoint).toLowerCase()} on ${day(r)}: ${blank.length} of ${def.items.length} questions unanswered`,
      );
  }
}

function outsideWindow(p: QualityPatient, current: readonly Response[], emit: Emit) {
  const followUps = new Map(p.followUps.map((f) => [f.id, f]));
  for (const r of current) {
    const f = r.followUpId ? followUps.get(r.followUpId) : undefined;
    // A baseline answered late is its own rule; its window closes on the treatment day.
    if (!f || f.timepoint === "baseline" || completedInWindow(r.completedAt, f)) continue;
    emit(
      "answer-outside-window",
      "response",
      r.id,
      `${titleOf(r.instrument)} for ${timepointLabel(f.timepoint).toLowerCase()} answered ${day(r)}, window ${f.windowStart} to ${f.windowEnd}`,
    );
  }
}

function duplicates(current: readonly Response[], emit: Emit) {
  const groups = groupBy(current, (r) =>
    [r.followUpId ?? `${r.episodeId}:${r.timepoint}`, r.instrument].join("|"),
  );
  for (const rs of groups.values())
    for (const r of rs.slice(1))
      emit(
        "duplicate-answers",
        "response",
        r.id,
        `${titleOf(r.instrument)} at ${timepointLabel(r.timepoint).toLowerCase()} on ${day(r)}: answer ${rs.indexOf(r) + 1} of ${rs.length}`,
      );
}

function implausible(current: readonly Response[], emit: Emit) {
  const scored = current.filter((r) => typeof r.score === "number");
  for (const rs of groupBy(scored, (r) => `${r.episodeId}|${r.instrument}`).values()) {
    const def = findInstrument(rs[0]?.instrument ?? "");
    if (!def) continue;
    const { min, max } = def.scoreRange;
    let previous: Response | null = null;
    for (const r of rs) {
      const score = r.score as number;
      if (score < min || score > max)
        emit("implausible-change", "response", r.id, `${def.shortTitle} ${score} is outside ${min}–${max}`);
      else if (
        previous &&
        Math.abs(score - (previous.score as number)) >= IMPLAUSIBLE_CHANGE_SHARE * (max - min)
      )
        emit(
          "implausible-change",
          "response",
          r.id,
          `${def.shortTitle} went from ${previous.score} to ${score} by ${day(r)} (range ${min}–${max})`,
        );
      previous = r;
    }
  }
}

function withoutBaseline(
  p: QualityPatient,
  current: readonly Response[],
  late: (r: Response) => boolean,
  ctx: QualityContext,
  emit: Emit,
) {
  const usable = current.filter((r) => r.score !== null && !late(r));
  for (const t of p.treatments) {
    if (t.date > ctx.today) continue;
    const from = addDays(t.date, -BASELINE_LOOKBACK_DAYS);
    const has = usable.some((r) => {
      if (r.episodeId !== t.episodeId) return false;
      const day = localTime(r.completedAt, ctx.timeZone).date;
      return day >= from && day <= t.date;
    });
    if (!has)
      emit("treatment-without-baseline", "treatment", t.id, `${t.kind.replaceAll("_", " ")} on ${t.date}`);
  }
}

function contradictoryDates(p: QualityPatient, emit: Emit) {
  const onset = new Map(p.episodes.map((e) => [e.id, e.onsetDate]));
  const treatedFirst = [...p.treatments].sort((a, b) => a.date.localeCompare(b.date))[0];
  if (treatedFirst && p.birthDate > treatedFirst.date)
    emit("contradictory-dates", "patient", p.id, `born ${p.birthDate}, treated ${treatedFirst.date}`);
  for (const e of p.episodes)
    if (e.onsetDate && e.onsetDate < p.birthDate)
      emit("contradictory-dates", "patient", p.id, `pain began ${e.onsetDate}, before birth ${p.birthDate}`);
  for (const t of p.treatments) {
    const began = onset.get(t.episodeId);
    if (began && t.date < began)
      emit("contradictory-dates", "treatment", t.id, `treated ${t.date}, before the pain began ${began}`);
    if (!isSurgery(t.kind)) continue;
    // Recorded after another treatment of the episode, as what followed it, yet dated before it.
    const followed = p.treatments.find(
      (o) => o.episodeId === t.episodeId && o.id !== t.id && o.recordedAt < t.recordedAt && o.date > t.date,
    );
    if (followed)
      emit(
        "contradictory-dates",
        "treatment",
        t.id,
        `${t.kind} dated ${t.date}, before the ${followed.kind.replaceAll("_", " ")} of ${followed.date} it follows`,
      );
  }
}

function overdue(p: QualityPatient, ctx: QualityContext, emit: Emit) {
  for (const f of p.followUps) {
    const status = followUpStatus(f, ctx.today);
    if (status !== "open" && status !== "missed") continue;
    if (f.contacted || ctx.today < addDays(f.windowStart, escalateAfterDays)) continue;
    emit(
      "overdue-without-contact",
      "follow-up",
      f.id,
      `${timepointLabel(f.timepoint)} follow-up, window opened ${f.windowStart}, never contacted`,
    );
  }
}

function lost(p: QualityPatient, ctx: QualityContext, emit: Emit) {
  const closed = p.followUps
    .filter((f) => f.treatmentId !== null)
    .map((f) => ({ f, status: followUpStatus(f, ctx.today) }))
    .filter((x) => x.status === "missed" || x.status === "completed")
    .sort((a, b) => a.f.windowEnd.localeCompare(b.f.windowEnd));
  const lastTwo = closed.slice(-2);
  if (lastTwo.length === 2 && lastTwo.every((x) => x.status === "missed"))
    emit(
      "lost-to-follow-up",
      "patient",
      p.id,
      `missed ${lastTwo.map((x) => timepointLabel(x.f.timepoint).toLowerCase()).join(" and ")}`,
    );
}

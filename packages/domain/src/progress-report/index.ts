/**
 * The progress report a clinician and patient talk over in a consultation, as a document to lay
 * out (the server prints it as a PDF): each score over time against its important change (the
 * outcome measures' MCID, outcomes/measures.ts, with its source and certainty), the patient's back
 * pain beside the typical course of similar patients (evidence/typical-course: shown only where 30
 * answered, else said plainly), the pain diary and its MME, treatments, adverse events and how
 * many follow-ups were answered of those due, in the patient's language, with what the numbers
 * cannot show.
 *
 * Change is read as the outcomes report reads it: the latest answer before treatment (a late
 * baseline is no "before") against the latest answer since (reachesThreshold).
 */
import type { AeKind } from "../adverse-events/rules";
import { treatmentKind } from "../catalogue/treatments";
import { treatmentNamesEs } from "../catalogue/treatments-es";
import { type CitationKey, citations } from "../citations";
import type { IsoDate } from "../dates";
import { findMeasure, measureValue, type OutcomeMeasure, reachesThreshold } from "../outcomes/measures";
import { dayInWords } from "../pathway/contacts";
import { dayInWordsEs, timepointWordsEs } from "../pathway/contacts-es";
import { timepointIds, timepointLabel } from "../pathway/schedule";
import { measureTitlesEs, type ProgressWords, progressWordsEn, progressWordsEs } from "./words";

export { progressWordsEn, progressWordsEs } from "./words";

/** The scores the report shows, each where the patient has an answer. */
export const reportedMeasures = [
  "nrs_back",
  "nrs_leg",
  "odi",
  "promis29.physical_function",
  "promis29.pain_interference",
  "eq5d5l.index_us",
  "eq5d5l",
] as const;

export type ProgressReportData = {
  clinicName: string;
  today: IsoDate;
  language: "en" | "es";
  patient: { givenName: string; familyName: string; birthDate: IsoDate };
  responses: readonly {
    instrument: string;
    timepoint: string;
    score: number | null;
    detail: Readonly<Record<string, unknown>>;
    date: IsoDate;
    lateBaseline: boolean;
  }[];
  /** Newest first or in any order. */
  treatments: readonly { id: string; kind: string; date: IsoDate }[];
  followUps: readonly { timepoint: string; dueDate: IsoDate; status: string }[];
  diary: readonly { date: IsoDate; backPain: number; legPain: number; mme: number | null }[];
  adverseEvents: readonly {
    kind: AeKind;
    onsetDate: IsoDate;
    severity: number;
    serious: boolean;
    outcome: string;
  }[];
  /** The typical course of the latest treatment (null before any). */
  typical: {
    usable: boolean;
    treated: number | null;
    points: readonly { timepoint: string; median: number; q1: number; q3: number }[];
  } | null;
};

export type ScoreSeries = {
  id: string;
  title: string;
  direction: string;
  range: { min: number; max: number };
  points: { date: IsoDate; value: number }[];
  /** The value the important change reaches from before treatment (the dashed line), if any. */
  target: number | null;
  mcid: string;
  change: string;
};

export type ProgressReport = {
  lang: "en" | "es";
  words: ProgressWords;
  title: string;
  dated: string;
  patient: string;
  limits: string;
  scores: ScoreSeries[];
  typical: {
    text: string;
    /** Time points in order, each with the typical band (when shown) and the patient's answer. */
    points: {
      label: string;
      median: number | null;
      q1: number | null;
      q3: number | null;
      own: number | null;
    }[];
  };
  diary: {
    summary: string;
    points: { date: IsoDate; backPain: number; legPain: number; mme: number }[];
    mme: string;
  };
  treatments: string[];
  adverseEvents: string[];
  followUps: string[];
  sources: string[];
};

const byDate = <T extends { date: string }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => a.date.localeCompare(b.date));

function series(
  m: OutcomeMeasure,
  data: ProgressReportData,
  w: ProgressWords,
  when: (tp: string) => string,
  firstTreatment: IsoDate | null,
): ScoreSeries | null {
  const rows = byDate(data.responses.filter((r) => r.instrument === m.instrument)).flatMap((r) => {
    const v = measureValue(m, r.score, r.detail);
    return v === null ? [] : [{ ...r, value: v }];
  });
  if (rows.length === 0) return null;
  const title = data.language === "es" ? (measureTitlesEs[m.id] ?? m.title) : m.title;
  const before = rows.filter(
    (r) => r.timepoint === "baseline" && !r.lateBaseline && (!firstTreatment || r.date <= firstTreatment),
  );
  const baseline = before.at(-1);
  const after = rows.filter((r) => r.timepoint !== "baseline").at(-1);
  const threshold = m.analysis === "change" ? m.responder : null;
  const mcid = threshold
    ? w.mcid(
        w.fmt(threshold.absolute),
        threshold.relative !== undefined,
        threshold.cited,
        w.certainty[threshold.certainty] ?? threshold.certainty,
      )
    : w.noMcid;
  const better = m.direction === "higher-worse" ? -1 : 1;
  const target = baseline && threshold ? baseline.value + better * threshold.absolute : null;
  const change = !baseline
    ? w.noBaseline
    : !after
      ? w.onlyOne
      : w.change(
          w.fmt(baseline.value),
          w.fmt(after.value),
          when(after.timepoint),
          reachesThreshold(m, baseline.value, after.value),
        );
  return {
    id: m.id,
    title: `${title} (${m.direction === "higher-worse" ? w.lowerBetter : w.higherBetter})`,
    direction: m.direction,
    range: m.range,
    points: rows.map((r) => ({ date: r.date, value: r.value })),
    target: target === null ? null : Math.min(m.range.max, Math.max(m.range.min, target)),
    mcid,
    change,
  };
}

export function progressReport(data: ProgressReportData): ProgressReport {
  const es = data.language === "es";
  const w = es ? progressWordsEs : progressWordsEn;
  const day = es ? dayInWordsEs : dayInWords;
  const when = (tp: string) =>
    tp === "baseline" ? w.baseline.toLowerCase() : es ? (timepointWordsEs[tp] ?? tp) : timepointLabel(tp);
  const treatments = [...data.treatments].sort((a, b) => a.date.localeCompare(b.date));
  const first = treatments[0]?.date ?? null;
  const latest = treatments.at(-1) ?? null;

  const measures = reportedMeasures.flatMap((id) => {
    const m = findMeasure(id);
    return m ? [m] : [];
  });
  const scores = measures.flatMap((m) => {
    const s = series(m, data, w, when, first);
    return s ? [s] : [];
  });
  const cited = new Set<CitationKey>(
    measures.flatMap((m) =>
      scores.some((s) => s.id === m.id) && m.analysis === "change" && m.responder ? [m.responder.source] : [],
    ),
  );

  // Own back pain at each time point of the latest treatment, beside the typical course: before
  // it, the latest answer up to its date (a late baseline is no "before").
  const ownAt = (tp: string) =>
    byDate(
      data.responses.filter(
        (r) =>
          r.instrument === "nrs_back" &&
          typeof r.score === "number" &&
          latest !== null &&
          (tp === "baseline"
            ? !r.lateBaseline && r.date <= latest.date
            : r.timepoint === tp && r.date >= latest.date),
      ),
    ).at(-1)?.score ?? null;
  const t = data.typical;
  const shown = t?.treated != null && t.points.length > 0;
  const typicalText = !latest
    ? w.typicalNone
    : !t?.usable
      ? w.typicalNoScore
      : shown && t.treated !== null
        ? w.typicalWho(t.treated)
        : w.typicalNotEnough;
  const typicalPoints = timepointIds.flatMap((tp) => {
    const p = shown ? t?.points.find((x) => x.timepoint === tp) : undefined;
    const own = latest ? ownAt(tp) : null;
    if (!p && own === null) return [];
    return [
      {
        label: tp === "baseline" ? w.baseline : when(tp),
        median: p?.median ?? null,
        q1: p?.q1 ?? null,
        q3: p?.q3 ?? null,
        own,
      },
    ];
  });

  const diary = byDate(data.diary);
  const mmes = diary.map((d) => d.mme ?? 0);
  const last = diary.at(-1);
  const firstDay = diary[0];

  const due = data.followUps.filter((f) => ["completed", "missed", "open"].includes(f.status));
  const answered = due.filter((f) => f.status === "completed").length;
  const next = [...data.followUps]
    .filter((f) => f.status === "upcoming" || f.status === "open")
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];

  return {
    lang: data.language,
    words: w,
    title: w.title,
    dated: w.dated(data.clinicName, day(data.today)),
    patient: w.patient(`${data.patient.givenName} ${data.patient.familyName}`, day(data.patient.birthDate)),
    limits: w.limits,
    scores,
    typical: { text: typicalText, points: typicalPoints },
    diary: {
      summary: last && firstDay ? w.diarySummary(diary.length, firstDay.date, last.date) : w.diaryNone,
      points: diary.map((d) => ({ date: d.date, backPain: d.backPain, legPain: d.legPain, mme: d.mme ?? 0 })),
      mme:
        mmes.some((x) => x > 0) && last
          ? w.mmeSummary(w.fmt(last.mme ?? 0), w.fmt(Math.max(...mmes)))
          : w.mmeNone,
    },
    treatments:
      treatments.length === 0
        ? [w.treatmentsNone]
        : treatments.map((x) => {
            const info = treatmentKind(x.kind);
            const name = es
              ? (treatmentNamesEs[x.kind as keyof typeof treatmentNamesEs] ?? info?.label ?? x.kind)
              : (info?.label ?? x.kind);
            return `${x.date}: ${name}${info?.investigational ? `. ${w.investigational}` : ""}`;
          }),
    adverseEvents:
      data.adverseEvents.length === 0
        ? [w.adverseNone]
        : [...data.adverseEvents]
            .sort((a, b) => a.onsetDate.localeCompare(b.onsetDate))
            .map((e) => w.adverse(e.onsetDate, e.kind, e.severity, e.serious, e.outcome)),
    followUps: [
      due.length === 0 ? w.followUpsNone : w.followUps(answered, due.length),
      ...(next ? [w.nextDue(when(next.timepoint), next.dueDate)] : []),
    ],
    sources: [...cited].map((k) => citations[k].text),
  };
}

/**
 * One batch of cohort patients made into de-identified export records: their treatments,
 * current questionnaire answers and adverse events are read for the batch only (by patient id,
 * through the clinic-leading indexes), and every date becomes days from the index treatment.
 * Identifiers are never selected: no name, contact, record number, birth date or free text
 * leaves the database on this path.
 */
import { treatmentKind } from "@evident/domain";
import { dayFromIndex, safeHarborAge, survivalOf } from "@evident/domain/research";
import type pg from "pg";

export type CohortRow = {
  id: string;
  clinic_id: string;
  sex: string;
  age: number;
  age_band: string;
  condition: string;
  index_kind: string | null;
  index_date: string | null;
  startback_group: string | null;
};

export type ExportAnswer = {
  timepoint: string;
  treatmentNumber: number | null;
  instrument: string;
  version: string;
  day: number | null;
  answers: Record<string, number | boolean | null>;
};
export type ExportPatient = {
  studyId: string;
  clinic: string;
  sex: string;
  age: string;
  ageBand: string;
  condition: string;
  indexKind: string | null;
  startbackGroup: string | null;
  treatments: { number: number; kind: string; category: string; day: number | null }[];
  answers: ExportAnswer[];
  adverseEvents: {
    treatmentNumber: number | null;
    kind: string;
    day: number | null;
    grade: number;
    serious: boolean;
    relatedness: string | null;
    expected: boolean | null;
    outcome: string;
  }[];
  survival: { time: number; event: 0 | 1 } | null;
};

const byPatient = <T extends { patient_id: string }>(rows: readonly T[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.patient_id);
    if (list) list.push(r);
    else map.set(r.patient_id, [r]);
  }
  return map;
};

type TreatmentRow = { patient_id: string; id: string; kind: string; day: string };
type AnswerRow = {
  patient_id: string;
  instrument: string;
  instrument_version: string;
  timepoint: string;
  answers: Record<string, number | boolean | null>;
  day: string;
  treatment_id: string | null;
};
type AeRow = {
  patient_id: string;
  treatment_id: string | null;
  kind: string;
  day: string;
  severity: number;
  serious: boolean;
  relatedness: string | null;
  expected: boolean | null;
  outcome: string;
};

export async function loadPatients(
  client: pg.PoolClient,
  batch: readonly CohortRow[],
  ctx: { studyId: () => string; clinicCode: (id: string) => string; today: string },
): Promise<ExportPatient[]> {
  const ids = batch.map((p) => p.id);
  const clinics = [...new Set(batch.map((p) => p.clinic_id))];
  const values = [clinics, ids];
  const [treatments, answers, events] = await Promise.all([
    client.query<TreatmentRow>({
      text: `select t.patient_id, t.id, t.kind, t.treatment_date::text as day from treatments t
             where t.clinic_id = any($1::uuid[]) and t.patient_id = any($2::uuid[])
             order by t.patient_id, t.treatment_date, t.created_at, t.id`,
      values,
    }),
    client.query<AnswerRow>({
      text: `select r.patient_id, r.instrument, r.instrument_version, r.timepoint, r.answers,
                    (r.completed_at at time zone c.time_zone)::date::text as day, f.treatment_id
             from questionnaire_responses r
             join clinics c on c.id = r.clinic_id
             left join follow_ups f on f.id = r.follow_up_id and f.clinic_id = r.clinic_id
             where r.clinic_id = any($1::uuid[]) and r.patient_id = any($2::uuid[]) and r.superseded_at is null
             order by r.patient_id, r.completed_at, r.id`,
      values,
    }),
    client.query<AeRow>({
      text: `select a.patient_id, a.treatment_id, a.kind, a.onset_date::text as day, a.severity, a.serious,
                    a.relatedness, a.expected, a.outcome
             from adverse_events a
             where a.clinic_id = any($1::uuid[]) and a.patient_id = any($2::uuid[])
             order by a.patient_id, a.onset_date, a.id`,
      values,
    }),
  ]);
  const tOf = byPatient(treatments.rows);
  const aOf = byPatient(answers.rows);
  const eOf = byPatient(events.rows);
  return batch.map((p) => {
    const day = (d: string | null) => dayFromIndex(p.index_date, d);
    const ts = (tOf.get(p.id) ?? []).map((t, i) => ({
      id: t.id,
      number: i + 1,
      kind: t.kind,
      category: treatmentKind(t.kind)?.category ?? "other",
      day: day(t.day),
    }));
    const numberOf = (id: string | null) => (id ? (ts.find((t) => t.id === id)?.number ?? null) : null);
    const answered = (aOf.get(p.id) ?? []).map((a) => ({
      timepoint: a.timepoint,
      treatmentNumber: numberOf(a.treatment_id),
      instrument: a.instrument,
      version: a.instrument_version,
      day: day(a.day),
      answers: a.answers,
    }));
    const today = day(ctx.today);
    return {
      studyId: ctx.studyId(),
      clinic: ctx.clinicCode(p.clinic_id),
      sex: p.sex,
      age: safeHarborAge(p.age),
      ageBand: p.age_band,
      condition: p.condition,
      indexKind: p.index_kind,
      startbackGroup: p.startback_group,
      treatments: ts.map(({ id: _id, ...t }) => t),
      answers: answered,
      adverseEvents: (eOf.get(p.id) ?? []).map((e) => ({
        treatmentNumber: numberOf(e.treatment_id),
        kind: e.kind,
        day: day(e.day),
        grade: e.severity,
        serious: e.serious,
        relatedness: e.relatedness,
        expected: e.expected,
        outcome: e.outcome,
      })),
      survival:
        today === null
          ? null
          : survivalOf({
              treatments: ts.map((t) => ({ category: t.category, day: t.day ?? 0 })),
              answerDays: answered.flatMap((a) => (a.day === null ? [] : [a.day])),
              today,
            }),
    };
  });
}

/**
 * The export's cohort in SQL: one row per patient of the given clinics with what the
 * de-identification and the filters need — sex, age at the index treatment (the first recorded;
 * registration day without one) and its band, the condition of the index episode, the index
 * treatment, the latest baseline STarT Back group and ODI band — and every filter of
 * `CohortFilter` as a WHERE clause. Parameters are numbered; no value is ever spliced into text.
 */
import { ageBands, type CohortFilter, severityBands } from "@evident/domain/research";
import { researchWithdrawnText } from "../repos/research-consent-sql";

export type CohortQuery = { text: string; values: unknown[] };

const bandCase = (expr: string, bands: readonly { id: string; max: number }[]) =>
  `case ${bands
    .filter((b) => Number.isFinite(b.max))
    .map((b) => `when ${expr} <= ${b.max} then '${b.id}'`)
    .join(" ")} else '${bands[bands.length - 1]!.id}' end`;

const baselineOf = (instrument: string, value: string) => `(
  select ${value} from questionnaire_responses r
  where r.clinic_id = p.clinic_id and r.patient_id = p.id and r.instrument = '${instrument}'
    and r.timepoint = 'baseline' and r.superseded_at is null
  order by r.completed_at desc limit 1)`;

/**
 * `select … from cohort` where cohort holds the filtered patients; $1 is the clinic ids.
 * `pooled`: only patients who have not withdrawn research consent — every export, and a figure
 * that pools clinics; a clinic's own figures count all its patients.
 */
export function cohortQuery(clinicIds: readonly string[], f: CohortFilter, pooled: boolean): CohortQuery {
  const values: unknown[] = [clinicIds];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where: string[] = [];
  if (f.clinicIds) where.push(`clinic_id = any(${param(f.clinicIds)}::uuid[])`);
  if (f.conditions) where.push(`condition = any(${param(f.conditions)}::text[])`);
  if (f.ageBands) where.push(`age_band = any(${param(f.ageBands)}::text[])`);
  if (f.sexes) where.push(`sex = any(${param(f.sexes)}::text[])`);
  if (f.startBackGroups) where.push(`startback_group = any(${param(f.startBackGroups)}::text[])`);
  if (f.baselineSeverity) where.push(`severity = any(${param(f.baselineSeverity)}::text[])`);
  const treated: string[] = [];
  if (f.treatmentKinds) treated.push(`t.kind = any(${param(f.treatmentKinds)}::text[])`);
  if (f.treatedFrom) treated.push(`t.treatment_date >= ${param(f.treatedFrom)}::date`);
  if (f.treatedTo) treated.push(`t.treatment_date <= ${param(f.treatedTo)}::date`);
  if (treated.length)
    where.push(
      `exists (select 1 from treatments t where t.clinic_id = b.clinic_id and t.patient_id = b.id and ${treated.join(" and ")})`,
    );
  const text = `
    with idx as (
      select distinct on (t.patient_id) t.patient_id, t.episode_id, t.kind, t.treatment_date
      from treatments t where t.clinic_id = any($1::uuid[])
      order by t.patient_id, t.treatment_date, t.created_at, t.id
    ),
    base as (
      select p.id, p.clinic_id, p.sex, idx.kind as index_kind, idx.treatment_date::text as index_date,
        coalesce(e.condition, (select e2.condition from episodes e2
                               where e2.clinic_id = p.clinic_id and e2.patient_id = p.id
                               order by e2.created_at, e2.id limit 1), 'other') as condition,
        extract(year from age(coalesce(idx.treatment_date, (p.created_at at time zone c.time_zone)::date),
                              p.birth_date))::int as age,
        ${baselineOf("startback", "r.score_detail->>'group'")} as startback_group,
        ${baselineOf("odi", "r.score::float8")} as baseline_odi
      from patients p
      join clinics c on c.id = p.clinic_id
      left join idx on idx.patient_id = p.id
      left join episodes e on e.id = idx.episode_id
      where p.clinic_id = any($1::uuid[])${pooled ? ` and not ${researchWithdrawnText("p.id")}` : ""}
    ),
    b as (
      select base.*, ${bandCase("base.age", ageBands)} as age_band,
        case when base.baseline_odi is null then null else ${bandCase("base.baseline_odi", severityBands)} end as severity
      from base
    ),
    cohort as (select * from b${where.length ? ` where ${where.join(" and ")}` : ""})`;
  return { text, values };
}

/**
 * The demo's patients' stories (domain/stories): a handful per clinic, so the decision aid has
 * some to show. Which patients is chosen the way a fair clinic would want it read: for three
 * treatment kinds, the first patient (by id) whose back pain got worse after the treatment, the
 * first whose pain changed by less than 2 points, and the first whose pain eased by 2 or more — so
 * poor results are there beside good ones. Each signed the story consent in the portal; a demo
 * clinician approved each story. The numbers shown beside a story are the patient's own answers
 * (read by the app, not written here). A few rows only: the 100k demo stays fast.
 */
import type pg from "pg";

const KINDS = ["bone_marrow_concentrate", "platelet_rich_plasma", "exercise_physiotherapy"];

const texts: Record<"worse" | "same" | "better", string> = {
  worse:
    "A person who had lived with low back pain for years chose this treatment here. In the months after it, the pain got worse, not better, and everyday jobs like shopping and housework were harder. They said they wished they had known beforehand how often it does not help.",
  same: "A person who had lived with low back pain for years chose this treatment here. Afterwards little changed: some weeks were a bit better, others a bit worse. They said the treatment itself was easy to go through, but they are still looking for something that helps.",
  better:
    "A person who had lived with low back pain for years chose this treatment here. Over the next months the pain eased, and they could walk further and sleep better. They said they cannot tell whether the treatment did it, or whether it would have eased anyway.",
};

export async function writeDemoStories(client: pg.PoolClient, clinicIds: readonly string[]): Promise<number> {
  const picked = await client.query<{
    clinic_id: string;
    patient_id: string;
    treatment_id: string;
    kind: string;
    result: "worse" | "same" | "better";
    answered_at: Date;
    typed_name: string;
  }>(
    `with first_treatment as (
       select distinct on (t.patient_id, t.kind) t.clinic_id, t.patient_id, t.id, t.kind, t.episode_id, t.treatment_date
       from treatments t
       where t.clinic_id = any($1::uuid[]) and t.kind = any($2::text[])
       order by t.patient_id, t.kind, t.treatment_date, t.id
     ), scored as (
       select f.*, b.score as before_score, l.score as after_score, l.completed_at as answered_at
       from first_treatment f
       cross join lateral (
         select (r.score #>> '{}')::float8 as score from questionnaire_responses r
         where r.clinic_id = f.clinic_id and r.patient_id = f.patient_id and r.instrument = 'nrs_back'
           and r.timepoint = 'baseline'
           and r.superseded_at is null and r.score is not null
         order by r.completed_at desc limit 1) b
       cross join lateral (
         select (r.score #>> '{}')::float8 as score, r.completed_at from questionnaire_responses r
         join follow_ups u on u.id = r.follow_up_id
         where u.treatment_id = f.id and r.instrument = 'nrs_back' and r.superseded_at is null and r.score is not null
         order by r.completed_at desc limit 1) l
     ), classed as (
       select s.*, case when after_score > before_score then 'worse'
                        when before_score - after_score >= 2 then 'better' else 'same' end as result
       from scored s
     )
     select distinct on (c.clinic_id, c.kind, c.result)
            c.clinic_id, c.patient_id, c.id as treatment_id, c.kind, c.result, c.answered_at,
            p.given_name || ' ' || p.family_name as typed_name
     from classed c join patients p on p.id = c.patient_id
     order by c.clinic_id, c.kind, c.result, c.patient_id`,
    [clinicIds, KINDS],
  );
  let n = 0;
  for (const s of picked.rows) {
    const staff = await client.query<{ role: string; id: string }>(
      "select role, id from staff_users where clinic_id = $1 and role in ('clinician', 'coordinator') order by role, created_at",
      [s.clinic_id],
    );
    const clinician = staff.rows.find((r) => r.role === "clinician")?.id;
    if (!clinician) continue;
    const drafter = staff.rows.find((r) => r.role === "coordinator")?.id ?? clinician;
    const consent = await client.query<{ id: string; signed_at: Date }>(
      `insert into consents (id, clinic_id, patient_id, document_id, purpose, treatment_kind, version, language, sha256,
                             method, typed_name, signed_at)
       select overlay(overlay(md5('story-consent:' || $2::text) placing '5' from 13) placing '8' from 17)::uuid,
              $1::uuid, $2::uuid, d.id, 'story', null, d.version, 'en', d.sha256, 'portal', $3::text,
              least($4::timestamptz + interval '3 days', now() - interval '14 days')
       from consent_documents d
       where d.clinic_id = $1::uuid and d.purpose = 'story' and d.language = 'en'
       order by d.version desc limit 1
       on conflict (id) do nothing
       returning id, signed_at`,
      [s.clinic_id, s.patient_id, s.typed_name, s.answered_at],
    );
    const c = consent.rows[0];
    if (!c) continue;
    await client.query(
      `insert into stories (id, clinic_id, patient_id, treatment_id, treatment_kind, language, text, status,
                            drafted_by, drafted_at, updated_at, approved_by, consent_id, published_at)
       values (overlay(overlay(md5('story:' || $3::text) placing '5' from 13) placing '8' from 17)::uuid,
               $1::uuid, $2::uuid, $3::uuid, $4::text, 'en', $5::text, 'published', $6::uuid,
               $7::timestamptz + interval '2 days', $7::timestamptz + interval '5 days', $8::uuid, $9::uuid,
               $7::timestamptz + interval '5 days')`,
      [
        s.clinic_id,
        s.patient_id,
        s.treatment_id,
        s.kind,
        texts[s.result],
        drafter,
        c.signed_at,
        clinician,
        c.id,
      ],
    );
    n++;
  }
  return n;
}

/**
 * The demo registry's care after treatment, on a real PostgreSQL: weeks of pain diary with opioid
 * doses, MRI grades per level before and after cell therapy, and problem reports with their tasks
 * and a reporting clock. The registry's content is in demo.test.ts.
 */
import { describe, expect, it } from "vitest";
import { rowsOf, seededDemo, type TestDb, TODAY } from "./demo-fixture";

let a: TestDb;
seededDemo((db) => {
  a = db;
});

describe("the demo's care after treatment", () => {
  it("keeps weeks of pain diary for some treated patients, some on opioids, the MME as the diary computes it", async () => {
    const rows = await rowsOf<{ patients: number; entries: number; withOpioids: number; badMme: number }>(
      a,
      `select count(distinct patient_id)::int as patients, count(*)::int as entries,
              count(distinct patient_id) filter (where mme > 0)::int as "withOpioids",
              count(*) filter (where mme <> 0 and not medications @> '[{"drug":"tramadol"}]'
                and not medications @> '[{"drug":"oxycodone"}]' and not medications @> '[{"drug":"codeine"}]')::int as "badMme"
         from pain_diary_entries`,
    );
    expect(rows[0]!.patients).toBeGreaterThan(5);
    expect(rows[0]!.entries / rows[0]!.patients).toBeGreaterThan(8);
    expect(rows[0]!.withOpioids).toBeGreaterThan(0);
    expect(rows[0]!.badMme).toBe(0);
    const [last] = await rowsOf<{ max: string }>(
      a,
      "select max(entry_date)::text as max from pain_diary_entries",
    );
    expect(last!.max < TODAY).toBe(true);
    // Days before a treatment too, with opioids, so the diary's opioid measures have baselines.
    const [before] = await rowsOf<{ n: number; opioid: number }>(
      a,
      `select count(*)::int as n, count(*) filter (where d.mme > 0)::int as opioid
         from pain_diary_entries d
        where exists (select 1 from treatments t where t.patient_id = d.patient_id
                       and d.entry_date between t.treatment_date - 14 and t.treatment_date - 1)`,
    );
    expect(before!.n).toBeGreaterThan(20);
    expect(before!.opioid).toBeGreaterThan(0);
  });

  it("grades an MRI per level for most cell-therapy patients whose levels are known, each of those levels", async () => {
    const rows = await rowsOf<{ levels: string[]; graded: string[] }>(
      a,
      `select e.spinal_levels as levels, array(select f->>'level' from jsonb_array_elements(i.findings) f) as graded
         from imaging_studies i join episodes e on e.patient_id = i.patient_id`,
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect([...r.graded].sort()).toEqual([...r.levels].sort());
    const [cells] = await rowsOf<{ n: number; imaged: number }>(
      a,
      `select count(distinct t.patient_id)::int as n,
              count(distinct t.patient_id) filter (where exists (select 1 from imaging_studies i where i.patient_id = t.patient_id))::int as imaged
         from treatments t join episodes e on e.id = t.episode_id
        where t.kind in ('bone_marrow_concentrate', 'adipose_derived_cells') and cardinality(e.spinal_levels) > 0`,
    );
    expect(cells!.imaged / cells!.n).toBeGreaterThan(0.5);
    // Some have a follow-up MRI after the injection, so imaging change per level has data.
    const [again] = await rowsOf<{ n: number }>(
      a,
      `select count(*)::int as n from imaging_studies i
        where exists (select 1 from treatments t where t.patient_id = i.patient_id and i.study_date > t.treatment_date + 150
                        and t.kind in ('bone_marrow_concentrate', 'adipose_derived_cells'))`,
    );
    expect(again!.n).toBeGreaterThan(0);
  });

  it("has a few problem reports, each with its clinician task, and one serious unexpected event with its clock running", async () => {
    const reports = await rowsOf<{ urgent: boolean; kind: string; status: string }>(
      a,
      "select r.urgent, t.kind, t.status from problem_reports r join tasks t on t.id = r.task_id",
    );
    expect(reports.length).toBeGreaterThanOrEqual(2);
    for (const r of reports) expect(r.kind).toBe(r.urgent ? "urgent-problem-report" : "problem-report");
    const clocks = await rowsOf<{ due: string; expected: boolean; seriousness: string[] }>(
      a,
      "select report_due_date::text as due, expected, seriousness from adverse_events where report_due_date is not null",
    );
    expect(clocks).toEqual([{ due: expect.any(String), expected: false, seriousness: ["hospitalisation"] }]);
    expect(clocks[0]!.due >= TODAY).toBe(true);
  });
});

/**
 * GET /outcomes: change from baseline and responders per treatment kind and timepoint, for the
 * scope or for a cohort (./cohort.ts). Unfiltered, and filtered by clinic only, it reads the
 * summaries; any other filter is computed by the direct SQL over the cohort's patients
 * (db/repos/cohort-outcomes.ts) — for a researcher's pooled view by the system role, which caches
 * only the summarized rows for the research role to read. A filtered view suppresses whole rows
 * with 1 to 10 follow-ups due (domain/outcomes/small-cells.ts).
 */
import { cohortOutcomeTallies, summaryOutcomeTallies } from "@evident/db";
import { type OutcomeRow, OutcomesReport, OutcomesReportQuery, reportMeasures } from "@evident/domain/api";
import { MINIMUM_CELL, sourceNotes, summarizeOutcomes, suppressSmallRows } from "@evident/domain/outcomes";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/env";
import { requirePermission } from "../../http/scoped";
import { json, problems } from "../common";
import { viewCohort } from "./cohort";
import { cohortCaption, leftOutNote, readView } from "./cohort-read";

const report = createRoute({
  method: "get",
  path: "/outcomes",
  tags: ["Outcomes"],
  summary: "Change from baseline and responder rates per treatment kind and follow-up timepoint",
  description:
    "Per treatment kind × timepoint: follow-ups due, answered, missed and pending, completeness among closed windows (Wilson interval), and per outcome measure (`measures`: back and leg pain, ODI, RMDQ, PEG, PROMIS-29 domains, EQ-5D-5L index per value set and VAS, PGIC) the paired change from baseline (mean, t interval) and the responder share (Wilson interval), each with its n. Staff see their clinic; researchers all clinics pooled. No estimate from fewer than `minimumCell` patients. A cohort narrows it: `cohort` (a saved cohort's version id) or the filters (lists comma-separated; not both); a filtered view leaves out rows with 1 to 10 follow-ups due and says the cohort's line in `cohort`.",
  middleware: [requirePermission("outcomes:read")] as const,
  request: { query: OutcomesReportQuery },
  responses: { 200: json(OutcomesReport, "The report"), ...problems(400, 401, 403, 404) },
});

type Summarized = { patients: number; rows: OutcomeRow[] };

export function reportRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(report, async (c) => {
    const query = c.req.valid("query");
    const measures = reportMeasures(query);
    const cohort = await viewCohort(c, query);
    const read = await readView(c, "outcomes-report", cohort, {
      question: [measures],
      summaries: async (tx, clinicId, today): Promise<Summarized> => {
        const tallies = await summaryOutcomeTallies(tx, clinicId, {
          instruments: measures,
          today,
          clinicIds: cohort?.filter.clinicIds,
        });
        return { patients: tallies.patients, rows: summarizeOutcomes(tallies, today, measures) };
      },
      direct:
        ({ filter }) =>
        async (tx, clinicId, asOf): Promise<Summarized> => {
          const tallies = await cohortOutcomeTallies(tx, clinicId, filter, { instruments: measures });
          return { patients: tallies.patients, rows: summarizeOutcomes(tallies, asOf, measures) };
        },
      detail: (d) => ({ rows: d.rows.reduce((s, r) => s + r.due, 0) }),
    });
    const shown = cohort
      ? suppressSmallRows(read.data.rows, read.data.patients)
      : { rows: read.data.rows, patients: read.data.patients, suppressedRows: 0 };
    return c.json(
      {
        generatedAt: read.generatedAt,
        asOf: read.asOf,
        dataAsOf: read.dataAsOf,
        patients: shown.patients,
        cohort: cohortCaption(cohort, shown.suppressedRows),
        minimumCell: MINIMUM_CELL,
        rows: shown.rows,
        notes: [
          ...read.scopeNotes.slice(0, 1),
          "Change is follow-up minus baseline: for pain, disability and PROMIS-29 symptoms negative values mean improvement; for PROMIS-29 physical function and social roles and for EQ-5D-5L, positive values do.",
          "Only patients with both a baseline and a follow-up answer enter the change and responder figures; missed follow-ups are counted, not imputed. Completeness is the share answered among follow-ups whose window has closed.",
          "These are uncontrolled before-and-after figures: they include natural recovery, regression to the mean and placebo effects, and do not show that a treatment caused the change.",
          ...sourceNotes(measures),
          ...read.scopeNotes.slice(1),
          ...leftOutNote(
            shown.suppressedRows,
            ["treatment and timepoint row is", "treatment and timepoint rows are"],
            "1 to 10 follow-ups were due",
          ),
        ],
      },
      200,
    );
  });
}

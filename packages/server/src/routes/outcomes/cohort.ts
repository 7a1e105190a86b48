/**
 * The cohort of a filtered outcomes view (docs/architecture/outcomes.md, "Cohort filters on the outcomes
 * views"): a saved cohort by its version id, or filters given on the query string. Staff see their
 * own clinic, so a clinic filter naming another clinic is refused; researchers may pick clinics or
 * pool. `bySummaries` says whether the summaries, keyed by clinic, can answer it.
 */
import { savedCohortRepository, scopedDb } from "@evident/db";
import { badRequest, notFound } from "@evident/domain";
import { type CohortQuery, cohortFromQuery } from "@evident/domain/api";
import { type CohortFilter, cohortClauses, cohortLine } from "@evident/domain/research";
import type { Context } from "hono";
import type { AppEnv } from "../../http/env";
import { scopeOf, staffActor } from "../../http/scoped";

export type ViewCohort = { filter: CohortFilter; line: string; id: string | null; version: number | null };

export async function viewCohort(c: Context<AppEnv>, q: CohortQuery): Promise<ViewCohort | null> {
  const actor = staffActor(c);
  let cohort: ViewCohort | null = null;
  const adHoc = cohortFromQuery(q);
  if (adHoc)
    cohort = { filter: adHoc, line: `Filtered: ${cohortClauses(adHoc).join("; ")}`, id: null, version: null };
  else if (q.cohort) {
    const scope = scopeOf(c, actor);
    const saved = await savedCohortRepository(
      scopedDb(c.get("deps").database.pool, scope.clinicId),
      scope,
    ).one(q.cohort);
    if (!saved) throw notFound("saved cohort");
    cohort = { filter: saved.filter, line: cohortLine(saved), id: saved.id, version: saved.version };
  }
  const others = cohort?.filter.clinicIds?.filter((id) => id !== actor.clinicId) ?? [];
  if (others.length > 0 && actor.role !== "researcher")
    throw badRequest("you see your own clinic's outcomes only", "clinicIds");
  return cohort;
}

/** Whether the summaries answer the filter: they are keyed by clinic and kind, and kept per clinic. */
export const bySummaries = (f: CohortFilter): boolean => Object.keys(f).every((k) => k === "clinicIds");

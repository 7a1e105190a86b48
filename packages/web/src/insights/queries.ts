/**
 * TanStack Query hooks for the outcomes analyses and saved cohorts. Every outcomes request carries
 * the page's cohort (`cohort`: its query string, "" when unfiltered; ./cohort-params), which is
 * also part of each cache key, so two cohorts never share an answer.
 */
import type {
  BenchmarkQuery,
  BenchmarkReport,
  CohortClinicList,
  ComparisonQuery,
  ComparisonReport,
  DistributionReport,
  OutcomesReport,
  SaveCohortRequest,
  SavedCohortList,
  SavedCohortView,
  SurvivalReport,
} from "@evident/domain/api";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, isApiError } from "../api/client";
import { keys } from "../api/queries";
import { withCohort } from "./cohort-params";

const params = (q: Record<string, string>) => new URLSearchParams(q).toString();

/** A refusal (too few patients, a bad field, an unknown cohort) is an answer, not a hiccup: do not retry it. */
const retryUnlessRefused = (count: number, error: unknown) =>
  !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2;

/** The change-and-responders report for `measures` (comma-separated; "" = the server's default). */
export function useOutcomes(cohort: string, measures = "") {
  const path = measures ? `/outcomes?${params({ measures })}` : "/outcomes";
  return useQuery({
    queryKey: [...keys.outcomes, "report", cohort, measures],
    queryFn: () => api.get<OutcomesReport>(withCohort(path, cohort)),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

export function useDistribution(instrument: string, timepoint: string, cohort: string) {
  return useQuery({
    queryKey: [...keys.outcomes, "distribution", instrument, timepoint, cohort],
    queryFn: () =>
      api.get<DistributionReport>(
        withCohort(`/outcomes/distribution?${params({ instrument, timepoint })}`, cohort),
      ),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

export function useSurvival(cohort: string) {
  return useQuery({
    queryKey: [...keys.outcomes, "survival", cohort],
    queryFn: () => api.get<SurvivalReport>(withCohort("/outcomes/survival", cohort)),
    retry: retryUnlessRefused,
  });
}

export function useComparison(query: ComparisonQuery | null, cohort: string) {
  return useQuery({
    queryKey: [...keys.outcomes, "comparison", query, cohort],
    queryFn: () =>
      api.get<ComparisonReport>(
        withCohort(`/outcomes/comparison?${params({ ...(query as ComparisonQuery) })}`, cohort),
      ),
    enabled: query !== null,
    retry: retryUnlessRefused,
  });
}

export function useBenchmarks(measure: BenchmarkQuery["measure"], cohort: string) {
  return useQuery({
    queryKey: [...keys.outcomes, "benchmarks", measure, cohort],
    queryFn: () =>
      api.get<BenchmarkReport>(withCohort(`/outcomes/benchmarks?${params({ measure })}`, cohort)),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

const cohortKeys = { list: ["cohorts"] as const };

/** The latest version of each saved cohort the person can use (their clinic's and the network's). */
export function useSavedCohorts() {
  return useQuery({
    queryKey: cohortKeys.list,
    queryFn: () => api.get<SavedCohortList>("/cohorts"),
    staleTime: 60_000,
  });
}

/** The clinics a cohort may pick (a researcher: the network's, coded; staff: their own). */
export function useCohortClinics(enabled: boolean) {
  return useQuery({
    queryKey: ["cohorts", "clinics"],
    queryFn: () => api.get<CohortClinicList>("/cohorts/clinics"),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useSaveCohort() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveCohortRequest) => api.post<SavedCohortView>("/cohorts", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: cohortKeys.list }),
  });
}

/** TanStack Query hooks for the outcomes analyses (the report's hook lives in api/queries). */
import type {
  BenchmarkQuery,
  BenchmarkReport,
  ComparisonQuery,
  ComparisonReport,
  DistributionReport,
  SurvivalReport,
} from "@evident/domain/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, isApiError } from "../api/client";

const params = (q: Record<string, string>) => new URLSearchParams(q).toString();

export function useDistribution(instrument: string, timepoint: string) {
  return useQuery({
    queryKey: ["outcomes", "distribution", instrument, timepoint],
    queryFn: () => api.get<DistributionReport>(`/outcomes/distribution?${params({ instrument, timepoint })}`),
    placeholderData: keepPreviousData,
  });
}

export function useSurvival() {
  return useQuery({
    queryKey: ["outcomes", "survival"],
    queryFn: () => api.get<SurvivalReport>("/outcomes/survival"),
  });
}

export function useComparison(query: ComparisonQuery | null) {
  return useQuery({
    queryKey: ["outcomes", "comparison", query],
    queryFn: () =>
      api.get<ComparisonReport>(`/outcomes/comparison?${params({ ...(query as ComparisonQuery) })}`),
    enabled: query !== null,
    // A refusal (too few patients, a bad field) is an answer, not a hiccup: do not retry it.
    retry: (count, error) => !(isApiError(error) && error.status === 400) && count < 2,
  });
}

export function useBenchmarks(measure: BenchmarkQuery["measure"]) {
  return useQuery({
    queryKey: ["outcomes", "benchmarks", measure],
    queryFn: () => api.get<BenchmarkReport>(`/outcomes/benchmarks?${params({ measure })}`),
    placeholderData: keepPreviousData,
  });
}

/** The research export (researchers and admins): data-use terms, exports as jobs, their files. */
import type {
  CreateResearchExportRequest,
  ResearchExportList,
  ResearchExportView,
  ResearchTermsView,
  SavedCohortList,
} from "@evident/domain/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

const keys = { terms: ["research", "terms"] as const, exports: ["research", "exports"] as const };

export function useResearchTerms() {
  return useQuery({ queryKey: keys.terms, queryFn: () => api.get<ResearchTermsView>("/research/terms") });
}

export function useAcceptTerms() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: string) => api.post<ResearchTermsView>("/research/terms/acceptances", { version }),
    onSuccess: (terms) => qc.setQueryData(keys.terms, terms),
  });
}

/** The person's exports, polled every 2 seconds while one is queued or running. */
export function useResearchExports() {
  return useQuery({
    queryKey: keys.exports,
    queryFn: () => api.get<ResearchExportList>("/research/exports"),
    refetchInterval: (q) =>
      q.state.data?.items.some((e) => e.status === "queued" || e.status === "running") ? 2000 : false,
  });
}

export function useStartExport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateResearchExportRequest) =>
      api.post<ResearchExportView>("/research/exports", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.exports }),
  });
}

export const exportFileHref = (id: string, name: string) =>
  `/api/v1/research/exports/${encodeURIComponent(id)}/files/${encodeURIComponent(name)}`;

/** The saved cohorts the caller can use (latest version of each), for an export's cohort. */
export function useSavedCohorts() {
  return useQuery({
    queryKey: ["cohorts"] as const,
    queryFn: () => api.get<SavedCohortList>("/cohorts"),
  });
}

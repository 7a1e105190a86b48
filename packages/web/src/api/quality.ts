/** The data-quality report (GET /quality) and "run now" (POST /quality/run, administrators). */
import type { QualityReport } from "@evident/domain/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

const key = ["quality"] as const;

export function useQuality() {
  return useQuery({ queryKey: key, queryFn: () => api.get<QualityReport>("/quality") });
}

export function useRunQuality() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<QualityReport>("/quality/run"),
    onSuccess: (report) => qc.setQueryData(key, report),
  });
}

/** Query hooks for the decision aid: the clinic's own results, and saved values and choices. */
import type { DecisionList, DecisionSave, DecisionView, RegistryResults } from "@evident/domain/api";
import type { ContentLanguage } from "@evident/domain/evidence";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

/**
 * The clinic's numbers for people like a patient: the signed-in patient, or the one staff name;
 * the "like you" words in `lang`.
 */
export function useRegistryResults(patientId?: string, lang: ContentLanguage = "en") {
  const query = new URLSearchParams({
    ...(patientId ? { patientId } : {}),
    ...(lang !== "en" ? { lang } : {}),
  });
  const qs = query.toString();
  return useQuery({
    queryKey: ["decision-aid", "registry", patientId ?? null, lang],
    queryFn: () => api.get<RegistryResults>(`/decision-aid/registry${qs ? `?${qs}` : ""}`),
    staleTime: 10 * 60_000,
  });
}

export function useMyDecisions() {
  return useQuery({
    queryKey: ["portal", "decisions"],
    queryFn: () => api.get<DecisionList>("/portal/decisions"),
  });
}

export function useSaveDecision() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionSave) => api.post<DecisionView>("/portal/decisions", body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["portal", "decisions"] }),
  });
}

export function usePatientDecisions(patientId: string) {
  return useQuery({
    queryKey: ["patient", patientId, "decisions"],
    queryFn: () => api.get<DecisionList>(`/patients/${patientId}/decisions`),
  });
}

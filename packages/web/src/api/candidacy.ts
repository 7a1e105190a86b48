/** Query hooks for candidacy assessments. */
import type { CandidacyList, CandidacySignOff, CandidacyView } from "@evident/domain/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

const key = (patientId: string) => ["patient", patientId, "candidacy"] as const;

export function useCandidacy(patientId: string) {
  return useQuery({
    queryKey: key(patientId),
    queryFn: () => api.get<CandidacyList>(`/patients/${patientId}/candidacy`),
  });
}

export function useSignCandidacy(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CandidacySignOff) => api.post<CandidacyView>(`/patients/${patientId}/candidacy`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key(patientId) }),
  });
}

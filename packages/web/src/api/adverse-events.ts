/** Query hooks for adverse events (clinic) and problem reports (portal). */
import type {
  AdverseEventCreate,
  AdverseEventView,
  PatientAdverseEvents,
  ProblemReportCreate,
  ProblemReportResult,
} from "@evident/domain/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

export type ClockItem = AdverseEventView & { patientName: string };

const keyOf = (patientId: string) => ["patients", patientId, "adverse-events"] as const;

export function usePatientAdverseEvents(patientId: string) {
  return useQuery({
    queryKey: keyOf(patientId),
    queryFn: () => api.get<PatientAdverseEvents>(`/patients/${patientId}/adverse-events`),
  });
}

export function useRecordAdverseEvent(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AdverseEventCreate) =>
      api.post<AdverseEventView>(`/patients/${patientId}/adverse-events`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keyOf(patientId) });
      void qc.invalidateQueries({ queryKey: ["adverse-events", "clocks"] });
    },
  });
}

export function useMarkSubmitted(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<AdverseEventView>(`/adverse-events/${id}/report-submitted`, {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keyOf(patientId) });
      void qc.invalidateQueries({ queryKey: ["adverse-events", "clocks"] });
    },
  });
}

export function useAeClocks() {
  return useQuery({
    queryKey: ["adverse-events", "clocks"] as const,
    queryFn: () => api.get<{ items: ClockItem[] }>("/adverse-events/clocks"),
  });
}

export function useReportProblem() {
  return useMutation({
    mutationFn: (body: ProblemReportCreate) => api.post<ProblemReportResult>("/portal/problems", body),
  });
}

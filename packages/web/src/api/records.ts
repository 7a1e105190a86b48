/**
 * Query hooks for changing saved records: updating an adverse event, correcting a treatment, and
 * each one's history (fetched when it is opened).
 */
import type {
  AdverseEventUpdate,
  AdverseEventView,
  RecordHistory,
  TreatmentCorrected,
  TreatmentCorrection,
} from "@evident/domain/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { keys } from "./queries";

const aeKey = (patientId: string) => ["patients", patientId, "adverse-events"] as const;
const historyKey = (kind: "adverse-event" | "treatment", id: string) => ["history", kind, id] as const;

export function useUpdateAdverseEvent(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AdverseEventUpdate }) =>
      api.put<AdverseEventView>(`/adverse-events/${id}`, body),
    onSettled: (_data, _error, { id }) => {
      // Also after a 409: the form then reopens on the current version.
      void qc.invalidateQueries({ queryKey: aeKey(patientId) });
      void qc.invalidateQueries({ queryKey: ["adverse-events", "clocks"] });
      void qc.invalidateQueries({ queryKey: historyKey("adverse-event", id) });
    },
  });
}

export function useCorrectTreatment(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TreatmentCorrection }) =>
      api.put<TreatmentCorrected>(`/patients/${patientId}/treatments/${id}`, body),
    onSettled: (_data, _error, { id }) => {
      void qc.invalidateQueries({ queryKey: keys.patient(patientId) });
      void qc.invalidateQueries({ queryKey: ["patients"] });
      void qc.invalidateQueries({ queryKey: keys.outcomes });
      void qc.invalidateQueries({ queryKey: historyKey("treatment", id) });
    },
  });
}

export type HistorySource = { kind: "adverse-event" | "treatment"; id: string; path: string };

/** Where a record's history is: its kind, id and API path. */
export const historyOf = {
  adverseEvent: (id: string): HistorySource => ({
    kind: "adverse-event",
    id,
    path: `/adverse-events/${id}/history`,
  }),
  treatment: (patientId: string, id: string): HistorySource => ({
    kind: "treatment",
    id,
    path: `/patients/${patientId}/treatments/${id}/history`,
  }),
};

export function useRecordHistory(source: HistorySource, enabled: boolean) {
  return useQuery({
    queryKey: historyKey(source.kind, source.id),
    queryFn: () => api.get<RecordHistory>(source.path),
    enabled,
  });
}

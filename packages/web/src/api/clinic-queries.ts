/**
 * The clinic screens' hooks (patients, treatments, answers entered by staff, the questionnaire
 * plan): kept out of queries.ts, which the portal's first download holds whole.
 */
import type {
  Catalogue,
  CatalogueEntry,
  PatientCreate,
  PatientDetail,
  PatientList,
  PlanUpdate,
  PlanView,
  ResponseBatch,
  ResponseCorrection,
  ResponseView,
  TreatmentCreate,
  TreatmentView,
} from "@evident/domain/api";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { keys } from "./queries";

/** After a change to one patient, refetch everything that shows it. */
function useRefreshPatient(id: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: keys.patient(id) });
    void qc.invalidateQueries({ queryKey: ["patients"] });
    void qc.invalidateQueries({ queryKey: keys.outcomes });
  };
}

export function usePatients(q: string, limit: number, offset: number) {
  const params = new URLSearchParams({ limit: String(limit), offset: String(offset) });
  if (q) params.set("q", q);
  return useQuery({
    queryKey: keys.patients(q, limit, offset),
    // The offset travels with the page it produced, so "Showing 26–27" never labels older rows.
    queryFn: async () => ({ ...(await api.get<PatientList>(`/patients?${params}`)), offset }),
    placeholderData: keepPreviousData,
  });
}

export function usePatient(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.patient(id),
    queryFn: () => api.get<PatientDetail>(`/patients/${id}`),
    enabled,
  });
}

export function useCreatePatient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PatientCreate) => api.post<PatientDetail>("/patients", body),
    onSuccess: (p) => {
      qc.setQueryData(keys.patient(p.id), p);
      void qc.invalidateQueries({ queryKey: ["patients"] });
      void qc.invalidateQueries({ queryKey: keys.outbox });
    },
  });
}

export function useInvitePatient(id: string) {
  const refresh = useRefreshPatient(id);
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email?: string }) =>
      api.post<{ invitationId: string }>(`/patients/${id}/invitations`, body),
    onSuccess: () => {
      refresh();
      void qc.invalidateQueries({ queryKey: keys.outbox });
    },
  });
}

export function useRecordTreatment(id: string) {
  const refresh = useRefreshPatient(id);
  return useMutation({
    mutationFn: (body: TreatmentCreate) => api.post<TreatmentView>(`/patients/${id}/treatments`, body),
    onSuccess: refresh,
  });
}

export function useEnterResponses(id: string) {
  const refresh = useRefreshPatient(id);
  return useMutation({
    mutationFn: (body: ResponseBatch) =>
      api.post<{ responses: ResponseView[] }>(`/patients/${id}/responses`, body),
    onSuccess: refresh,
  });
}

export function useCorrectResponse(patientId: string) {
  const refresh = useRefreshPatient(patientId);
  return useMutation({
    mutationFn: ({ responseId, ...body }: ResponseCorrection & { responseId: string }) =>
      api.post<ResponseView>(`/patients/${patientId}/responses/${responseId}/corrections`, body),
    onSuccess: refresh,
  });
}

export function usePlan() {
  return useQuery({ queryKey: keys.plan, queryFn: () => api.get<PlanView>("/clinic/plan") });
}

export function useCatalogue() {
  return useQuery({ queryKey: keys.catalogue, queryFn: () => api.get<Catalogue>("/clinic/instruments") });
}

export function useUpdatePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanUpdate) => api.put<PlanView>("/clinic/plan", body),
    onSuccess: (plan) => {
      qc.setQueryData(keys.plan, plan);
      void qc.invalidateQueries({ queryKey: keys.catalogue });
    },
  });
}

export function useConfirmLicence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reference }: { id: string; reference: string }) =>
      api.post<CatalogueEntry>(`/clinic/instruments/${id}/licence`, { reference }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.catalogue }),
  });
}

/** The signed-in staff member's clinic: its name, time zone, country and emergency number. */
import type { ClinicEmergencyInput, ClinicSettings, FhirClientView } from "@evident/domain/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { keys } from "./queries";

const key = ["clinic"] as const;

export function useClinic() {
  return useQuery({ queryKey: key, queryFn: () => api.get<ClinicSettings>("/clinic") });
}

export function useSetTimeZone() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (timeZone: string) => api.put<ClinicSettings>("/clinic/time-zone", { timeZone }),
    onSuccess: (clinic) => qc.setQueryData(key, clinic),
  });
}

export function useSetEmergencyNumber() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ClinicEmergencyInput) => api.put<ClinicSettings>("/clinic/emergency-number", body),
    onSuccess: (clinic) => {
      qc.setQueryData(key, clinic);
      // "me" carries the number every patient text uses.
      void qc.invalidateQueries({ queryKey: keys.me });
    },
  });
}

/** Whether researchers see the clinic's name on the benchmarking funnel (administrators only). */
export function useSetBenchmarkNamed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (named: boolean) => api.put<ClinicSettings>("/clinic/benchmark-naming", { named }),
    onSuccess: (clinic) => {
      qc.setQueryData(key, clinic);
      // The funnel's names follow the setting at once.
      void qc.invalidateQueries({ queryKey: ["outcomes", "benchmarks"] });
    },
  });
}

const clientsKey = ["clinic", "fhir-clients"] as const;

/** The clinic's FHIR API clients (administrators only). */
export function useFhirClients() {
  return useQuery({ queryKey: clientsKey, queryFn: () => api.get<FhirClientView[]>("/fhir-clients") });
}

export function useRevokeFhirClient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<FhirClientView>(`/fhir-clients/${id}/revoke`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: clientsKey }),
  });
}

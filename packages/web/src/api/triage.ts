/** Query hooks for the red-flag intake (portal and clinic) and the clinic's task queue. */
import type {
  IntakeSubmit,
  IntakeView,
  PatientTriage,
  PortalIntakeState,
  StaffIntakeResult,
  TaskList,
  TaskView,
} from "@evident/domain/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { keys as baseKeys } from "./queries";

export const triageKeys = {
  portalIntake: ["portal", "intake"] as const,
  triage: (patientId: string) => ["patient", patientId, "triage"] as const,
  tasks: (status: string, patientId?: string, queue?: string) =>
    ["tasks", { status, patientId, queue }] as const,
};

export function usePortalIntake() {
  return useQuery({
    queryKey: triageKeys.portalIntake,
    queryFn: () => api.get<PortalIntakeState>("/portal/intake"),
  });
}

export function useSubmitIntake() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IntakeSubmit) => api.post<PortalIntakeState>("/portal/intake", body),
    onSuccess: (state) => {
      qc.setQueryData(triageKeys.portalIntake, state);
      void qc.invalidateQueries({ queryKey: baseKeys.portalHome });
    },
  });
}

export function usePatientTriage(patientId: string) {
  return useQuery({
    queryKey: triageKeys.triage(patientId),
    queryFn: () => api.get<PatientTriage>(`/patients/${patientId}/triage`),
  });
}

/** Staff enter the safety answers a patient gave by phone or at the desk. */
export function useEnterIntake(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IntakeSubmit) => api.post<StaffIntakeResult>(`/patients/${patientId}/intakes`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: triageKeys.triage(patientId) });
      void qc.invalidateQueries({ queryKey: ["tasks"] });
      void qc.invalidateQueries({ queryKey: baseKeys.patient(patientId) });
    },
  });
}

export function useReviewIntake(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { intakeId: string; note?: string }) =>
      api.post<IntakeView>(
        `/patients/${patientId}/intakes/${v.intakeId}/review`,
        v.note ? { note: v.note } : {},
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: triageKeys.triage(patientId) });
      void qc.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
}

/**
 * Whether a red flag waits for review, asked once to pick the start page. Not kept: a cached
 * answer under the task list's key would show the queue as it was at sign-in.
 */
export function useTriageWaiting(enabled: boolean) {
  return useQuery({
    queryKey: ["start-page", "triage"],
    queryFn: async () => (await api.get<TaskList>("/tasks?status=open&queue=triage")).items.length > 0,
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useTasks(status: "open" | "done" | "all" = "open", patientId?: string, queue?: "triage") {
  const params = new URLSearchParams({ status });
  if (patientId) params.set("patientId", patientId);
  if (queue) params.set("queue", queue);
  return useQuery({
    queryKey: triageKeys.tasks(status, patientId, queue),
    queryFn: () => api.get<TaskList>(`/tasks?${params}`),
    refetchInterval: 60_000,
  });
}

export function useCompleteTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; note?: string }) =>
      api.post<TaskView>(`/tasks/${v.id}/complete`, v.note ? { note: v.note } : {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["tasks"] }),
  });
}

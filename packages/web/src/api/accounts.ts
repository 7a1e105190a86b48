/** Hooks for accounts: passwords, one-time links, two-step sign-in, sessions, staff management. */
import type {
  LinkInfo,
  MfaEnrolment,
  RecoveryCodes,
  RecoveryCodesLeft,
  SessionList,
  StaffList,
  StaffMember,
} from "@evident/domain/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";
import { keys } from "./queries";

type Role = StaffMember["role"];

const accountKeys = {
  link: (token: string) => ["link", token] as const,
  mySessions: ["auth", "sessions"] as const,
  recoveryCodes: ["auth", "mfa", "recovery-codes"] as const,
  staff: ["staff"] as const,
  staffSessions: ["staff", "sessions"] as const,
};

export function useRequestReset(who: "staff" | "patient") {
  return useMutation({
    mutationFn: (email: string) => api.post<unknown>(`/auth/${who}/password-reset`, { email }),
  });
}

export function useLink(token: string) {
  return useQuery({
    queryKey: accountKeys.link(token),
    queryFn: () => api.post<LinkInfo>("/auth/links/lookup", { token }),
    enabled: token.length >= 16,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useUseLink() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => api.post<void>("/auth/links/use", body),
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<void>("/auth/password", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.mySessions }),
  });
}

export function useStartMfa() {
  return useMutation({ mutationFn: () => api.post<MfaEnrolment>("/auth/mfa/enrolment") });
}

export function useConfirmMfa() {
  return useMutation({
    mutationFn: (code: string) => api.post<RecoveryCodes>("/auth/mfa/enrolment/confirm", { code }),
  });
}

export function useDisableMfa() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.post<void>("/auth/mfa/disable", { password }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.me }),
  });
}

export function useRecoveryCodesLeft() {
  return useQuery({
    queryKey: accountKeys.recoveryCodes,
    queryFn: () => api.get<RecoveryCodesLeft>("/auth/mfa/recovery-codes"),
  });
}

export function useNewRecoveryCodes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.post<RecoveryCodes>("/auth/mfa/recovery-codes", { password }),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.recoveryCodes }),
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: accountKeys.mySessions,
    queryFn: () => api.get<SessionList>("/auth/sessions"),
  });
}

export function useEndMySession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/auth/sessions/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.mySessions }),
  });
}

export function useStaffList() {
  return useQuery({ queryKey: accountKeys.staff, queryFn: () => api.get<StaffList>("/staff") });
}

export function useStaffSessions() {
  return useQuery({
    queryKey: accountKeys.staffSessions,
    queryFn: () => api.get<SessionList>("/staff/sessions"),
  });
}

/** Every staff change refreshes the list and the sessions (disabling ends sessions). */
function useStaffMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.staff }),
  });
}

export const useInviteStaff = () =>
  useStaffMutation((body: { email: string; name: string; role: Role }) =>
    api.post<StaffMember>("/staff", body),
  );
export const useChangeRole = () =>
  useStaffMutation(({ id, role }: { id: string; role: Role }) =>
    api.put<StaffMember>(`/staff/${id}/role`, { role }),
  );
export const useStaffAction = () =>
  useStaffMutation(
    ({ id, action }: { id: string; action: "disable" | "enable" | "invitations" | "mfa-reset" }) =>
      api.post<StaffMember>(`/staff/${id}/${action}`),
  );
export const useEndStaffSession = () =>
  useStaffMutation((id: string) => api.delete<void>(`/staff/sessions/${id}`));
export const useSetMfaPolicy = () =>
  useStaffMutation((requireMfa: boolean) => api.put<unknown>("/clinic/mfa-policy", { requireMfa }));

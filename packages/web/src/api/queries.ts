/**
 * TanStack Query hooks over the API shared by the portal and the clinic: one place for query keys,
 * the signed-in user, invitations and the portal's questionnaires. The portal's first download holds
 * this module whole, so the clinic screens' own hooks live in clinic-queries.ts.
 */
import type {
  DraftSave,
  DraftView,
  InstrumentView,
  InvitationInfo,
  Me,
  Outbox,
  OutboxItem,
  PortalHome,
  ResponseBatch,
  ResponseView,
} from "@evident/domain/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, isApiError } from "./client";

export type { Outbox, OutboxItem };

export const keys = {
  me: ["me"] as const,
  patients: (q: string, limit: number, offset: number) => ["patients", { q, limit, offset }] as const,
  patient: (id: string) => ["patient", id] as const,
  portalHome: ["portal", "home"] as const,
  instruments: ["instruments"] as const,
  outcomes: ["outcomes"] as const,
  outbox: ["outbox"] as const,
  invitation: (token: string) => ["invitation", token] as const,
  draft: (followUpId: string) => ["portal", "draft", followUpId] as const,
  plan: ["clinic", "plan"] as const,
  catalogue: ["clinic", "catalogue"] as const,
};

/** The signed-in user, or null when nobody is (401). */
export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get<Me>("/auth/me");
      } catch (e) {
        if (isApiError(e) && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/**
 * The number the clinic's patients are told to call in an emergency (the clinic's own, else its
 * country's; db/repos/clinics). Pages that show it sit behind a sign-in, so "me" is loaded; the
 * fallback, 112, is the domain's own last resort (emergency-number.ts).
 */
export function useEmergencyNumber(): string {
  return useMe().data?.clinic.emergencyNumber ?? "112";
}

export function useSignIn(who: "staff" | "patient") {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string; code?: string }) =>
      api.post<Me>(`/auth/${who}/sign-in`, body),
    onSuccess: (me) => {
      // A new session: forget whatever the previous user's cache held.
      qc.clear();
      qc.setQueryData(keys.me, me);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/auth/sign-out"),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(keys.me, null);
    },
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: keys.invitation(token),
    queryFn: () => api.post<InvitationInfo>("/invitations/lookup", { token }),
    enabled: token.length >= 16,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAcceptInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => api.post<Me>("/invitations/accept", body),
    onSuccess: (me, { token }) => {
      // The welcome page still shows the invitation until it navigates away: keep it, or clearing
      // the cache makes it look the now-used link up again (a 404 on the patient's first page).
      const invitation = qc.getQueryData(keys.invitation(token));
      qc.clear();
      qc.setQueryData(keys.me, me);
      if (invitation !== undefined) qc.setQueryData(keys.invitation(token), invitation);
    },
  });
}

export function usePortalHome() {
  return useQuery({ queryKey: keys.portalHome, queryFn: () => api.get<PortalHome>("/portal/home") });
}

export function useSubmitPortalResponses() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ResponseBatch) =>
      api.post<{ responses: ResponseView[]; followUpCompleted: boolean }>("/portal/responses", body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.portalHome }),
  });
}

/** The saved answers of a follow-up in progress (fetched fresh each time the form opens). */
export function usePortalDraft(followUpId: string) {
  return useQuery({
    queryKey: keys.draft(followUpId),
    queryFn: () => api.get<{ draft: DraftView | null }>(`/portal/drafts/${followUpId}`),
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useSavePortalDraft(followUpId: string) {
  return useMutation({
    mutationFn: (body: DraftSave) => api.put<DraftView>(`/portal/drafts/${followUpId}`, body),
  });
}

export function useInstruments() {
  return useQuery({
    queryKey: keys.instruments,
    queryFn: () => api.get<{ items: InstrumentView[] }>("/instruments"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

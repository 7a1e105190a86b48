/** Query hooks for e-consent: the portal's documents and signatures, and staff's view and paper consents. */
import type {
  ConsentDocumentList,
  ConsentSign,
  PaperConsent,
  PatientConsents,
  PortalConsents,
} from "@evident/domain/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

const portalKey = (lang: string) => ["portal", "consents", lang] as const;

export function usePortalConsents(lang: "en" | "es") {
  return useQuery({
    queryKey: portalKey(lang),
    queryFn: () => api.get<PortalConsents>(`/portal/consents?lang=${lang}`),
  });
}

export function useSignConsent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentSign) => api.post<PatientConsents>("/portal/consents", body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["portal", "consents"] }),
  });
}

export function useWithdrawConsent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (consentId: string) => api.post<PatientConsents>(`/portal/consents/${consentId}/withdrawal`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["portal", "consents"] }),
  });
}

const patientKey = (patientId: string) => ["patient", patientId, "consents"] as const;

export function usePatientConsents(patientId: string) {
  return useQuery({
    queryKey: patientKey(patientId),
    queryFn: () => api.get<PatientConsents>(`/patients/${patientId}/consents`),
  });
}

export function useConsentDocuments() {
  return useQuery({
    queryKey: ["consent-documents"],
    queryFn: () => api.get<ConsentDocumentList>("/consent-documents"),
  });
}

export function useRecordPaperConsent(patientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PaperConsent) => api.post<PatientConsents>(`/patients/${patientId}/consents`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: patientKey(patientId) }),
  });
}

/** The clinic's audit trail (administrators): pages of events, older pages on demand, filter choices. */
import type { AuditFacets, AuditPage, PatientList } from "@evident/domain/api";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type AuditFilters, auditQuery } from "../clinic/audit";
import { api } from "./client";

export const AUDIT_PAGE_SIZE = 50;

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ["audit-events", filters],
    queryFn: ({ pageParam }) =>
      api.get<AuditPage>(
        `/audit-events?${auditQuery(filters, {
          limit: String(AUDIT_PAGE_SIZE),
          ...(pageParam ? { before: String(pageParam) } : {}),
        })}`,
      ),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });
}

export function useAuditFacets() {
  return useQuery({
    queryKey: ["audit-events", "facets"],
    queryFn: () => api.get<AuditFacets>("/audit-events/facets"),
  });
}

/** The CSV download of the same filters (a plain link: the browser saves the file). */
export const auditCsvHref = (filters: AuditFilters) => `/api/v1/audit-events.csv?${auditQuery(filters)}`;

/**
 * Patients by name for the patient filter, only once something is typed: a search is itself
 * audited, so opening the page must not search.
 */
export function usePatientChoices(q: string) {
  return useQuery({
    queryKey: ["audit-events", "patients", q],
    queryFn: () => api.get<PatientList>(`/patients?${new URLSearchParams({ q, limit: "10" })}`),
    enabled: q.length >= 2,
  });
}

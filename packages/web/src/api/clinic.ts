/** The signed-in staff member's clinic: its name and time zone. */
import type { ClinicSettings } from "@evident/domain/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

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

/** Query hooks for the pain diary (portal). */
import type { DiaryEntryInput, DiaryEntryView, DiaryView } from "@evident/domain/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

const key = ["portal", "diary"] as const;

export function useDiary() {
  return useQuery({ queryKey: key, queryFn: () => api.get<DiaryView>("/portal/diary") });
}

export function useSaveDiary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ date, body }: { date: string; body: DiaryEntryInput }) =>
      api.put<DiaryEntryView>(`/portal/diary/${date}`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

export function useDiaryReminder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reminder: boolean) => api.put<{ reminder: boolean }>("/portal/diary-reminder", { reminder }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

/** Query hooks for patients' stories: a patient's stories (staff), drafting, approval, and the decision aid's. */
import type { DecisionAidStories, StoryDraft, StoryEdit, StoryList, StoryView } from "@evident/domain/api";
import type { ContentLanguage } from "@evident/domain/evidence";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

/** Every published story at the clinic, in the stated order, with the rule and label in `lang`. */
export function useDecisionAidStories(lang: ContentLanguage) {
  return useQuery({
    queryKey: ["decision-aid", "stories", lang],
    queryFn: () => api.get<DecisionAidStories>(`/decision-aid/stories?lang=${lang}`),
  });
}

export function usePatientStories(patientId: string) {
  return useQuery({
    queryKey: ["patient", patientId, "stories"],
    queryFn: () => api.get<StoryList>(`/patients/${patientId}/stories`),
  });
}

function useInvalidate(patientId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ["patient", patientId, "stories"] });
    void qc.invalidateQueries({ queryKey: ["decision-aid", "stories"] });
  };
}

export function useDraftStory(patientId: string) {
  const done = useInvalidate(patientId);
  return useMutation({
    mutationFn: (body: StoryDraft) => api.post<StoryView>(`/patients/${patientId}/stories`, body),
    onSuccess: done,
  });
}

export function useApproveStory(patientId: string) {
  const done = useInvalidate(patientId);
  return useMutation({
    mutationFn: (storyId: string) => api.post<StoryView>(`/stories/${storyId}/approval`),
    onSuccess: done,
  });
}

export function useEditStory(patientId: string) {
  const done = useInvalidate(patientId);
  return useMutation({
    mutationFn: ({ storyId, text }: { storyId: string } & StoryEdit) =>
      api.put<StoryView>(`/stories/${storyId}`, { text }),
    onSuccess: done,
  });
}

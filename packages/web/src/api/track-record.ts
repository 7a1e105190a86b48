/**
 * A clinic's public track record: the administrators' publishing state and preview, and the public
 * pages anyone may read. In its own module so the portal's first download never carries it.
 */
import type { PublishedClinics, TrackRecord, TrackRecordPublishing } from "@evident/domain/api/track-record";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client";

const key = ["clinic", "track-record"] as const;

export function useTrackRecordPublishing() {
  return useQuery({ queryKey: key, queryFn: () => api.get<TrackRecordPublishing>("/clinic/track-record") });
}

export function useSetTrackRecordPublished() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (published: boolean) => api.put<TrackRecordPublishing>("/clinic/track-record", { published }),
    onSuccess: (state) => {
      qc.setQueryData(key, state);
      void qc.invalidateQueries({ queryKey: ["public", "track-record"] });
    },
  });
}

export function usePublicTrackRecord(slug: string) {
  return useQuery({
    queryKey: ["public", "track-record", slug],
    queryFn: () => api.get<TrackRecord>(`/public/clinics/${encodeURIComponent(slug)}/track-record`),
    retry: false,
  });
}

export function usePublishedTrackRecords() {
  return useQuery({
    queryKey: ["public", "track-record", "list"],
    queryFn: () => api.get<PublishedClinics>("/public/track-records"),
  });
}

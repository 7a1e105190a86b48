/** The worklist's follow-ups: open now or opening within a week, closing soonest first. */
import { useQuery } from "@tanstack/react-query";
import { api } from "./client";

export type DueFollowUp = {
  id: string;
  patientId: string;
  patientName: string;
  timepoint: string;
  dueDate: string;
  windowStart: string;
  windowEnd: string;
  contacts: number;
  /** An activated portal account: false means nothing can be e-mailed. */
  emailable: boolean;
};

export function useDueFollowUps() {
  return useQuery({
    queryKey: ["follow-ups", "due"] as const,
    queryFn: () => api.get<{ items: DueFollowUp[] }>("/follow-ups/due"),
  });
}

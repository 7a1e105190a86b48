/**
 * The Messages page's query, apart from ./queries (which every page's first download holds): the
 * portal never needs it.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "./client";
import { keys, type Outbox } from "./queries";

export function useOutbox(limit = 100, offset = 0) {
  return useQuery({
    queryKey: [...keys.outbox, limit, offset],
    queryFn: () => api.get<Outbox>(`/outbox?limit=${limit}&offset=${offset}`),
    placeholderData: keepPreviousData,
    // Messages go out in the background: keep the status fresh while the page is open.
    refetchInterval: 10_000,
  });
}

/** Who reads the library, as far as the portal has already loaded them (never asked for here). */
import type { Me } from "@evident/domain/api";
import { useQuery } from "@tanstack/react-query";
import { keys } from "../../api/queries";

export function useLibraryReader(): Me | null | undefined {
  return useQuery<Me | null>({ queryKey: keys.me, enabled: false }).data;
}

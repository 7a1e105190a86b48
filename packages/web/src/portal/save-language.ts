/**
 * Saves the language chosen in the portal to the patient, so their e-mails follow it, and keeps
 * the signed-in patient in the cache in step.
 */
import type { Me } from "@evident/domain/api";
import type { QueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { keys } from "../api/queries";

export async function saveLanguage(qc: QueryClient, language: "en" | "es"): Promise<void> {
  const saved = await api.put<{ language: "en" | "es" }>("/portal/language", { language });
  qc.setQueryData<Me | null>(keys.me, (me) =>
    me?.kind === "patient" ? { ...me, language: saved.language } : me,
  );
}

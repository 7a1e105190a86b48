/**
 * The portal's language: English or Spanish, decided by one rule (resolve-language.ts) from the
 * switch in the portal's header (remembered in this browser), the signed-in patient's own language
 * and the browser's. A switch made while signed in is saved to the patient, so the e-mails they
 * get follow it. Every portal route sits inside <PortalLanguage>, which also sets the page's
 * `lang` so screen readers pronounce it right, and puts it back when the person leaves the portal.
 * Screens take their words with `useLocalized({ en, es })`, so no screen decides the language.
 */
import type { Me } from "@evident/domain/api";
import { SegmentedControl } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState } from "react";
import { Outlet } from "react-router";
import { keys } from "../api/queries";
import { type Copy, copy } from "./copy";
import { copyEs } from "./copy-es";
import { resolveLanguage } from "./resolve-language";
import { saveLanguage } from "./save-language";

export const languages = ["en", "es"] as const;
export type Lang = (typeof languages)[number];

const KEY = "evident.portal.language";

function storedChoice(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

const Context = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({
  lang: "en",
  setLang: () => {},
});

/**
 * The signed-in person as far as a page has already loaded them; never asks the server itself, so
 * a page that needs nobody signed in (sign-in, welcome, the library) makes no request for it.
 */
function useLoadedMe(): Me | null | undefined {
  return useQuery<Me | null>({ queryKey: keys.me, enabled: false }).data;
}

export function PortalLanguage() {
  const me = useLoadedMe();
  const patient = me?.kind === "patient" ? me.language : null;
  const [chosen, setChosen] = useState<string | null>(storedChoice);
  const lang = resolveLanguage({ chosen, patient, browser: navigator.languages });
  const qc = useQueryClient();
  useEffect(() => {
    // A choice made here (on the sign-in page, or with the switch) becomes the patient's own;
    // if saving fails, the next page that loads the patient tries again.
    if (!patient || (chosen !== "en" && chosen !== "es") || chosen === patient) return;
    saveLanguage(qc, chosen).catch(() => {});
  }, [patient, chosen, qc]);
  useEffect(() => {
    const before = document.documentElement.lang;
    document.documentElement.lang = lang;
    return () => {
      document.documentElement.lang = before || "en";
    };
  }, [lang]);
  const setLang = (l: Lang) => {
    setChosen(l);
    try {
      localStorage.setItem(KEY, l);
    } catch {
      // Storage disabled: the choice lasts until the page is reloaded (and is saved to the patient).
    }
  };
  return (
    <Context.Provider value={{ lang, setLang }}>
      <Outlet />
    </Context.Provider>
  );
}

export const useLanguage = () => useContext(Context);

/** The words of a screen in the page's language: pass each language's set. */
export function useLocalized<T>(byLanguage: Readonly<Record<Lang, T>>): T {
  return byLanguage[useContext(Context).lang];
}

export function useCopy(): Copy {
  return useLocalized({ en: copy, es: copyEs });
}

/** English | Español, each named in its own language (a radio group for assistive technology). */
export function LanguageSwitch() {
  const { lang, setLang } = useLanguage();
  const t = useCopy();
  return (
    <SegmentedControl
      size="sm"
      aria-label={t.language}
      value={lang}
      onChange={(v) => setLang(v === "es" ? "es" : "en")}
      data={[
        { value: "en", label: <span lang="en">English</span> },
        { value: "es", label: <span lang="es">Español</span> },
      ]}
    />
  );
}

/**
 * The portal's language: English or Spanish, chosen with the switch in the portal's header and
 * remembered in this browser (localStorage). Every portal route sits inside <PortalLanguage>,
 * which also sets the page's `lang` so screen readers pronounce it right, and puts it back when
 * the person leaves the portal.
 */
import { SegmentedControl } from "@mantine/core";
import { createContext, useContext, useEffect, useState } from "react";
import { Outlet } from "react-router";
import { type Copy, copy } from "./copy";
import { copyEs } from "./copy-es";

export const languages = ["en", "es"] as const;
export type Lang = (typeof languages)[number];

const KEY = "evident.portal.language";

function stored(): Lang {
  try {
    const v = localStorage.getItem(KEY);
    return v === "es" ? "es" : "en";
  } catch {
    return "en";
  }
}

const Context = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({
  lang: "en",
  setLang: () => {},
});

export function PortalLanguage() {
  const [lang, setLangState] = useState<Lang>(stored);
  useEffect(() => {
    const before = document.documentElement.lang;
    document.documentElement.lang = lang;
    return () => {
      document.documentElement.lang = before || "en";
    };
  }, [lang]);
  const setLang = (l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(KEY, l);
    } catch {
      // Storage disabled: the choice lasts until the page is reloaded.
    }
  };
  return (
    <Context.Provider value={{ lang, setLang }}>
      <Outlet />
    </Context.Provider>
  );
}

export const useLanguage = () => useContext(Context);

export function useCopy(): Copy {
  return useContext(Context).lang === "es" ? copyEs : copy;
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

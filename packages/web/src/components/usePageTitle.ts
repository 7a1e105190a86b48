import { useEffect } from "react";

/** Every screen names itself in the tab title (WCAG 2.4.2), most specific part first. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Evident` : "Evident";
  }, [title]);
}

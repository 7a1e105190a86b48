import { useEffect, useState } from "react";

/**
 * State kept in sessionStorage, so a reload or an accidental back-navigation in the middle of a
 * questionnaire does not lose the answers. It lives only in this browser tab.
 */
export function useDraft<T>(key: string, initial: T): [T, (update: (prev: T) => T) => void, () => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(key);
      return raw ? (JSON.parse(raw) as T) : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the draft simply is not kept.
    }
  }, [key, value]);
  const clear = () => sessionStorage.removeItem(key);
  return [value, (update) => setValue(update), clear];
}

/**
 * Clinic time zones: local dates and hours for things that happen "in the evening" or "today"
 * where the patient lives, not in UTC. A zone is an IANA name ("America/New_York"); the offset
 * and daylight saving time come from the runtime's time-zone data through Intl, so there is no
 * table of our own to keep up to date. Pure (Intl is part of the language).
 */
import type { IsoDate } from "./dates";

/** True for a time zone the runtime knows by its IANA name (e.g. "Europe/Berlin", "UTC"). */
export function isTimeZone(name: string): boolean {
  if (name.trim() === "" || name !== name.trim()) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(timeZone, f);
  }
  return f;
}

export type LocalTime = { date: IsoDate; hour: number; minute: number; second: number };

/** The wall-clock date and time at `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatIn(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The local hour from which the day's diary reminder goes out: early evening, after work. */
export const DIARY_REMINDER_LOCAL_HOUR = 19;

/**
 * Whether the day's diary reminder is due at `now` for a clinic in `timeZone`, and for which
 * local day (the entry it asks for, and the key that sends it once).
 */
export function diaryReminderDue(now: Date, timeZone: string): { due: boolean; localDate: IsoDate } {
  const l = localTime(now, timeZone);
  return { due: l.hour >= DIARY_REMINDER_LOCAL_HOUR, localDate: l.date };
}

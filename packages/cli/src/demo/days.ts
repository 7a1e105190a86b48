/**
 * Days and instants for the demo generator. Days are whole days since 1970-01-01 (UTC), instants
 * epoch milliseconds. Conversions and follow-up schedules repeat for every patient seen on the
 * same day, so they are cached (a few thousand distinct days at most): at 100k patients the
 * domain's date parsing was otherwise a tenth of the generator's time.
 */
import { scheduleFollowUps } from "@evident/domain";
import { defaultPlan, followUpTimepoints } from "@evident/domain/pathway/plan";
import type { Random } from "./random";

export const DAY_MS = 86_400_000;

const isoCache = new Map<number, string>();
const dayCache = new Map<string, number>();
const scheduleCache = new Map<string, ReturnType<typeof scheduleFollowUps>>();

/** "YYYY-MM-DD" of a day number. */
export function isoDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

/** The day number of "YYYY-MM-DD". */
export function dayOf(iso: string): number {
  let d = dayCache.get(iso);
  if (d === undefined) {
    d = Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
    dayCache.set(iso, d);
  }
  return d;
}

const planned = followUpTimepoints(defaultPlan);

/** The follow-ups of a treatment on this date under the default plan (the demo clinics' plan). */
export function scheduleFor(treatmentDate: string): ReturnType<typeof scheduleFollowUps> {
  let s = scheduleCache.get(treatmentDate);
  if (s === undefined) {
    s = scheduleFollowUps(treatmentDate, planned);
    scheduleCache.set(treatmentDate, s);
  }
  return s;
}

/** A time of day in clinic or waking hours, as milliseconds after midnight. */
export const timeOfDay = (rng: Random, fromHour: number, toHour: number) =>
  Math.floor(rng.uniform(fromHour, toHour) * 3_600_000);

/**
 * Formatting for people: dates in the reader's words, numbers with sensible precision, signed
 * changes with a real minus sign, intervals as "a to b". Pure, so tested without a DOM.
 * Calendar dates ("YYYY-MM-DD") are formatted in UTC so they never shift a day with the time zone.
 */
import { ageOn, daysBetween, isIsoDate } from "@evident/domain";

const dateFmt = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const dateFmtEs = new Intl.DateTimeFormat("es-ES", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const longDateFmt = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});
const dateTimeFmt = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** A calendar date as midnight UTC; an instant as its calendar date where the reader is. */
function asDate(s: string): Date {
  if (isIsoDate(s)) return new Date(`${s}T00:00:00Z`);
  const instant = new Date(s);
  return Number.isNaN(instant.getTime()) ? instant : new Date(`${localToday(instant)}T00:00:00Z`);
}

/** "22 Nov 2026" ("22 nov 2026") for a calendar date or the date part of an instant. */
export function formatDate(s: string | null | undefined, lang: "en" | "es" = "en"): string {
  if (!s) return "—";
  const d = asDate(s);
  return Number.isNaN(d.getTime()) ? s : (lang === "es" ? dateFmtEs : dateFmt).format(d);
}

const dayMonthFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "17 Nov – 1 Dec 2026"; the year is written once when both dates share it. */
export function formatDateRange(start: string, end: string): string {
  if (!isIsoDate(start) || !isIsoDate(end)) return `${formatDate(start)} – ${formatDate(end)}`;
  if (start.slice(0, 4) !== end.slice(0, 4)) return `${formatDate(start)} – ${formatDate(end)}`;
  return `${dayMonthFmt.format(asDate(start))} – ${formatDate(end)}`;
}

const longDateEs = new Intl.DateTimeFormat("es-ES", {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});

/** "Sunday 22 November" ("domingo, 22 de noviembre") — for patients, who think in days, not ISO dates. */
export function formatLongDate(s: string, lang: "en" | "es" = "en"): string {
  const d = asDate(s);
  return Number.isNaN(d.getTime()) ? s : (lang === "es" ? longDateEs : longDateFmt).format(d);
}

/** Local date and time of an instant ("22 Nov 2026, 14:05"). */
export function formatDateTime(s: string | null | undefined): string {
  if (!s) return "—";
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : dateTimeFmt.format(d);
}

/** Today's calendar date in the reader's time zone (a clinic's "today", not UTC's). */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export function ageFrom(birthDate: string, today: string): number | null {
  return isIsoDate(birthDate) && isIsoDate(today) ? ageOn(birthDate, today) : null;
}

const MINUS = "\u2212";

/** A number with fixed decimals and a typographic minus; "—" when missing. */
export function formatNumber(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const s = Math.abs(x).toFixed(digits);
  return x < 0 && Number(s) !== 0 ? `${MINUS}${s}` : s;
}

/** A change, always signed: "+1.0", "−2.3", "0.0". */
export function formatChange(x: number | null | undefined, digits = 1): string {
  const s = formatNumber(x, digits);
  return x !== null && x !== undefined && x > 0 && Number(Math.abs(x).toFixed(digits)) !== 0 ? `+${s}` : s;
}

export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  return `${Math.round(share * 100)}%`;
}

export function formatInterval(
  ci: readonly [number, number] | null | undefined,
  format: (x: number) => string,
): string {
  return ci ? `${format(ci[0])} to ${format(ci[1])}` : "—";
}

const relativeEs = new Intl.RelativeTimeFormat("es", { numeric: "auto" });

/** "today", "tomorrow", "in 5 days", "3 days ago" — plain words for due dates (or in Spanish). */
export function relativeDays(date: string, today: string, lang: "en" | "es" = "en"): string {
  if (!isIsoDate(date) || !isIsoDate(today)) return date;
  const n = daysBetween(today, date);
  if (lang === "es")
    return Math.abs(n) > 60 ? relativeEs.format(Math.round(n / 30.44), "month") : relativeEs.format(n, "day");
  if (n === 0) return "today";
  if (n === 1) return "tomorrow";
  if (n === -1) return "yesterday";
  // Beyond two months, days stop meaning much to a reader: "in about 9 months".
  if (Math.abs(n) > 60) {
    const months = Math.round(Math.abs(n) / 30.44);
    return n > 0 ? `in about ${months} months` : `about ${months} months ago`;
  }
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}

/**
 * A patient's answers grouped into sittings (the questionnaires answered together for one
 * timepoint), newest first, and the points of their trend chart, oldest first.
 */
import type { ResponseView } from "@evident/domain/api";

export type Sitting = {
  key: string;
  timepoint: string;
  followUpId: string | null;
  completedAt: string;
  source: string;
  /** A baseline answered after the treatment: kept, but left out of change scores. */
  lateBaseline: boolean;
  byInstrument: Record<string, ResponseView>;
};

export function groupSittings(responses: readonly ResponseView[]): Sitting[] {
  const map = new Map<string, Sitting>();
  for (const r of responses) {
    // Answers submitted together share their completion instant and timepoint.
    const key = `${r.timepoint}|${r.completedAt}`;
    const s = map.get(key) ?? {
      key,
      timepoint: r.timepoint,
      followUpId: r.followUpId,
      completedAt: r.completedAt,
      source: r.source,
      lateBaseline: false,
      byInstrument: {},
    };
    s.byInstrument[r.instrument] = r;
    s.lateBaseline ||= r.lateBaseline;
    map.set(key, s);
  }
  return [...map.values()].sort((a, b) => b.completedAt.localeCompare(a.completedAt));
}

/** Instruments present, in a stable reading order: pain scales first, then function and health. */
export function instrumentOrder(responses: readonly ResponseView[]): string[] {
  const preferred = ["nrs_back", "nrs_leg", "odi", "rmdq", "peg", "promis29", "eq5d5l", "startback", "pgic"];
  const present = new Set(responses.map((r) => r.instrument));
  return [
    ...preferred.filter((i) => present.has(i)),
    ...[...present].filter((i) => !preferred.includes(i)).sort(),
  ];
}

export type TrendPoint = { at: string; timepoint: string; nrs_back: number | null; odi: number | null };

export function trendPoints(responses: readonly ResponseView[]): TrendPoint[] {
  return groupSittings(responses)
    .map((s) => ({
      at: s.completedAt,
      timepoint: s.timepoint,
      nrs_back: s.byInstrument.nrs_back?.score ?? null,
      odi: s.byInstrument.odi?.score ?? null,
    }))
    .filter((p) => p.nrs_back !== null || p.odi !== null)
    .reverse();
}

export function bandOf(r: ResponseView | undefined): string | null {
  const band = r?.scoreDetail.band;
  return typeof band === "string" ? band : null;
}

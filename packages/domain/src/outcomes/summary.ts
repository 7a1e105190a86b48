/**
 * The outcomes table: for each treatment kind and follow-up timepoint, how many follow-ups were
 * due, answered, missed or still open; and for each measure the paired change from baseline
 * (mean with a t interval) and the share of patients reaching a clinically important improvement
 * (Wilson interval). Responder rules come from the instrument definitions: ODI ≥ 10 points or
 * ≥ 30 %, NRS ≥ 2 points or ≥ 30 % (Ostelo 2008).
 *
 * Only patients with both a baseline and a follow-up score enter a change: a registry that
 * quietly drops non-responders overstates success, so the missed counts are reported beside it.
 */
import type { MeasureSummary, OutcomeRow } from "../api/outcomes";
import type { IsoDate } from "../dates";
import { findInstrument } from "../instruments";
import { followUpStatus, timepointIds } from "../pathway/schedule";
import { meanCI, wilsonInterval } from "../stats";

export type OutcomeObservation = {
  treatmentKind: string;
  timepoint: string;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  completedAt: Date | string | null;
  cancelledAt: Date | string | null;
  /** Score per instrument id: the latest before treatment (baseline) and at this follow-up. */
  baseline: Readonly<Record<string, number | null | undefined>>;
  followUp: Readonly<Record<string, number | null | undefined>>;
};

/** Improvement in the instrument's "better" direction, in points. */
function improvement(direction: "higher-worse" | "higher-better", baseline: number, after: number): number {
  return direction === "higher-worse" ? baseline - after : after - baseline;
}

export function isResponse(instrumentId: string, baseline: number, after: number): boolean {
  const def = findInstrument(instrumentId);
  if (!def?.responder) return false;
  const gain = improvement(def.direction, baseline, after);
  const room =
    def.direction === "higher-worse" ? baseline - def.scoreRange.min : def.scoreRange.max - baseline;
  // A relative threshold needs something to improve from: a baseline at the best end cannot respond.
  return (
    gain >= def.responder.absolute ||
    (room > 0 && baseline !== 0 && gain / Math.abs(baseline) >= def.responder.relative)
  );
}

export function responderRule(instrumentId: string): string {
  const def = findInstrument(instrumentId);
  if (!def?.responder) return "none";
  const { absolute, relative, source } = def.responder;
  return `improved by ≥ ${absolute} points or ≥ ${Math.round(relative * 100)}% (${source})`;
}

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function summarizeMeasure(
  instrument: string,
  pairs: readonly (readonly [number, number])[],
): MeasureSummary {
  const n = pairs.length;
  const changes = pairs.map(([b, a]) => a - b);
  const ci = n >= 2 ? meanCI(changes) : null;
  const responders = pairs.filter(([b, a]) => isResponse(instrument, b, a)).length;
  const share = n >= 1 ? wilsonInterval(responders, n) : null;
  return {
    instrument,
    n,
    baselineMean: avg(pairs.map(([b]) => b)),
    followUpMean: avg(pairs.map(([, a]) => a)),
    meanChange: avg(changes),
    meanChangeCI: ci ? [ci.lower, ci.upper] : null,
    responders,
    responderShare: share ? share.proportion : null,
    responderShareCI: share ? [share.lower, share.upper] : null,
    responderRule: responderRule(instrument),
  };
}

export function summarizeOutcomes(
  observations: readonly OutcomeObservation[],
  today: IsoDate,
  instruments: readonly string[],
): OutcomeRow[] {
  const groups = new Map<string, OutcomeObservation[]>();
  for (const o of observations) {
    const key = `${o.treatmentKind}\u0000${o.timepoint}`;
    const g = groups.get(key);
    if (g) g.push(o);
    else groups.set(key, [o]);
  }
  const order = (tp: string) => timepointIds.indexOf(tp as (typeof timepointIds)[number]);
  return [...groups.values()]
    .map((g) => {
      const first = g[0]!;
      const status = g.map((o) => followUpStatus(o, today));
      const due = status.filter((s) => s === "completed" || s === "missed" || s === "open").length;
      return {
        treatmentKind: first.treatmentKind,
        timepoint: first.timepoint,
        due,
        responded: status.filter((s) => s === "completed").length,
        missed: status.filter((s) => s === "missed").length,
        pending: status.filter((s) => s === "open").length,
        measures: instruments.map((inst) =>
          summarizeMeasure(
            inst,
            g.flatMap((o) => {
              const b = o.baseline[inst];
              const a = o.followUp[inst];
              return typeof b === "number" && typeof a === "number" ? [[b, a] as const] : [];
            }),
          ),
        ),
      };
    })
    .sort(
      (x, y) => x.treatmentKind.localeCompare(y.treatmentKind) || order(x.timepoint) - order(y.timepoint),
    );
}

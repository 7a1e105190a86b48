import { describe, expect, it } from "vitest";
import { addDays } from "../dates";
import { scheduleFollowUps } from "../pathway/schedule";
import { funnelPlot, seededRandom } from "../stats";
import {
  type BenchmarkCandidate,
  benchmarkCovariates,
  benchmarkRows,
  clinicBenchmark,
  MINIMUM_PER_CLINIC,
} from "./benchmarking";
import { isResponse } from "./summary";

const T0 = "2024-01-08";
const TODAY = "2025-06-02";
const [window] = scheduleFollowUps(T0, ["12m"]);

/** `n` first treatments in `clinic`, with a shift in ODI change (negative: better). */
function clinic(clinicId: string, n: number, seed: number, shift = 0): BenchmarkCandidate[] {
  const rng = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + rng.below(hi - lo + 1);
  return Array.from({ length: n }, (_, i) => {
    const odi = 2 * int(10, 35);
    const nrs = int(3, 9);
    const answered = i % 7 !== 3;
    return {
      clinicId,
      kind: i % 4 === 0 ? "exercise_physiotherapy" : "epidural_steroid_injection",
      treatmentDate: T0,
      birthDate: `${1950 + int(0, 40)}-05-10`,
      sex: rng.next() < 0.5 ? "female" : "male",
      condition: i % 3 === 0 ? "facet_arthropathy" : "degenerative_disc_disease",
      startBack: i % 5 === 0 ? null : ((["low", "medium", "high"] as const)[int(0, 2)] ?? "low"),
      baseline: { odi, nrs_back: i % 9 === 8 ? null : nrs },
      followUp: window
        ? {
            windowStart: window.windowStart,
            windowEnd: window.windowEnd,
            completedAt: answered ? `${addDays(T0, 365)}T09:00:00Z` : null,
            cancelledAt: null,
            ended: false,
          }
        : null,
      score: answered
        ? { odi: Math.max(0, odi - 2 * int(-3, 10) + shift), nrs_back: Math.max(0, nrs - int(-1, 4)) }
        : { odi: null, nrs_back: null },
      surgeryDays: i % 6 === 0 ? int(60, 500) : null,
    };
  });
}

const network = [
  ...clinic("c1", 80, 1),
  ...clinic("c2", 140, 2, -12),
  ...clinic("c3", 60, 3, 6),
  ...clinic("small", MINIMUM_PER_CLINIC - 5, 4),
];

describe("clinic benchmarking", () => {
  it("gives each plotted clinic exactly the funnel of the pooled model on the analysed rows", () => {
    const result = clinicBenchmark(network, "odi", TODAY);
    const { rows, outcome, severity } = benchmarkRows(network, "odi", TODAY);
    const direct = funnelPlot(
      rows.map((r) => r.clinicId),
      outcome,
      benchmarkCovariates(rows, severity, "odi").covariates,
    );
    expect(result.points.map((p) => p.clinicId)).toEqual(["c1", "c2", "c3"]);
    for (const p of result.points) {
      const { name: _, variance: __, ...unit } = direct.units.find((u) => u.name === p.clinicId)!;
      expect(p).toEqual({ clinicId: p.clinicId, ...unit });
    }
    expect(result.model?.[0]?.name).toBe("(Intercept)");
  });

  it("counts a clinic below the minimum in the model but does not plot it", () => {
    const result = clinicBenchmark(network, "odi", TODAY);
    expect(result.clinicsInModel).toBe(4);
    expect(result.clinicsBelowMinimum).toBe(1);
    expect(result.analysed).toBe(benchmarkRows(network, "odi", TODAY).rows.length);
    expect(result.points.some((p) => p.clinicId === "small")).toBe(false);
  });

  it("uses the outcomes report's responder rule and leaves out unanswered or baseline-less rows", () => {
    const { rows, outcome } = benchmarkRows(network, "nrs_back", TODAY);
    expect(rows.every((r) => r.baseline.nrs_back !== null && r.score.nrs_back !== null)).toBe(true);
    rows.forEach((r, i) => {
      expect(outcome[i]).toBe(isResponse("nrs_back", r.baseline.nrs_back!, r.score.nrs_back!) ? 1 : 0);
    });
  });

  it("counts surgery within 365 days after a non-surgical first treatment given a year or more ago", () => {
    const { rows, outcome } = benchmarkRows(network, "surgery", TODAY);
    expect(rows.length).toBe(network.length);
    rows.forEach((r, i) => {
      expect(outcome[i]).toBe(r.surgeryDays !== null && r.surgeryDays <= 365 ? 1 : 0);
    });
    expect(benchmarkRows(network, "surgery", addDays(T0, 300)).rows).toEqual([]);
  });

  it("adjusts for age, sex, baseline, STarT Back group and condition", () => {
    const { rows, severity } = benchmarkRows(network, "odi", TODAY);
    const { labels } = benchmarkCovariates(rows, severity, "odi");
    expect(labels.map((l) => l.name)).toEqual([
      "age",
      "female",
      "baseline",
      "startback:medium",
      "startback:high",
      "startback:unknown",
      "condition:facet_arthropathy",
    ]);
  });

  it("plots nothing, with no model, when fewer than two clinics reach the minimum", () => {
    const result = clinicBenchmark([...clinic("c1", 80, 1), ...clinic("c2", 10, 2)], "odi", TODAY);
    expect(result.points).toEqual([]);
    expect(result.model).toBeNull();
    expect(result.clinicsBelowMinimum).toBe(1);
  });

  it("draws limit curves that narrow as the expected count grows and bracket 1", () => {
    const { curve } = clinicBenchmark(network, "odi", TODAY);
    const first = curve[0]!;
    const last = curve.at(-1)!;
    expect(last.upper95 - last.lower95).toBeLessThan(first.upper95 - first.lower95);
    expect(last.lower998).toBeLessThan(last.lower95);
    expect(last.upper95).toBeGreaterThan(1);
  });
});

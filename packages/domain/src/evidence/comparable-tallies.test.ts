import { describe, expect, it } from "vitest";
import { decisionOptionIds } from "./catalogue";
import {
  type BaselineProfile,
  comparablePatients,
  type RegistryCase,
  type StartBackGroup,
} from "./comparable";
import { comparableFromTallies, tallyCases } from "./comparable-tallies";
import { treatmentKindForOption } from "./treatment-kinds";

/** mulberry32: a failure names its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const kinds: string[] = [
  ...new Set(
    decisionOptionIds.flatMap((o) => (treatmentKindForOption(o) ? [treatmentKindForOption(o)!.kind] : [])),
  ),
];
const groups: (StartBackGroup | null)[] = ["low", "medium", "high", null];

function randomCases(random: () => number, n: number): RegistryCase[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const maybe = <T>(x: T, p = 0.1) => (random() < p ? null : x);
  return Array.from({ length: n }, (_, i) => ({
    treatmentId: `t${i}`,
    // Few kinds and coarse values, so matched groups reach the minimum and widening happens.
    treatmentKind: pick(kinds.slice(0, 3)),
    baseline: {
      odi: maybe(Math.round(random() * 25) * 4),
      startBack: pick(groups),
      symptomWeeks: maybe(Math.floor(random() * 200)),
      age: maybe(30 + Math.floor(random() * 40)),
    },
    before: maybe(Math.floor(random() * 11)),
    followUps: ["3m", "6m", "12m"]
      .filter(() => random() < 0.7)
      .map((timepoint) => ({ timepoint, after: maybe(Math.floor(random() * 11), 0.3) })),
  }));
}

describe("people like you from tallies", () => {
  it("gives exactly the figures of the single cases, for any patient and minimum, on random registries", () => {
    let figures = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const random = rng(seed);
      const cases = randomCases(random, 50 + Math.floor(random() * 400));
      const tallies = tallyCases(cases, ["3m", "6m", "12m"]);
      expect(tallies.length).toBeLessThanOrEqual(cases.length);
      for (let p = 0; p < 5; p++) {
        const profile: BaselineProfile | null =
          p === 0
            ? null
            : {
                odi: random() < 0.1 ? null : Math.round(random() * 25) * 4,
                startBack: groups[Math.floor(random() * 4)] ?? null,
                symptomWeeks: random() < 0.2 ? null : Math.floor(random() * 200),
                age: random() < 0.1 ? null : 30 + Math.floor(random() * 40),
              };
        for (const minimum of [5, 30]) {
          const direct = comparablePatients(profile, cases, minimum);
          expect(comparableFromTallies(profile, tallies, minimum)).toEqual(direct);
          figures += direct.items.filter((i) => i.figure).length;
        }
      }
    }
    // The comparison is only worth something if figures were actually produced.
    expect(figures).toBeGreaterThan(100);
  });

  it("keeps alike cases in one tally: the same kind and baseline, pain duration by band", () => {
    const base = { treatmentKind: kinds[0]!, before: 6, followUps: [{ timepoint: "12m", after: 2 }] };
    const tallies = tallyCases(
      [
        { ...base, treatmentId: "a", baseline: { odi: 40, startBack: "low", symptomWeeks: 30, age: 50 } },
        { ...base, treatmentId: "b", baseline: { odi: 40, startBack: "low", symptomWeeks: 90, age: 50 } },
        { ...base, treatmentId: "c", baseline: { odi: 40, startBack: "low", symptomWeeks: 110, age: 50 } },
      ],
      ["12m"],
    );
    expect(tallies.map((t) => [t.baseline.symptomWeeks, t.treated, t.at["12m"]])).toEqual([
      [26, 2, { due: 2, n: 2, responders: 2 }],
      [104, 1, { due: 1, n: 1, responders: 1 }],
    ]);
  });
});

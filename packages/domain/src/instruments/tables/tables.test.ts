/**
 * The scoring tables in TypeScript against the copied source CSVs, every row: a transcription
 * slip in a data module fails here with the row it is on.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { eq5dIndex } from "../eq5d5l";
import { eq5dDimensions, eq5dValueSets } from "./eq5d5l-value-sets";
import { promis29DomainIds, promis29TScores } from "./promis29-v2.1";
import { parseCsv } from "./source/parse-csv";

const csv = (name: string) => parseCsv(readFileSync(new URL(`./source/${name}`, import.meta.url), "utf8"));

const domainNames: Record<string, (typeof promis29DomainIds)[number]> = {
  "Physical Function": "physical_function",
  Anxiety: "anxiety",
  Depression: "depression",
  Fatigue: "fatigue",
  "Sleep Disturbance": "sleep_disturbance",
  "Ability to Participate in Social Roles and Activities": "social_roles",
  "Pain Interference": "pain_interference",
};

describe("PROMIS-29 v2.1 T-score tables", () => {
  const rows = csv("promis29_v2.1_tscores.csv");

  it("holds every row of the source table, in order, and nothing else", () => {
    expect(rows).toHaveLength(119);
    const fromCsv = promis29DomainIds.map((d) =>
      rows
        .filter((r) => domainNames[r.domain!] === d)
        .map((r) => [Number(r.raw_score), Number(r.t_score), Number(r.se)]),
    );
    expect(promis29DomainIds.map((d) => promis29TScores[d].map((row) => [...row]))).toEqual(fromCsv);
  });

  it("covers raw 4–20 once per domain", () => {
    for (const d of promis29DomainIds) {
      expect(promis29TScores[d].map(([raw]) => raw)).toEqual(Array.from({ length: 17 }, (_, i) => i + 4));
    }
  });

  it("rises with the raw score in every domain (T-scores are monotone in the sum)", () => {
    for (const d of promis29DomainIds) {
      const ts = promis29TScores[d].map(([, t]) => t);
      expect(ts.every((t, i) => i === 0 || t > ts[i - 1]!)).toBe(true);
    }
  });

  it("agrees with all three transcriptions and the IRT recomputation wherever they exist", () => {
    const checks = csv("promis29_v2.1_tscores_crosscheck.csv");
    expect(checks).toHaveLength(119);
    for (const c of checks) {
      const [, t, se] = promis29TScores[domainNames[c.domain!]!].find(
        ([raw]) => raw === Number(c.raw_score),
      )!;
      const where = `${c.domain} raw ${c.raw_score}`;
      for (const source of [c.srcA_t, c.srcC_t, c.srcD_t, c.irt_t]) {
        if (source) expect(Number(source), where).toBe(t);
      }
      expect(Number(c.se), where).toBe(se);
      if (c.irt_se) expect(Number(c.irt_se), where).toBe(se);
    }
  });

  it("uses the Physical Function v2.0 4a table (raw 4 → 22.5), not the retired v1.0 one (22.9)", () => {
    const pf = csv("promis_sf_physical_function_v2.0_tscores.csv");
    expect(pf.map((r) => [Number(r.raw_score), Number(r.t_score), Number(r.se)])).toEqual(
      promis29TScores.physical_function.map((row) => [...row]),
    );
    expect(promis29TScores.physical_function[0]).toEqual([4, 22.5, 4.0]);
  });
});

describe("EQ-5D-5L value sets", () => {
  it("holds every decrement of the source table", () => {
    const rows = csv("eq5d5l_value_sets_us_england.csv");
    expect(rows).toHaveLength(50);
    const sets = { USA: eq5dValueSets.us, England: eq5dValueSets.england } as const;
    for (const r of rows) {
      const set = sets[r.value_set as keyof typeof sets];
      const dim = r.dimension_code as (typeof eq5dDimensions)[number];
      expect(set.decrements[dim][Number(r.level) - 1], `${r.value_set} ${dim}${r.level}`).toBe(
        Number(r.decrement),
      );
    }
  });

  it("gives level 1 no decrement in every dimension of both sets", () => {
    for (const set of Object.values(eq5dValueSets)) {
      for (const d of eq5dDimensions) expect(set.decrements[d][0]).toBe(0);
    }
  });

  it("reproduces all 3,125 published health states exactly, for both sets", () => {
    const rows = csv("eq5d5l_index_values_us_england.csv");
    expect(rows).toHaveLength(3125);
    const wrong: string[] = [];
    for (const r of rows) {
      const levels = [...r.state!].map(Number);
      const us = eq5dIndex(levels, "us");
      const england = eq5dIndex(levels, "england");
      if (us !== Number(r.us_pickard2019)) wrong.push(`${r.state} US ${us} ≠ ${r.us_pickard2019}`);
      if (england !== Number(r.england_devlin2018))
        wrong.push(`${r.state} England ${england} ≠ ${r.england_devlin2018}`);
    }
    expect(wrong).toEqual([]);
  });
});

/**
 * Every row of tables/source/spot_checks.csv, with its expected value copied in here (so a
 * reader sees the numbers), scored through the public scoring path; a last test checks that
 * this list and the CSV still match row for row.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scoreAnswers } from "./index";
import type { Promis29DomainId } from "./promis29";
import { promis29Items } from "./promis29-items";
import { parseCsv } from "./tables/source/parse-csv";

// [value set, 5-digit state, expected index] — from the R eq5d package tests (and two others).
const eq5d: readonly (readonly ["England" | "USA", string, number])[] = [
  ["England", "23245", 0.247],
  ["England", "11111", 1.0],
  ["England", "11112", 0.922],
  ["England", "11121", 0.937],
  ["England", "11211", 0.95],
  ["England", "12111", 0.95],
  ["England", "21111", 0.942],
  ["England", "55555", -0.285],
  ["USA", "11111", 1.0],
  ["USA", "21111", 0.904],
  ["USA", "12111", 0.911],
  ["USA", "11211", 0.932],
  ["USA", "11121", 0.94],
  ["USA", "11112", 0.943],
  ["USA", "21354", 0.09],
  ["USA", "55555", -0.573],
];

// [domain, domain name in the source, raw score, expected T, expected SE] — PROMIS-29 v2.1 rows.
const promis: readonly (readonly [Promis29DomainId, string, number, number, number])[] = [
  ["physical_function", "Physical Function", 4, 22.5, 4.0],
  ["physical_function", "Physical Function", 13, 37.9, 2.4],
  ["physical_function", "Physical Function", 20, 57.0, 6.6],
  ["anxiety", "Anxiety", 9, 57.7, 2.6],
  ["depression", "Depression", 20, 79.4, 3.6],
  ["sleep_disturbance", "Sleep Disturbance", 12, 54.3, 3.4],
  ["social_roles", "Ability to Participate in Social Roles and Activities", 16, 51.9, 2.2],
  ["pain_interference", "Pain Interference", 4, 41.6, 6.1],
  ["pain_interference", "Pain Interference", 14, 63.8, 1.8],
  ["fatigue", "Fatigue", 10, 53.1, 2.4],
];

const eq5dIds = ["eq5d_mo", "eq5d_sc", "eq5d_ua", "eq5d_pd", "eq5d_ad"];

/** Four item scores (each 1–5) summing to `raw`, spread as evenly as possible. */
function itemsSumming(raw: number): number[] {
  const base = Math.floor(raw / 4);
  return [0, 1, 2, 3].map((i) => base + (i < raw % 4 ? 1 : 0));
}

describe("spot checks", () => {
  it.each(eq5d)("EQ-5D-5L %s %s → %s", (set, state, expected) => {
    const answers = Object.fromEntries(eq5dIds.map((id, i) => [id, Number(state[i])]));
    const { result } = scoreAnswers("eq5d5l", { ...answers, eq5d_vas: 50 });
    const index = result.extras?.index as { us: number; england: number };
    expect(set === "USA" ? index.us : index.england).toBe(expected);
  });

  it.each(promis)("PROMIS-29 v2.1 %s (%s) raw %s → T %s, SE %s", (domain, _name, raw, t, se) => {
    const ids = promis29Items.filter((i) => i.group === domain).map((i) => i.id);
    const answers = Object.fromEntries(ids.map((id, i) => [id, itemsSumming(raw)[i]]));
    const { result } = scoreAnswers("promis29", answers);
    const domains = result.extras?.domains as Record<string, { raw: number; tScore: number; se: number }>;
    expect(domains[domain]).toEqual({ raw, tScore: t, se });
  });

  it("lists every row of the source spot-check file, with the same expected values", () => {
    const rows = parseCsv(readFileSync(new URL("./tables/source/spot_checks.csv", import.meta.url), "utf8"));
    const here = [
      ...eq5d.map(([set, state, v]) => [`EQ-5D-5L ${set}`, state, v.toFixed(3)]),
      ...promis.map(([, name, raw, t, se]) => [
        `PROMIS-29 v2.1 ${name}`,
        String(raw),
        `T=${t.toFixed(1)} SE=${se.toFixed(1)}`,
      ]),
    ];
    expect(rows.map((r) => [r.instrument, r.input, r.expected])).toEqual(here);
  });
});

/**
 * `evident quality [--clinic NAME]`: runs the data-quality rules now and prints one JSON object
 * `{"rules": [{"id", "title", "count", …}]}`, each count the sum of the clinics checked with the
 * count per clinic beside it; stores the run as the command line's; a clinic it does not know, or
 * an option it does not take, exits 2 naming the problem.
 */
import { qualityRuleIds } from "@evident/domain/quality";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../db/test/database";
import { runCli } from "./run-cli";

let db: TestDatabase;
const HARBOUR = "Harbour Pain Centre";
type Output = {
  asOf: string;
  clinics: { name: string; patientsChecked: number }[];
  rules: {
    id: string;
    title: string;
    description: string;
    count: number;
    clinics: { name: string; count: number }[];
  }[];
};

beforeAll(async () => {
  db = await freshDatabase();
  expect((await runCli(["demo", "--patients", "20", "--seed", "5"], db.cliEnv)).code).toBe(0);
}, 180_000);
afterAll(() => db.close());

const quality = async (...args: string[]) => {
  const r = await runCli(["quality", ...args], db.cliEnv);
  return { ...r, json: JSON.parse(r.stdout) as Output & { error?: string } };
};
const countOf = (out: Output, rule: string, clinic: string) =>
  out.rules.find((r) => r.id === rule)?.clinics.find((c) => c.name === clinic)?.count;

describe("evident quality", () => {
  it("checks every clinic and prints each rule with its count, summed over the clinics", async () => {
    const r = await quality();
    expect(r.code).toBe(0);
    expect(r.json.clinics.map((c) => c.name)).toContain(HARBOUR);
    expect(r.json.clinics.reduce((n, c) => n + c.patientsChecked, 0)).toBe(20);
    expect(r.json.rules.map((x) => x.id)).toEqual(qualityRuleIds);
    for (const rule of r.json.rules) {
      expect(rule.title).not.toBe("");
      expect(rule.count).toBe(rule.clinics.reduce((n, c) => n + c.count, 0));
    }
    const { rows } = await db.system.pool.query(
      "select count(*)::int as n from quality_runs where trigger = 'command-line'",
    );
    expect(rows[0].n).toBe(r.json.clinics.length);
  }, 60_000);

  it("checks one clinic by name, and counts a defect seeded there", async () => {
    const before = await quality("--clinic", HARBOUR);
    expect(before.code).toBe(0);
    expect(before.json.clinics.map((c) => c.name)).toEqual([HARBOUR]);
    await db.system.pool.query(
      `update patients set birth_date = '2099-01-01'
        where id = (select t.patient_id from treatments t join clinics c on c.id = t.clinic_id
                     where c.name = $1 order by t.patient_id limit 1)`,
      [HARBOUR],
    );
    const after = await quality("--clinic", HARBOUR);
    expect(countOf(after.json, "contradictory-dates", HARBOUR)).toBe(
      (countOf(before.json, "contradictory-dates", HARBOUR) ?? 0) + 1,
    );
  }, 60_000);

  it("exits 2 naming an unknown clinic or option", async () => {
    const unknown = await quality("--clinic", "Nowhere Clinic");
    expect([unknown.code, unknown.json.error]).toEqual([2, 'no clinic named "Nowhere Clinic"']);
    const bad = await quality("--everything");
    expect(bad.code).toBe(2);
    expect(bad.json.error).toMatch(/--everything/);
    const stray = await quality("extra");
    expect(stray.code).toBe(2);
  }, 60_000);
});

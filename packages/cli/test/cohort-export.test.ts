/**
 * `evident export --cohort NAME` with saved cohorts: the latest version's filter chooses the
 * patients (exactly the patients the cohort's SQL counts, less the suppressed small classes), its
 * one-line definition and version go to cohort.txt (listed with its checksum) and to the audit
 * event; a later version is what the next export uses; a name two clinics use is refused.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cohortQuery, savedCohortRepository } from "@evident/db";
import type { SaveCohort } from "@evident/domain/research";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../db/test/database";
import { runCli } from "./run-cli";

let db: TestDatabase;
let work: string;
let clinics: string[];
type ExportOutput = { files: { name: string; sha256: string }[]; patients: number; suppressed: number };

const save = (clinicId: string, input: SaveCohort) =>
  savedCohortRepository(db.system.db, {
    clinicId,
    actor: { kind: "system", id: "test" },
    requestId: null,
    now: () => new Date(),
  }).save(input);

async function exportCohort(dirName: string, name: string) {
  const dir = path.join(work, dirName);
  const run = await runCli(["export", "--format", "csv", "--out", dir, "--cohort", name], db.cliEnv);
  return { dir, run, out: run.code === 0 ? (JSON.parse(run.stdout) as ExportOutput) : null };
}

async function directCount(filter: SaveCohort["filter"]): Promise<number> {
  const q = cohortQuery(clinics, filter, true);
  const { rows } = await db.system.pool.query<{ n: number }>({
    text: `${q.text} select count(*)::int as n from cohort`,
    values: q.values,
  });
  return rows[0]!.n;
}

beforeAll(async () => {
  db = await freshDatabase();
  work = mkdtempSync(path.join(tmpdir(), "cohort-export-"));
  const demo = await runCli(["demo", "--patients", "300", "--seed", "5"], db.cliEnv);
  expect(demo.code, demo.stderr).toBe(0);
  clinics = (
    await db.system.pool.query<{ id: string }>("select id from clinics order by created_at")
  ).rows.map((r) => r.id);
}, 300_000);
afterAll(async () => {
  await db?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("evident export --cohort", () => {
  it("exports the saved cohort's patients, writes its definition and version to cohort.txt, and audits both", async () => {
    const filter = { sexes: ["female" as const] };
    await save(clinics[0]!, { name: "Women", scope: "network", filter });
    const { dir, run, out } = await exportCohort("women", "Women");
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const expected = await directCount(filter);
    expect(expected).toBeGreaterThan(0);
    expect(out!.patients + out!.suppressed).toBe(expected);
    const text = readFileSync(path.join(dir, "cohort.txt"), "utf8");
    expect(text).toBe("Cohort 'Women' v1 (network): female\n");
    const listed = out!.files.find((f) => f.name === "cohort.txt");
    expect(listed?.sha256).toBe(createHash("sha256").update(text).digest("hex"));
    const patients = readFileSync(path.join(dir, "patients.csv"), "utf8").trim().split("\n");
    expect(patients.length - 1).toBe(out!.patients);
    const { rows } = await db.system.pool.query<{ detail: { cohort: Record<string, unknown> } }>(
      "select detail from audit_events where action = 'export' and entity_type = 'research-export'",
    );
    expect(rows.length).toBe(clinics.length);
    for (const r of rows)
      expect(r.detail.cohort).toMatchObject({ name: "Women", version: 1, line: text.trim(), filter });
  }, 120_000);

  it("uses the latest version once the cohort is saved again", async () => {
    const filter = { sexes: ["female" as const], ageBands: ["50-59" as const, "60-69" as const] };
    await save(clinics[0]!, { name: "Women", scope: "network", filter });
    const { dir, out } = await exportCohort("women-v2", "Women");
    expect(readFileSync(path.join(dir, "cohort.txt"), "utf8")).toBe(
      "Cohort 'Women' v2 (network): age 50–59 or 60–69; female\n",
    );
    expect(out!.patients + out!.suppressed).toBe(await directCount(filter));
    expect(out!.patients + out!.suppressed).toBeLessThan(await directCount({ sexes: ["female"] }));
  }, 120_000);

  it("refuses an unknown name and a name two clinics use, exit 2, writing nothing", async () => {
    const unknown = await exportCohort("none", "Nobody");
    expect([unknown.run.code, JSON.parse(unknown.run.stdout).error]).toEqual([
      2,
      'no saved cohort named "Nobody"',
    ]);
    expect(clinics.length).toBeGreaterThan(1);
    await save(clinics[0]!, { name: "Ours", scope: "clinic", filter: {} });
    await save(clinics[1]!, { name: "Ours", scope: "clinic", filter: {} });
    const twice = await exportCohort("twice", "Ours");
    expect([twice.run.code, JSON.parse(twice.run.stdout).error]).toEqual([
      2,
      expect.stringMatching(/"Ours" is used by 2 clinics/),
    ]);
    expect(() => readFileSync(path.join(twice.dir, "cohort.txt"))).toThrow();
  }, 120_000);
});

/**
 * `evident fhir export`: the NDJSON files and manifest.json in the directory, the manifest as one
 * JSON object on stdout, progress on stderr; every line a valid resource whose patient is among
 * the exported Patients; --clinic, --type and --since honoured; bad input named; audited.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../db/test/database";
import { expectValid } from "../../server/test/smart";
import { runCli } from "./run-cli";

let db: TestDatabase;
let work: string;
type Manifest = {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
};
type Resource = { resourceType: string; id: string; subject?: { reference: string } };

const read = (manifest: Manifest) =>
  manifest.output.flatMap((f) => {
    const lines = readFileSync(fileURLToPath(f.url), "utf8").split("\n").filter(Boolean);
    expect(lines).toHaveLength(f.count);
    return lines.map((l) => JSON.parse(l) as Resource);
  });

beforeAll(async () => {
  db = await freshDatabase();
  work = mkdtempSync(path.join(tmpdir(), "fhir-export-"));
  expect((await runCli(["demo", "--patients", "30", "--seed", "3"], db.cliEnv)).code).toBe(0);
}, 180_000);
afterAll(async () => {
  await db.close();
  rmSync(work, { recursive: true, force: true });
});

// Each test runs the command one to five times, each a new process that compiles its sources and
// opens the database: 15 to 35 s apiece on a busy shared machine.
describe("evident fhir export", { timeout: 300_000 }, () => {
  it("writes every clinic's resources and the manifest, prints the manifest, shows progress", async () => {
    const out = path.join(work, "all");
    const res = await runCli(["fhir", "export", "--out", out], db.cliEnv);
    expect([res.code, res.stderr]).toEqual([0, expect.stringMatching(/fhir export: 100% /)]);
    const manifest = JSON.parse(res.stdout) as Manifest;
    expect(JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"))).toEqual(manifest);
    expect(manifest).toMatchObject({
      requiresAccessToken: false,
      request: expect.stringMatching(/\/api\/fhir\/\$export$/),
    });
    const resources = read(manifest);
    for (const r of resources) expectValid(r);
    const patients = new Set(resources.filter((r) => r.resourceType === "Patient").map((r) => r.id));
    expect(patients.size).toBe(30);
    for (const r of resources)
      if (r.subject) expect(patients, `${r.resourceType}/${r.id}`).toContain(r.subject.reference.slice(8));
    expect(new Set(resources.map((r) => r.resourceType))).toEqual(
      new Set([
        "Patient",
        "Condition",
        "Procedure",
        "QuestionnaireResponse",
        "Observation",
        "AdverseEvent",
        "Consent",
        "Questionnaire",
      ]),
    );
    const audit = await db.system.pool.query(
      "select count(*)::int as n from audit_events where action = 'export' and entity_type = 'fhir-bulk-export' and actor_id like 'evident cli%'",
    );
    expect(audit.rows[0].n).toBe(2); // one in each demo clinic's chain
  });

  it("exports one clinic's types changed since an instant", async () => {
    const { rows } = await db.system.pool.query<{ id: string }>(
      "select p.id from patients p join clinics c on c.id = p.clinic_id where c.name = 'Harbour Pain Centre'",
    );
    const res = await runCli(
      [
        "fhir",
        "export",
        "--out",
        path.join(work, "one"),
        "--clinic",
        "Harbour Pain Centre",
        "--type",
        "Patient,Observation",
        "--since",
        "2000-01-01T00:00:00Z",
      ],
      db.cliEnv,
    );
    expect(res.code).toBe(0);
    const manifest = JSON.parse(res.stdout) as Manifest;
    expect(manifest.request).toMatch(
      /\$export\?_type=Patient%2CObservation&_since=2000-01-01T00%3A00%3A00.000Z$/,
    );
    const resources = read(manifest);
    expect(new Set(resources.map((r) => r.resourceType))).toEqual(new Set(["Patient", "Observation"]));
    expect(
      resources
        .filter((r) => r.resourceType === "Patient")
        .map((r) => r.id)
        .sort(),
    ).toEqual(rows.map((r) => r.id).sort());
    const later = await runCli(
      ["fhir", "export", "--out", path.join(work, "none"), "--since", "2999-01-01T00:00:00Z"],
      db.cliEnv,
    );
    expect(JSON.parse(later.stdout).output.map((f: { type: string }) => f.type)).toEqual(["Questionnaire"]);
  });

  it("refuses bad input, naming each option, and writes nothing", async () => {
    const busy = path.join(work, "busy");
    const bad = await runCli(
      ["fhir", "export", "--out", path.join(work, "bad"), "--type", "Practitioner", "--since", "yesterday"],
      db.cliEnv,
    );
    expect([bad.code, JSON.parse(bad.stdout).error]).toEqual([
      2,
      expect.stringMatching(/^--type Practitioner is not a type.*; --since must be a FHIR instant/),
    ]);
    expect(JSON.parse((await runCli(["fhir", "export"], db.cliEnv)).stdout).error).toBe("--out is required");
    const full = mkdtempSync(`${busy}-`);
    writeFileSync(path.join(full, "keep.txt"), "x");
    const notEmpty = await runCli(["fhir", "export", "--out", full], db.cliEnv);
    expect([notEmpty.code, JSON.parse(notEmpty.stdout).error]).toEqual([
      2,
      expect.stringMatching(/is not empty/),
    ]);
    const clinic = await runCli(
      ["fhir", "export", "--out", path.join(work, "nowhere"), "--clinic", "Nowhere"],
      db.cliEnv,
    );
    expect([clinic.code, JSON.parse(clinic.stdout).error]).toEqual([2, 'no clinic named "Nowhere"']);
    for (const dir of ["bad", "nowhere"]) expect(existsSync(path.join(work, dir))).toBe(false);
  });
});

/**
 * The research export from the web app: researchers and admins only; the data-use terms shown
 * and accepted (who, when, version) before any export; the export runs as a job with progress and
 * offers its files with their SHA-256; every step audited; bad input is problem+json naming the
 * field; a person sees only their own exports; nothing identified reaches the files.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanUpResearchExports } from "../src/jobs/research-export";
import { runExportJobsOnce } from "../src/jobs/runner";
import { batchFor } from "./answers";
import { createHarness, type Harness } from "./harness";

let h: Harness;
let dataDir: string;
type Staff = Awaited<ReturnType<Harness["staff"]>>;
let researcher: Staff;
let admin: Staff;
let clinician: Staff;
const familyNames: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "evident-research-"));
  h = await createHarness({ now: "2026-03-10T09:00:00Z", config: { dataDir } });
  const clinic = await h.clinic("Research clinic");
  clinician = await h.staff("clinician", clinic.id);
  researcher = await h.staff("researcher", clinic.id);
  admin = await h.staff("admin", clinic.id);
  for (let i = 0; i < 3; i++) {
    const familyName = `Zephyrine${i}`;
    familyNames.push(familyName);
    const id = (await h.patient(clinician.cookie, { familyName })).id;
    await h.call("POST", `/api/v1/patients/${id}/responses`, {
      cookie: clinician.cookie,
      body: batchFor(["nrs_back", "odi"], 0.4),
    });
  }
}, 120_000);
afterAll(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const call = (method: string, url: string, cookie: string, body?: unknown) =>
  h.call(method, `/api/v1${url}`, { cookie, ...(body === undefined ? {} : { body }) });

describe("research export from the web app", () => {
  it("is for researchers and admins only", async () => {
    for (const url of ["/research/terms", "/research/exports"]) {
      const res = await call("GET", url, clinician.cookie);
      expect([res.status, res.headers.get("content-type")]).toEqual([
        403,
        expect.stringMatching(/problem\+json/),
      ]);
    }
    expect((await call("POST", "/research/exports", clinician.cookie, { format: "csv" })).status).toBe(403);
  });

  it("refuses an export until the data-use terms are accepted, then records who accepted which version and when", async () => {
    const terms = await call("GET", "/research/terms", researcher.cookie);
    expect(terms.json).toMatchObject({ version: expect.any(String), acceptedAt: null });
    expect(terms.json.paragraphs.length).toBeGreaterThan(2);
    const early = await call("POST", "/research/exports", researcher.cookie, { format: "csv" });
    expect([early.status, early.json.detail]).toEqual([
      403,
      expect.stringMatching(/Accept the data-use terms/),
    ]);
    const stale = await call("POST", "/research/terms/acceptances", researcher.cookie, { version: "1999-1" });
    expect([stale.status, stale.json.issues[0].path]).toEqual([409, "version"]);
    const accepted = await call("POST", "/research/terms/acceptances", researcher.cookie, {
      version: terms.json.version,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.json.acceptedAt).toBe("2026-03-10T09:00:00.000Z");
    const { rows } = await h.database.pool.query(
      "select staff_user_id, terms_version, accepted_at from data_use_acceptances",
    );
    expect(rows).toEqual([
      {
        staff_user_id: researcher.id,
        terms_version: terms.json.version,
        accepted_at: new Date("2026-03-10T09:00:00Z"),
      },
    ]);
  });

  it("names each bad field as problem+json", async () => {
    const res = await call("POST", "/research/exports", researcher.cookie, {
      format: "sas",
      cohort: { ageBands: ["17-19"], treatedFrom: "2026-05-01", treatedTo: "2026-04-01", clinicIds: [] },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    const paths = res.json.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["format", "cohort.ageBands.0"]));
    expect(paths.some((p: string) => p.startsWith("cohort"))).toBe(true);
  });

  it("runs the export as a job with progress, offers its files with their checksums, and audits each step", async () => {
    const queued = await call("POST", "/research/exports", researcher.cookie, {
      format: "csv",
      cohort: { sexes: ["female", "male"] },
    });
    expect([queued.status, queued.json.status, queued.json.files]).toEqual([202, "queued", []]);
    await runExportJobsOnce(h.deps);
    const done = await call("GET", `/research/exports/${queued.json.id}`, researcher.cookie);
    expect(done.json).toMatchObject({
      status: "completed",
      patients: 0,
      suppressed: 3,
      progress: { done: 0, total: 0 },
    });
    expect(done.json.files.map((f: { name: string }) => f.name)).toContain("survival.csv");
    for (const f of done.json.files) {
      const file = await call(
        "GET",
        `/research/exports/${queued.json.id}/files/${f.name}`,
        researcher.cookie,
      );
      expect(file.status).toBe(200);
      expect(createHash("sha256").update(file.text).digest("hex")).toBe(f.sha256);
      for (const name of familyNames) expect(file.text).not.toContain(name);
    }
    const { rows } = await h.database.pool.query<{
      action: string;
      actor_id: string;
      detail: Record<string, unknown>;
    }>(
      "select action, actor_id, detail from audit_events where entity_type in ('research-export', 'data-use-terms') order by seq",
    );
    expect(rows.map((r) => r.action)).toEqual([
      "accept",
      "request",
      "export",
      ...done.json.files.map(() => "download"),
    ]);
    expect(rows.every((r) => r.actor_id === researcher.id)).toBe(true);
    expect(rows[2]!.detail).toMatchObject({
      cohort: { sexes: ["female", "male"] },
      files: done.json.files.map((f: { name: string; sha256: string }) => ({
        name: f.name,
        sha256: f.sha256,
      })),
    });
    const listed = await call("GET", "/research/exports", researcher.cookie);
    expect(listed.json.items.map((e: { id: string }) => e.id)).toEqual([queued.json.id]);
  });

  it("shows a person only their own exports", async () => {
    const mine = await call("GET", "/research/exports", researcher.cookie);
    const id = mine.json.items[0].id;
    expect((await call("GET", `/research/exports/${id}`, admin.cookie)).status).toBe(404);
    expect((await call("GET", `/research/exports/${id}/files/patients.csv`, admin.cookie)).status).toBe(404);
    expect((await call("GET", "/research/exports", admin.cookie)).json.items).toEqual([]);
  });
});

describe("a research export of a saved cohort", () => {
  const saveCohort = async (name: string, filter: Record<string, unknown>) => {
    const res = await call("POST", "/cohorts", researcher.cookie, { name, filter });
    expect(res.status, res.text).toBe(201);
    return res.json as { id: string; line: string; version: number };
  };

  it("writes the cohort's line to cohort.txt among the files and records the cohort in the export and its audit events", async () => {
    const saved = await saveCohort("Everyone sexed", { sexes: ["female", "male"] });
    const queued = await call("POST", "/research/exports", researcher.cookie, {
      format: "csv",
      cohortId: saved.id,
    });
    expect(queued.status, queued.text).toBe(202);
    const recorded = { name: "Everyone sexed", version: 1, id: saved.id, line: saved.line };
    expect(queued.json.cohort).toEqual({ ...recorded, filter: { sexes: ["female", "male"] } });
    await runExportJobsOnce(h.deps);
    const done = await call("GET", `/research/exports/${queued.json.id}`, researcher.cookie);
    expect(done.json.status).toBe("completed");
    const listed = done.json.files.find((f: { name: string }) => f.name === "cohort.txt");
    const file = await call("GET", `/research/exports/${queued.json.id}/files/cohort.txt`, researcher.cookie);
    expect([file.status, file.text]).toEqual([200, "Cohort 'Everyone sexed' v1: female or male\n"]);
    expect(file.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(listed.sha256).toBe(createHash("sha256").update(file.text).digest("hex"));
    const { rows } = await h.database.pool.query<{ action: string; detail: { cohort: unknown } }>(
      "select action, detail from audit_events where entity_type = 'research-export' and entity_id = $1 and action in ('request', 'export') order by seq",
      [queued.json.id],
    );
    expect(rows.map((r) => [r.action, r.detail.cohort])).toEqual([
      ["request", queued.json.cohort],
      ["export", queued.json.cohort],
    ]);
  });

  it("refuses a saved cohort with filters, an unknown one, and one that picks only other clinics, naming cohortId", async () => {
    const saved = await saveCohort("Women only", { sexes: ["female"] });
    const both = await call("POST", "/research/exports", researcher.cookie, {
      format: "csv",
      cohortId: saved.id,
      cohort: { sexes: ["male"] },
    });
    const unknown = await call("POST", "/research/exports", researcher.cookie, {
      format: "csv",
      cohortId: "0190c0de-0000-7000-8000-000000000001",
    });
    const other = await h.clinic("Another clinic");
    const elsewhere = await saveCohort("Elsewhere", { clinicIds: [other.id] });
    const foreign = await call("POST", "/research/exports", researcher.cookie, {
      format: "csv",
      cohortId: elsewhere.id,
    });
    for (const res of [both, unknown, foreign]) {
      expect([res.status, res.headers.get("content-type")]).toEqual([
        400,
        expect.stringMatching(/problem\+json/),
      ]);
      expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(["cohortId"]);
    }
  });
  it("clears, hourly, a directory left by a crash and an expired export's files, keeping a live export's", async () => {
    const queued = await call("POST", "/research/exports", researcher.cookie, { format: "csv", cohort: {} });
    await runExportJobsOnce(h.deps);
    const root = path.join(dataDir, "research-exports");
    const crashed = path.join(root, "0190c0de-0000-7000-8000-00000000dead");
    mkdirSync(crashed, { recursive: true });
    writeFileSync(path.join(crashed, "outcomes.csv"), "half a file");
    const before = await cleanUpResearchExports(h.deps);
    expect(before).toMatchObject({ researchExpired: 0, researchRemoved: 1 });
    expect(existsSync(crashed)).toBe(false);
    expect(readdirSync(path.join(root, queued.json.id)).length).toBeGreaterThan(0);

    // Past every export's expiry (this test is last: sign-ins lapse too).
    h.clock.set(new Date(h.clock.now().getTime() + 400 * 24 * 3600_000));
    const after = await cleanUpResearchExports(h.deps);
    expect(after).toMatchObject({ researchRemoved: expect.any(Number) });
    expect((after as { researchExpired: number }).researchExpired).toBeGreaterThan(0);
    expect(existsSync(path.join(root, queued.json.id))).toBe(false);
    const { rows } = await h.database.pool.query("select status from research_exports where id = $1", [
      queued.json.id,
    ]);
    expect(rows).toEqual([{ status: "expired" }]);
  });
});

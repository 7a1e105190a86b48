/**
 * Whose Bulk Data export it is, and for how long: another clinic's client, and another client of
 * the same clinic, neither poll, cancel nor download it (404, never its data) and export only
 * their own clinic; a replayed assertion gets no token; cancelling a queued, a completed and a
 * running export (the interleaving forced: the export is held on a table lock while the client
 * cancels) deletes its files; and the hourly cleanup deletes the files of an export past its time.
 */
import { existsSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { ndjsonBuffer, writeBulkExport } from "@evident/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExportJobsOnce, runJobsOnce } from "../src/jobs/runner";
import { bulkCalls, bulkRegistry } from "./bulk";

let r: Awaited<ReturnType<typeof bulkRegistry>>;
let calls: ReturnType<typeof bulkCalls>;

beforeAll(async () => {
  r = await bulkRegistry();
  calls = bulkCalls(r.h);
}, 120_000);
afterAll(() => r.close());

const dirOf = (status: string) => path.join(r.dataDir, "fhir-exports", status.split("/").at(-1)!);
const del = (url: string, token: string) =>
  r.h.call("DELETE", url.replace("http://evident.test", ""), {
    headers: { authorization: `Bearer ${token}` },
  });

describe("another client's export", () => {
  it("is 404 to a client of another clinic and to another client of the same clinic, for status, files and cancel", async () => {
    const { status, manifest, token } = await calls.exportAll("$export", r.client);
    for (const stranger of [r.clientB, r.otherClient]) {
      const theirs = await r.s.token(stranger);
      const asked = [await calls.get(status, theirs), await del(status, theirs)];
      for (const f of manifest.output) asked.push(await calls.get(f.url, theirs));
      expect(asked.map((a) => [a.status, a.json?.resourceType])).toEqual(
        asked.map(() => [404, "OperationOutcome"]),
      );
      for (const a of asked) for (const id of r.patients) expect(a.text).not.toContain(id);
    }
    // Untouched by all that: still the owner's to read.
    expect((await calls.get(status, token)).status).toBe(200);
    expect((await calls.get(manifest.output[0]!.url, token)).status).toBe(200);
  });

  it("gives another clinic's client its own clinic only", async () => {
    const { manifest, token } = await calls.exportAll("$export", r.clientB);
    const byType = await calls.resourcesOf(manifest, token);
    expect(byType.Patient!.map((p) => p.id)).toEqual([r.patientB]);
    const text = JSON.stringify(byType);
    for (const id of r.patients) expect(text).not.toContain(id);
  });

  it("refuses a replayed assertion: no second token from one jti", async () => {
    const once = await r.s.assertion(r.client.key, r.client.clientId, { jti: "bulk-once" });
    expect((await r.s.requestToken(once)).status).toBe(200);
    expect(await r.s.requestToken(once)).toMatchObject({ status: 400, json: { error: "invalid_grant" } });
  });
});

describe("row-level security under the export", () => {
  it("holds the export to the snapshot's clinic even when its query names another clinic", async () => {
    const clinicOf = (id: string | undefined) =>
      r.h.database.pool.query<{ clinic_id: string }>("select clinic_id from patients where id = $1", [id]);
    const [{ rows: a }, { rows: b }] = await Promise.all([clinicOf(r.patients[0]), clinicOf(r.patientB)]);
    const run = (pool: typeof r.h.database.pool, scoped: string | null) =>
      writeBulkExport({
        pool,
        scopedClinicId: scoped,
        clinicIds: [b[0]!.clinic_id],
        types: ["Patient"],
        since: null,
        groupKind: null,
        dir: mkdtempSync(path.join(r.dataDir, "rls-")),
        now: () => r.h.clock.now(),
      });
    // The app's role scoped to clinic A, asked for clinic B's rows: row-level security says none.
    expect((await run(r.h.database.appPool, a[0]!.clinic_id)).files).toEqual([]);
    // The same query as the system role (the command line's every-clinic export) finds them.
    expect((await run(r.h.database.pool, null)).files).toEqual([
      { type: "Patient", file: "Patient-1.ndjson", count: 1 },
    ]);
  });

  it("writes each line as ASCII JSON with the same value", () => {
    const line = JSON.stringify({ text: "PROMIS pain intensity (0–10) ☂ 😀" });
    const bytes = ndjsonBuffer([line, "{}"]);
    expect(bytes.every((byte) => byte < 128)).toBe(true);
    const [first, second] = bytes.toString("utf8").split("\n");
    expect([JSON.parse(first!), second]).toEqual([JSON.parse(line), "{}"]);
  });
});

describe("cancelling", () => {
  it("never runs a queued export, and its status URL is 404 from then on", async () => {
    const token = await r.s.token(r.client);
    const status = (await calls.kickOff("$export", token)).headers.get("content-location")!;
    const cancelled = await del(status, token);
    expect([cancelled.status, cancelled.json.resourceType]).toEqual([202, "OperationOutcome"]);
    expect(await runExportJobsOnce(r.h.deps)).toMatchObject([{ result: { skipped: "cancelled" } }]);
    expect((await calls.get(status, token)).status).toBe(404);
    expect((await del(status, token)).status).toBe(404);
    expect(existsSync(dirOf(status))).toBe(false);
  });

  it("deletes a completed export's files", async () => {
    const { status, manifest, token } = await calls.exportAll("$export", r.client);
    expect(existsSync(dirOf(status))).toBe(true);
    expect((await del(status, token)).status).toBe(202);
    expect(existsSync(dirOf(status))).toBe(false);
    expect((await calls.get(manifest.output[0]!.url, token)).status).toBe(404);
  });

  it("stops an export under way at its next step and removes what it wrote", async () => {
    const token = await r.s.token(r.client);
    const status = (await calls.kickOff("$export", token)).headers.get("content-location")!;
    // Hold the export on a table it reads, so the client cancels while it is running.
    const holder = await r.h.database.pool.connect();
    try {
      await holder.query("begin");
      await holder.query("lock table adverse_events in access exclusive mode");
      const running = runExportJobsOnce(r.h.deps);
      for (let i = 0; i < 200; i++) {
        const { rows } = await r.h.database.owner.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        if (rows[0]!.n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect((await calls.get(status, token)).headers.get("x-progress")).toBe("0%");
      expect((await del(status, token)).status).toBe(202);
      await holder.query("commit");
      expect(await running).toMatchObject([{ result: { cancelled: true } }]);
    } finally {
      holder.release();
    }
    expect(existsSync(dirOf(status))).toBe(false);
    expect((await calls.get(status, token)).status).toBe(404);
  });
});

describe("retention", () => {
  it("keeps the files for the set time, then the cleanup job deletes them and the export is 404", async () => {
    const { status, manifest } = await calls.exportAll("$export?_type=Patient", r.client);
    await runJobsOnce(r.h.deps, { again: true });
    expect(existsSync(dirOf(status))).toBe(true);
    r.h.clock.set("2026-03-11T09:00:01Z"); // 24 hours and a second after it completed
    const token = await r.s.token(r.client);
    const file = await calls.get(manifest.output[0]!.url, token);
    expect([file.status, file.json.issue[0].diagnostics]).toEqual([404, expect.stringMatching(/expired/)]);
    const runs = await runJobsOnce(r.h.deps, { again: true });
    const cleanup = runs.find((j) => j.kind === "fhir-export-cleanup")?.result as { expired: number };
    expect(cleanup.expired).toBeGreaterThanOrEqual(1);
    expect(existsSync(dirOf(status))).toBe(false);
    expect((await calls.get(status, token)).status).toBe(404);
  });
});

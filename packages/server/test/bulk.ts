/**
 * Bulk Data for tests: a registry of two clinics to export, the asynchronous request pattern
 * driven over the real API with a SMART token (kick-off, poll, download), and a manifest's files
 * read back as resources.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { runExportJobsOnce } from "../src/jobs/runner";
import { batchFor } from "./answers";
import { createHarness, type Harness } from "./harness";
import { type Key, smart } from "./smart";
import { treatWithCellsAndInfection } from "./smart-client";

export type Client = { clientId: string; key: Key };
export type Resource = { resourceType: string; id: string; [k: string]: any };

/**
 * Clinic A: three patients answering the back-pain rating and the ODI, the first with a research
 * consent signed on paper, the second treated with bone-marrow concentrate (with an adverse
 * event), the third with medication; clinic B: one patient. A client of each, and a second client of A.
 */
export async function bulkRegistry() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "evident-bulk-"));
  const h = await createHarness({ now: "2026-03-10T09:00:00Z", config: { dataDir } });
  const s = smart(h);
  const staff = await h.staff("clinician");
  const patients: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = (await h.patient(staff.cookie, { familyName: `Alpha${i}` })).id;
    patients.push(id);
    await h.call("POST", `/api/v1/patients/${id}/responses`, {
      cookie: staff.cookie,
      body: batchFor(["nrs_back", "odi"], 0.3 + i / 5),
    });
  }
  await treatWithCellsAndInfection(h, staff, patients[1]!);
  await h.call("POST", `/api/v1/patients/${patients[2]}/treatments`, {
    cookie: staff.cookie,
    body: { kind: "medication", date: "2026-03-03" },
  });
  const [research] = await h.publishConsent(staff.clinicId, { purpose: "research" });
  const paper = await h.call("POST", `/api/v1/patients/${patients[0]}/consents`, {
    cookie: staff.cookie,
    body: { documentId: research!.id, witnessName: "Nurse Witness", signedOn: "2026-03-09" },
  });
  expect(paper.status, paper.text).toBe(201);
  const adminB = await h.staff("admin");
  const clinicianB = await h.staff("clinician", adminB.clinicId);
  const patientB = (await h.patient(clinicianB.cookie, { familyName: "Bravo" })).id;
  return {
    h,
    s,
    dataDir,
    close: async () => {
      await h.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    staff,
    patients,
    patientB,
    client: await s.register(staff.clinicId),
    otherClient: await s.register(staff.clinicId, undefined, "Second registry"),
    clientB: await s.register(adminB.clinicId, undefined, "Elsewhere"),
  };
}

/** The Bulk Data calls of one harness. */
export function bulkCalls(h: Harness) {
  const s = smart(h);
  const get = (url: string, token: string | null, headers: Record<string, string> = {}) =>
    h.call("GET", url.replace("http://evident.test", ""), {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });

  /** GET a kick-off (path under /api/fhir) with Prefer: respond-async. */
  const kickOff = (fhirPath: string, token: string | null, headers: Record<string, string> = {}) =>
    get(`/api/fhir/${fhirPath}`, token, {
      accept: "application/fhir+json",
      prefer: "respond-async",
      ...headers,
    });

  /** Kick-off, run the export lane, and the completed manifest. */
  async function exportAll(fhirPath: string, client: Client, scope = "system/*.rs") {
    const token = await s.token(client, scope);
    const started = await kickOff(fhirPath, token);
    expect(started.status, started.text).toBe(202);
    const status = started.headers.get("content-location")!;
    await runExportJobsOnce(h.deps);
    const done = await get(status, token);
    expect(done.status, done.text).toBe(200);
    return { status, token, manifest: done.json as Manifest };
  }

  /** Every resource of a manifest's files, by type, each file checked against its count. */
  async function resourcesOf(manifest: Manifest, token: string) {
    const byType: Record<string, Resource[]> = {};
    for (const f of manifest.output) {
      const res = await get(f.url, token);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/fhir+ndjson");
      const lines = res.text.split("\n").filter(Boolean);
      expect(lines).toHaveLength(f.count);
      expect(res.text.endsWith("\n")).toBe(true);
      byType[f.type] = [...(byType[f.type] ?? []), ...lines.map((l) => JSON.parse(l) as Resource)];
    }
    return byType;
  }

  return { get, kickOff, exportAll, resourcesOf };
}

export type Manifest = {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count: number }[];
  error: unknown[];
};

/** The patient a resource is about: its subject, or the Patient itself. */
export const patientOf = (r: Resource): string | undefined =>
  r.resourceType === "Patient"
    ? r.id
    : (r.subject?.reference ?? r.patient?.reference)?.replace(/^Patient\//, "");

/** Imaging findings through the API: stored per level, each bad field named with nothing written, another clinic's patient out of reach. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("imaging findings", () => {
  it("stores Pfirrmann, disc height and Modic per level, newest first, audited", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    for (const [date, grade] of [
      ["2025-11-01", 4],
      ["2026-02-20", 4],
    ] as const) {
      const res = await h.call("POST", `/api/v1/patients/${p.id}/imaging`, {
        cookie: s.cookie,
        body: {
          date,
          modality: "mri",
          findings: [
            { level: "L4-L5", pfirrmann: grade, discHeightPercent: 72.5, modic: 1 },
            { level: "L5-S1", pfirrmann: 3 },
          ],
        },
      });
      expect(res.status).toBe(201);
    }
    const list = await h.call("GET", `/api/v1/patients/${p.id}/imaging`, { cookie: s.cookie });
    expect(list.json.items.map((i: { date: string }) => i.date)).toEqual(["2026-02-20", "2025-11-01"]);
    expect(list.json.items[0].findings[0]).toEqual({
      level: "L4-L5",
      pfirrmann: 4,
      discHeightPercent: 72.5,
      modic: 1,
    });
    const { rows } = await h.database.pool.query(
      "select count(*)::int as n from audit_events where entity_type = 'imaging' and patient_id = $1",
      [p.id],
    );
    expect(rows[0].n).toBe(3);
  });

  it("names each bad field and writes nothing", async () => {
    const s = await h.staff();
    const p = await h.patient(s.cookie);
    const before = await h.count("imaging_studies");
    const res = await h.call("POST", `/api/v1/patients/${p.id}/imaging`, {
      cookie: s.cookie,
      body: {
        date: "2026-13-01",
        modality: "pet",
        findings: [
          { level: "L4-L5", pfirrmann: 6, modic: 4 },
          { level: "T12-L1", discHeightPercent: 80 },
          { level: "L3-L4" },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "date",
      "findings.0.modic",
      "findings.0.pfirrmann",
      "findings.1.level",
      "findings.2",
      "modality",
    ]);
    expect(await h.count("imaging_studies")).toBe(before);
    const other = await h.staff();
    const hidden = await h.call("GET", `/api/v1/patients/${p.id}/imaging`, { cookie: other.cookie });
    expect(hidden.status).toBe(404);
  });
});

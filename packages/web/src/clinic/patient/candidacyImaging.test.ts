import type { ImagingView, PatientDetail } from "@evident/domain/api";
import { describe, expect, it } from "vitest";
import { imagingPrefill } from "./candidacyImaging";

const study = (id: string, date: string, findings: ImagingView["findings"]): ImagingView => ({
  id,
  date,
  modality: "mri",
  findings,
  notes: null,
  createdAt: `${date}T10:00:00Z`,
});
const patient = (levels: string[], treatments: { kind: string; date: string }[] = []) =>
  ({
    episodes: [{ id: "e", condition: "degenerative_disc_disease", spinalLevels: levels }],
    treatments,
  }) as unknown as Pick<PatientDetail, "episodes" | "treatments">;

const old = study("a", "2025-03-01", [{ level: "L4-L5", pfirrmann: 3, discHeightPercent: 80 }]);
const recent = study("b", "2025-11-20", [
  { level: "L3-L4", pfirrmann: 2, discHeightPercent: 100 },
  { level: "L4-L5", pfirrmann: 4, discHeightPercent: 65 },
  { level: "L5-S1", pfirrmann: 3, discHeightPercent: 112 },
]);
const after = study("c", "2026-02-01", [{ level: "L4-L5", pfirrmann: 5, discHeightPercent: 30 }]);

describe("the candidacy form's imaging prefill", () => {
  it("takes the latest study before the first procedure, at the recorded levels", () => {
    const p = patient(
      ["L4-L5"],
      [
        { kind: "exercise_physiotherapy", date: "2025-01-10" },
        { kind: "epidural_steroid_injection", date: "2025-12-01" },
      ],
    );
    expect(imagingPrefill(p, [after, old, recent])).toEqual({
      study: { id: "b", date: "2025-11-20", modality: "mri" },
      levels: ["L4-L5"],
      levelsFrom: "episode",
      discHeightRetainedPercent: 65,
      pfirrmann: [{ level: "L4-L5", grade: 4 }],
    });
  });

  it("takes the latest study when there has been no procedure (exercise does not count)", () => {
    const p = patient(["L4-L5"], [{ kind: "exercise_physiotherapy", date: "2025-04-01" }]);
    expect(imagingPrefill(p, [old, recent, after])?.study.id).toBe("c");
  });

  it("without recorded levels, takes the degenerated ones (Pfirrmann 3 or worse), the lowest height, capped at 100%", () => {
    const prefill = imagingPrefill(patient([]), [recent]);
    expect(prefill?.levels).toEqual(["L4-L5", "L5-S1"]);
    expect(prefill?.levelsFrom).toBe("imaging");
    expect(prefill?.discHeightRetainedPercent).toBe(65);
    expect(imagingPrefill(patient(["L5-S1"]), [recent])?.discHeightRetainedPercent).toBe(100);
  });

  it("gives nothing when there is no study from before the first procedure", () => {
    const p = patient(["L4-L5"], [{ kind: "bone_marrow_concentrate", date: "2025-01-01" }]);
    expect(imagingPrefill(p, [old, recent])).toBeNull();
    expect(imagingPrefill(patient(["L4-L5"]), [])).toBeNull();
  });

  it("leaves the disc height empty when the study has none at those levels", () => {
    const noHeight = study("d", "2025-06-01", [{ level: "L4-L5", pfirrmann: 4 }]);
    expect(imagingPrefill(patient(["L4-L5"]), [noHeight])).toMatchObject({
      discHeightRetainedPercent: null,
      pfirrmann: [{ level: "L4-L5", grade: 4 }],
    });
  });
});

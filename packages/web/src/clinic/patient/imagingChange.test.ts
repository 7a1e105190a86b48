import type { ImagingView } from "@evident/domain/api";
import { describe, expect, it } from "vitest";
import { imagingChange } from "./imagingChange";

const study = (
  id: string,
  date: string,
  findings: ImagingView["findings"],
  createdAt = `${date}T10:00:00Z`,
) => ({ id, date, modality: "mri", findings, notes: null, createdAt }) satisfies ImagingView;

describe("imaging change per level", () => {
  it("has nothing to compare with no study or one", () => {
    expect(imagingChange([])).toEqual({ studies: 0, levels: [], once: [] });
    const one = imagingChange([study("a", "2026-01-05", [{ level: "L4-L5", pfirrmann: 4 }])]);
    expect(one.levels).toEqual([]);
    expect(one.once).toEqual(["L4-L5"]);
  });

  it("compares each level's first study with its latest, whatever order they arrive in", () => {
    const change = imagingChange([
      study("late", "2026-09-01", [
        { level: "L5-S1", pfirrmann: 3, discHeightPercent: 58, modic: 1 },
        { level: "L4-L5", pfirrmann: 4, discHeightPercent: 61, modic: 0 },
      ]),
      study("early", "2026-01-05", [
        { level: "L4-L5", pfirrmann: 4, discHeightPercent: 65, modic: 0 },
        { level: "L5-S1", pfirrmann: 4, discHeightPercent: 55, modic: 2 },
      ]),
      study("middle", "2026-05-01", [{ level: "L4-L5", pfirrmann: 5, discHeightPercent: 50 }]),
    ]);
    expect(change.studies).toBe(3);
    // Spine order, top to bottom.
    expect(change.levels.map((l) => l.level)).toEqual(["L4-L5", "L5-S1"]);
    const [l45, l5s1] = change.levels;
    expect(l45?.before).toMatchObject({
      id: "early",
      date: "2026-01-05",
      pfirrmann: 4,
      discHeightPercent: 65,
    });
    expect(l45?.after).toMatchObject({ id: "late", date: "2026-09-01", pfirrmann: 4, discHeightPercent: 61 });
    expect(l45?.heightChange).toBe(-4);
    expect(l5s1?.before.modic).toBe(2);
    expect(l5s1?.after.modic).toBe(1);
    expect(l5s1?.heightChange).toBe(3);
  });

  it("orders two studies of one day by when they were recorded, and leaves a missing height unchanged", () => {
    const change = imagingChange([
      study("second", "2026-03-01", [{ level: "L3-L4", pfirrmann: 3 }], "2026-03-01T15:00:00Z"),
      study(
        "first",
        "2026-03-01",
        [{ level: "L3-L4", pfirrmann: 2, discHeightPercent: 80 }],
        "2026-03-01T09:00:00Z",
      ),
    ]);
    expect(change.levels[0]?.before.id).toBe("first");
    expect(change.levels[0]?.after.id).toBe("second");
    expect(change.levels[0]?.heightChange).toBeNull();
  });

  it("lists a level graded once apart from the compared ones", () => {
    const change = imagingChange([
      study("a", "2026-01-05", [
        { level: "L4-L5", pfirrmann: 4 },
        { level: "L3-L4", modic: 1 },
      ]),
      study("b", "2026-07-05", [{ level: "L4-L5", pfirrmann: 3 }]),
    ]);
    expect(change.levels.map((l) => l.level)).toEqual(["L4-L5"]);
    expect(change.once).toEqual(["L3-L4"]);
  });
});

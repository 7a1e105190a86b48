import { describe, expect, it } from "vitest";
import { fieldChanges } from "./changes";

describe("fieldChanges", () => {
  it("names each changed field, nested ones by path, and nothing that stayed the same", () => {
    expect(
      fieldChanges(
        { outcome: "recovering", severity: 2, procedure: { levels: ["L4-L5"], operator: "Dr A" } },
        { outcome: "recovered", severity: 2, procedure: { levels: ["L4-L5", "L5-S1"], operator: "Dr A" } },
      ),
    ).toEqual([
      { field: "outcome", before: "recovering", after: "recovered" },
      { field: "procedure.levels", before: ["L4-L5"], after: ["L4-L5", "L5-S1"] },
    ]);
  });

  it("reads a field added or cleared as a change from or to nothing", () => {
    expect(fieldChanges({ actions: null }, { actions: "Antibiotics", notes: undefined })).toEqual([
      { field: "actions", before: null, after: "Antibiotics" },
    ]);
    expect(fieldChanges({ procedure: { medication: "x" } }, {})).toEqual([
      { field: "procedure.medication", before: "x", after: null },
    ]);
  });
});

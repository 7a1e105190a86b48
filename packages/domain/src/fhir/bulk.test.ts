import { describe, expect, it } from "vitest";
import { bulkManifest, parseExportParams, progressText, typesAt } from "./bulk";
import { groupIdOf, groupIds, groupKind, toFhirGroup } from "./groups";

const parse = (level: "system" | "patient" | "group", qs: string, lenient = false) =>
  parseExportParams(level, new URLSearchParams(qs), { lenient });

describe("Bulk Data kick-off parameters", () => {
  it("reads _type (comma or repeated, once each), _since as an instant, and the NDJSON formats", () => {
    expect(
      parse(
        "system",
        "_type=Patient,Observation&_type=Patient&_since=2026-03-01T00:00:00%2B01:00&_outputFormat=ndjson",
      ),
    ).toEqual({
      request: { types: ["Patient", "Observation"], since: new Date("2026-02-28T23:00:00Z") },
    });
    expect(parse("group", "")).toEqual({ request: { types: null, since: null } });
  });

  it("names each bad or unsupported parameter, and drops them when lenient", () => {
    const r = parse("patient", "_type=Questionnaire&_since=2026-03-01&_typeFilter=x&_outputFormat=csv&foo=1");
    expect("issues" in r && r.issues.map((i) => i.path)).toEqual([
      "_type",
      "_since",
      "_typeFilter",
      "_outputFormat",
      "foo",
    ]);
    expect("issues" in r && r.issues[2]!.message).toMatch(/not supported by this server/);
    expect(parse("system", "_typeFilter=x&_type=Patient,Nope", true)).toEqual({
      request: { types: ["Patient"], since: null },
    });
    // Every type asked for was unknown: nothing is asked for, which is not "everything".
    expect(parse("system", "_type=Nope", true)).toEqual({ request: { types: [], since: null } });
  });

  it("exports the Patient compartment below system level, and the Questionnaires only at system level", () => {
    expect(typesAt("system")).toContain("Questionnaire");
    expect(typesAt("patient")).not.toContain("Questionnaire");
    expect(typesAt("group")).toEqual(typesAt("patient"));
  });
});

describe("Bulk Data manifest and progress", () => {
  it("lists the files that hold resources, needing a token unless told otherwise", () => {
    const m = bulkManifest({
      transactionTime: "2026-03-10T09:00:00.000Z",
      request: "https://x.test/fhir/$export",
      output: [
        { type: "Patient", url: "https://x.test/f/1", count: 3 },
        { type: "AdverseEvent", url: "https://x.test/f/2", count: 0 },
      ],
    });
    expect(m).toEqual({
      transactionTime: "2026-03-10T09:00:00.000Z",
      request: "https://x.test/fhir/$export",
      requiresAccessToken: true,
      output: [{ type: "Patient", url: "https://x.test/f/1", count: 3 }],
      error: [],
    });
  });

  it("says how far it got, never 100% before it is done", () => {
    expect(progressText({ done: 50, total: 200, type: "Observation" })).toBe("25% (Observation)");
    expect(progressText({ done: 200, total: 200, type: "AdverseEvent" })).toBe("99% (AdverseEvent)");
    expect(progressText({ done: 0, total: 0, type: null })).toBe("0%");
  });
});

describe("cohort Groups", () => {
  it("names one Group per treatment kind with a FHIR id, and reads the kind back", () => {
    expect(groupIdOf("bone_marrow_concentrate")).toBe("treatment-bone-marrow-concentrate");
    expect(groupKind("treatment-bone-marrow-concentrate")).toBe("bone_marrow_concentrate");
    expect(groupKind("treatment-nothing")).toBeUndefined();
    expect(groupKind("bone_marrow_concentrate")).toBeUndefined();
    for (const id of groupIds()) expect(id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    expect(toFhirGroup("fusion", 4)).toMatchObject({
      resourceType: "Group",
      id: "treatment-fusion",
      actual: true,
      quantity: 4,
      characteristic: [{ valueCodeableConcept: { text: "Spinal fusion" }, exclude: false }],
    });
  });
});

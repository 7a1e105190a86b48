import { describe, expect, it } from "vitest";
import { dateInterval, matchesDates, parseSearch, searchLink } from "./search";
import { grantScopes, scopeAllows } from "./smart-scopes";

const parse = (type: Parameters<typeof parseSearch>[0], qs: string, lenient = false) =>
  parseSearch(type, new URLSearchParams(qs), { lenient });

describe("FHIR search parameters", () => {
  it("refuses an unknown parameter, naming it, unless lenient, which drops it from the self link", () => {
    expect(parse("Patient", "_sort=name")).toEqual({
      issues: [
        { path: "_sort", message: expect.stringMatching(/^is not a supported search parameter of Patient/) },
      ],
    });
    const lenient = parse("Patient", "_sort=name&_count=5", true);
    expect("query" in lenient && searchLink("https://x.test/fhir", lenient.query)).toBe(
      "https://x.test/fhir/Patient?_count=5",
    );
  });

  it("names each bad value: _count out of range, a non-patient reference, an unsupported prefix, XML", () => {
    const r = parse("Observation", "_count=0&patient=Group/1&date=ap2026&_format=xml");
    expect("issues" in r && r.issues.map((i) => i.path)).toEqual(["_count", "patient", "date", "_format"]);
  });

  it("reads patient as <id> or Patient/<id>, code as system|code, and dates at their precision", () => {
    const id = "0193a7b2-0000-7000-8000-000000000001";
    const r = parse("Observation", `subject=Patient/${id}&code=http://loinc.org|72514-3,odi&date=ge2026-03`);
    if (!("query" in r)) throw new Error("expected a query");
    expect(r.query.patientId).toBe(id);
    expect(r.query.codes).toEqual([{ system: "http://loinc.org", code: "72514-3" }, { code: "odi" }]);
    expect(matchesDates(new Date("2026-03-01T00:00:00Z"), r.query.date)).toBe(true);
    expect(matchesDates(new Date("2026-02-28T23:59:59Z"), r.query.date)).toBe(false);
  });

  it("gives each date precision its interval, and each prefix its meaning", () => {
    expect(dateInterval("2026")).toEqual({ start: new Date("2026-01-01Z"), end: new Date("2027-01-01Z") });
    expect(dateInterval("2026-02-30")).toBeNull();
    const day = { ...dateInterval("2026-03-02")! };
    const at = new Date("2026-03-02T12:00:00Z");
    expect(
      ["eq", "ne", "gt", "ge", "lt", "le"].map((p) => matchesDates(at, [{ prefix: p as "eq", ...day }])),
    ).toEqual([true, false, false, true, false, true]);
  });
});

describe("SMART scopes", () => {
  it("grants the read part of v1 and v2 system scopes, nothing for writes or unknown types", () => {
    expect(grantScopes("system/*.read system/Observation.crus system/Patient.write system/Foo.rs")).toEqual([
      "system/*.read",
      "system/Observation.rs",
    ]);
    expect(scopeAllows(["system/Observation.rs"], "Observation", "s")).toBe(true);
    expect(scopeAllows(["system/Observation.r"], "Observation", "s")).toBe(false);
    expect(scopeAllows(["system/*.read"], "Patient", "r")).toBe(true);
    expect(scopeAllows(["system/Observation.rs"], "Patient", "r")).toBe(false);
  });
});

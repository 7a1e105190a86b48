/**
 * The FHIR tests' validator (./fhir-validate.ts) can fail: each of its three validators catches
 * a defect of the kind only it is known to catch, and a CapabilityStatement for 4.0.1 passes.
 */
import { describe, expect, it } from "vitest";
import { validateR4 } from "./fhir-validate";

const patient = {
  resourceType: "Patient",
  id: "p1",
  name: [{ family: "Ayala", given: ["Rosa"] }],
  gender: "female",
  birthDate: "1970-01-31",
};

const by = (problems: string[], validator: string) => problems.some((p) => p.includes(`: ${validator}:`));

describe("validateR4", () => {
  it("passes a valid Patient", () => {
    expect(validateR4(patient)).toEqual([]);
  });

  it("catches a code outside a required binding with FHIR.js and the schema, which Medplum lets through", () => {
    const problems = validateR4({ ...patient, gender: "woman" });
    expect([by(problems, "FHIR.js"), by(problems, "schema"), by(problems, "medplum")]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("catches a malformed date with Medplum and the schema, which FHIR.js lets through", () => {
    const problems = validateR4({ ...patient, birthDate: "31/01/1970" });
    expect([by(problems, "medplum"), by(problems, "schema"), by(problems, "FHIR.js")]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("catches a missing required status with Medplum and FHIR.js, which the schema cannot see", () => {
    const problems = validateR4({
      resourceType: "QuestionnaireResponse",
      id: "r1",
      questionnaire: "https://evident.invalid/fhir/Questionnaire/odi",
    });
    expect([by(problems, "medplum"), by(problems, "FHIR.js"), by(problems, "schema")]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("finds a bad resource inside a Bundle, and accepts a CapabilityStatement for FHIR 4.0.1", () => {
    const bundle = {
      resourceType: "Bundle",
      type: "searchset",
      entry: [{ resource: { ...patient, gender: "woman" } }],
    };
    expect(validateR4(bundle)).not.toEqual([]);
    const capability = {
      resourceType: "CapabilityStatement",
      status: "active",
      date: "2026-03-10",
      kind: "instance",
      fhirVersion: "4.0.1",
      format: ["json"],
      implementation: { description: "test" },
      rest: [{ mode: "server" }],
    };
    expect(validateR4(capability)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { emptyPatientForm, toPatientPayload, validatePatientForm } from "./patientForm";

const filled = {
  ...emptyPatientForm,
  givenName: " Ann ",
  familyName: "Lee",
  birthDate: "1970-03-04",
  sex: "female",
  episode: { condition: "spinal_stenosis", spinalLevels: ["L4-L5"], onsetDate: "" },
};

describe("add-patient form", () => {
  it("accepts a complete form and sends trimmed values without blanks", () => {
    expect(validatePatientForm(filled, "2026-01-01")).toEqual({});
    const body = toPatientPayload(filled);
    expect(body.givenName).toBe("Ann");
    expect(body.email).toBeUndefined();
    expect(body.invite).toBeUndefined();
    expect(body.episode.onsetDate).toBeUndefined();
  });

  it("names each missing field by the API's path", () => {
    const errors = validatePatientForm(emptyPatientForm, "2026-01-01");
    expect(Object.keys(errors).sort()).toEqual(
      ["birthDate", "episode.condition", "familyName", "givenName", "sex"].sort(),
    );
  });

  it("checks the e-mail address with the API's schema", () => {
    const errors = validatePatientForm({ ...filled, email: "not-an-address" }, "2026-01-01");
    expect(errors.email).toBe("Must be an e-mail address.");
  });

  it("refuses impossible and future dates", () => {
    expect(validatePatientForm({ ...filled, birthDate: "2024-02-30" }, "2026-01-01").birthDate).toMatch(
      /real date/,
    );
    expect(validatePatientForm({ ...filled, birthDate: "2027-01-01" }, "2026-01-01").birthDate).toBe(
      "Cannot be in the future.",
    );
  });

  it("asks to invite only when there is an e-mail address", () => {
    expect(toPatientPayload({ ...filled, email: "ann@example.com", invite: false }).invite).toBe(false);
  });
});

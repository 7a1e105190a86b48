/**
 * Text PostgreSQL cannot store — NUL, and half a UTF-16 surrogate pair — is a 400 naming the
 * field wherever it comes in (query string, path, JSON values and keys) on every kind of route,
 * and nothing is written. Before, a NUL reached PostgreSQL and came back as a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
let staff: { cookie: string };
let patient: { id: string; cookie: string };

beforeAll(async () => {
  h = await createHarness();
  staff = await h.staff("clinician");
  patient = await h.portalPatient(staff.cookie);
  await h.answerSafetyQuestions(patient.cookie);
  await h.call("POST", `/api/v1/patients/${patient.id}/treatments`, {
    cookie: staff.cookie,
    body: { kind: "medication", date: "2026-03-01" },
  });
});
afterAll(() => h.close());

const NUL = "\u0000";
const LONE = "\uD800";

function expectRefused(res: Awaited<ReturnType<Harness["call"]>>, path: string) {
  expect(res.status, res.text).toBe(400);
  expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
  expect(res.json.issues).toContainEqual({ path, message: expect.stringMatching(/cannot be stored/) });
}

describe("text PostgreSQL cannot store", () => {
  it("refuses a NUL in the patient search's query string, naming q", async () => {
    expectRefused(await h.call("GET", "/api/v1/patients?q=a%00b", { cookie: staff.cookie }), "q");
  });

  it("refuses a NUL in a FHIR search parameter", async () => {
    const res = await h.call("GET", `/api/fhir/Observation?patient=${patient.id}%00`, {
      cookie: staff.cookie,
    });
    expectRefused(res, "patient");
  });

  it("refuses a NUL in the path", async () => {
    expectRefused(await h.call("GET", "/api/v1/patients/a%00b", { cookie: staff.cookie }), "url");
  });

  it("refuses a patient's name with a NUL or half a surrogate pair, and writes nothing", async () => {
    const before = await h.count("patients");
    for (const [field, value] of [
      ["givenName", `Ad${NUL}a`],
      ["familyName", `Love${LONE}lace`],
    ] as const) {
      const res = await h.call("POST", "/api/v1/patients", {
        cookie: staff.cookie,
        body: h.patientBody({ [field]: value }),
      });
      expectRefused(res, field);
    }
    expect(await h.count("patients")).toBe(before);
  });

  it("names a nested field and a bad key", async () => {
    const res = await h.call("POST", "/api/v1/patients", {
      cookie: staff.cookie,
      body: { ...h.patientBody(), episode: { condition: `x${NUL}` }, [`odd${NUL}key`]: 1 },
    });
    expectRefused(res, "episode.condition");
    expect(res.json.issues).toContainEqual({
      path: "odd\uFFFDkey",
      message: expect.stringMatching(/its name/),
    });
  });

  it("refuses a treatment's notes with a NUL", async () => {
    const res = await h.call("POST", `/api/v1/patients/${patient.id}/treatments`, {
      cookie: staff.cookie,
      body: { kind: "medication", date: "2026-03-01", notes: `took it${NUL}` },
    });
    expectRefused(res, "notes");
  });

  it("refuses a diary note and a medicine's name with a NUL", async () => {
    const res = await h.call("PUT", "/api/v1/portal/diary/2026-03-02", {
      cookie: patient.cookie,
      body: {
        backPain: 6,
        note: `stiff${NUL}`,
        medications: [{ drug: "other", name: `ibu${LONE}`, dose: 400, dosesPerDay: 3 }],
      },
    });
    expectRefused(res, "note");
    expectRefused(res, "medications.0.name");
  });

  it("refuses a problem report's details with a NUL, and writes no report", async () => {
    const before = await h.count("problem_reports");
    const res = await h.call("POST", "/api/v1/portal/problems", {
      cookie: patient.cookie,
      body: { symptoms: ["fever"], details: `38.6${NUL}`, onsetDate: "2026-03-02" },
    });
    expectRefused(res, "details");
    expect(await h.count("problem_reports")).toBe(before);
  });

  it("still accepts ordinary text, accents and emoji (whole surrogate pairs)", async () => {
    const res = await h.call("POST", "/api/v1/patients", {
      cookie: staff.cookie,
      body: h.patientBody({ givenName: "Zoë 👍", familyName: "Núñez" }),
    });
    expect(res.status, res.text).toBe(201);
  });
});

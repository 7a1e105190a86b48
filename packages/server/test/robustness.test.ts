/**
 * Bad input never becomes a 500 or a partial write: random JSON (fast-check) thrown at every
 * write endpoint gets a 4xx problem+json, and the database holds exactly what it held before.
 * Bounded in count so the suite stays quick.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
let cookie: string;
let adminCookie: string;
let patientCookie: string;
let patientId: string;
let followUpId: string;
let responseId: string;

beforeAll(async () => {
  h = await createHarness();
  const s = await h.staff("clinician");
  cookie = s.cookie;
  adminCookie = (await h.staff("admin", s.clinicId)).cookie;
  const p = await h.portalPatient(cookie);
  patientId = p.id;
  patientCookie = p.cookie;
  await h.answerSafetyQuestions(patientCookie);
  followUpId = p.followUps[0]!.id;
  const sent = await h.call("POST", `/api/v1/patients/${patientId}/responses`, {
    cookie,
    body: { responses: [{ instrument: "nrs_back", answers: { nrs_back: 5 } }] },
  });
  responseId = sent.json.responses[0].id;
});
afterAll(() => h.close());

const tables = [
  "patients",
  "episodes",
  "treatments",
  "follow_ups",
  "questionnaire_responses",
  "outbox_messages",
  "invitations",
  "response_drafts",
  "measurement_plan_timepoints",
  "instrument_licences",
];
const snapshot = async () => Promise.all(tables.map((t) => h.count(t)));

/** Plausible-looking but mostly wrong bodies: right keys with wrong values, and noise. */
const value = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "2024-02-30",
    "1800-01-01",
    "2999-01-01",
    "odi",
    "nrs_back",
    "fusion",
    "L4-L5",
    "",
    " ",
    "\u0000",
  ),
);
const body = fc.oneof(
  fc.dictionary(
    fc.constantFrom(
      "givenName",
      "familyName",
      "birthDate",
      "sex",
      "email",
      "episode",
      "kind",
      "date",
      "responses",
      "followUpId",
      "answers",
      "instrument",
      "reason",
      "reference",
      "step",
      "timepoints",
      "x",
    ),
    fc.oneof(
      value,
      fc.array(value, { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 4 }),
    ),
    { maxKeys: 8 },
  ),
  fc.array(value, { maxLength: 3 }),
  value,
);

describe("robustness", () => {
  it("answers random bodies on every write endpoint with a 4xx problem (or a valid write), never a 500", async () => {
    const targets: { path: string | (() => string); cookie: () => string | undefined; method?: string }[] = [
      { path: "/api/v1/patients", cookie: () => cookie },
      { path: "/api/v1/clinic/plan", cookie: () => adminCookie, method: "PUT" },
      { path: "/api/v1/clinic/instruments/odi/licence", cookie: () => adminCookie },
      {
        path: () => `/api/v1/patients/${patientId}/responses/${responseId}/corrections`,
        cookie: () => cookie,
      },
      { path: () => `/api/v1/portal/drafts/${followUpId}`, cookie: () => patientCookie, method: "PUT" },
      { path: () => `/api/v1/patients/${patientId}/treatments`, cookie: () => cookie },
      { path: () => `/api/v1/patients/${patientId}/responses`, cookie: () => cookie },
      { path: "/api/v1/portal/responses", cookie: () => patientCookie },
      { path: "/api/v1/invitations/accept", cookie: () => undefined },
      { path: "/api/v1/auth/staff/sign-in", cookie: () => undefined },
    ];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: targets.length - 1 }), body, async (i, b) => {
        const t = targets[i]!;
        const path = typeof t.path === "function" ? t.path() : t.path;
        const before = await snapshot();
        const res = await h.call(t.method ?? "POST", path, { cookie: t.cookie(), raw: JSON.stringify(b) });
        if (res.status >= 500)
          throw new Error(`${path} answered ${res.status} for ${JSON.stringify(b)}: ${res.text}`);
        if (res.status >= 400) {
          expect(res.headers.get("content-type")).toMatch(/problem\+json/);
          expect(await snapshot()).toEqual(before);
        }
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it("answers random query strings and path ids without a 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), fc.string({ maxLength: 40 }), async (q, id) => {
        const list = await h.call(
          "GET",
          `/api/v1/patients?q=${encodeURIComponent(q)}&limit=${encodeURIComponent(q)}`,
          { cookie },
        );
        expect(list.status).toBeLessThan(500);
        const one = await h.call("GET", `/api/v1/patients/${encodeURIComponent(id)}`, { cookie });
        expect(one.status).toBeLessThan(500);
        const fhir = await h.call(
          "GET",
          `/api/fhir/Observation?patient=${encodeURIComponent(q)}&${encodeURIComponent(id)}=1`,
          {
            cookie,
          },
        );
        expect(fhir.status).toBeLessThan(500);
        const questionnaire = await h.call("GET", `/api/fhir/Questionnaire/${encodeURIComponent(id)}`);
        expect(questionnaire.status).toBeLessThan(500);
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});

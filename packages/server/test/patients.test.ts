import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";

let h: Harness;
let clinician: Awaited<ReturnType<Harness["staff"]>>;
const clinicalTables = [
  "patients",
  "episodes",
  "follow_ups",
  "patient_accounts",
  "invitations",
  "outbox_messages",
];

async function counts() {
  return Object.fromEntries(await Promise.all(clinicalTables.map(async (t) => [t, await h.count(t)])));
}

beforeAll(async () => {
  h = await createHarness();
  clinician = await h.staff("clinician");
});
afterAll(() => h.close());

describe("adding a patient", () => {
  it("creates the patient, the episode and an open baseline asking what the clinic's plan asks", async () => {
    const res = await h.call("POST", "/api/v1/patients", {
      cookie: clinician.cookie,
      body: h.patientBody({ mrn: "MRN-1" }),
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      givenName: "Ada",
      familyName: "Lovelace",
      mrn: "MRN-1",
      portal: "none",
      episodes: [{ condition: "degenerative_disc_disease", spinalLevels: ["L4-L5"] }],
      followUps: [
        { timepoint: "baseline", status: "open", instruments: ["nrs_back", "odi"], dueDate: "2026-03-02" },
      ],
    });
  });

  it("asks a new clinic's baseline without licences: back and leg pain and the PEG", async () => {
    const fresh = await h.staff(
      "clinician",
      (await h.clinic("New clinic", { licences: [], plan: "as-created" })).id,
    );
    const res = await h.call("POST", "/api/v1/patients", { cookie: fresh.cookie, body: h.patientBody() });
    expect(res.json).toMatchObject({
      followUps: [{ timepoint: "baseline", instruments: ["nrs_back", "nrs_leg", "peg"] }],
    });
    const treated = await h.call("POST", `/api/v1/patients/${res.json.id}/treatments`, {
      cookie: fresh.cookie,
      body: { kind: "medication", date: "2026-03-02" },
    });
    expect(treated.status).toBe(201);
    const record = await h.call("GET", `/api/v1/patients/${res.json.id}`, { cookie: fresh.cookie });
    expect(record.json.followUps[1]).toMatchObject({
      timepoint: "2w",
      instruments: ["nrs_back", "nrs_leg", "peg", "pgic"],
    });
  });

  it("queues a portal invitation in the outbox when an e-mail address is given", async () => {
    const p = await h.patient(clinician.cookie, { email: "ada@mail.test" });
    const outbox = await h.call("GET", "/api/v1/outbox", { cookie: clinician.cookie });
    const msg = outbox.json.items.find((m: { patientId: string }) => m.patientId === p.id);
    expect(msg).toMatchObject({ kind: "portal-invitation", to: "ada@mail.test", status: "pending" });
    // Staff see the message, never the link's token: it is made when the e-mail is sent.
    expect(msg.body).toContain("[link hidden: only the e-mail to the recipient holds it]");
    expect(msg.body).not.toMatch(/welcome#/);
    expect(outbox.json.smtpConfigured).toBe(false);
  });

  it("pages through the outbox newest first, with the total, and refuses a bad page size naming it", async () => {
    const s = await h.staff("clinician");
    for (let i = 0; i < 5; i++) {
      await h.patient(s.cookie, { email: `paged${i}@mail.test` });
      h.clock.set(new Date(h.clock.now().getTime() + 1000));
    }
    const all = await h.call("GET", "/api/v1/outbox", { cookie: s.cookie });
    expect(all.json).toMatchObject({ total: 5, offset: 0 });
    const seen: string[] = [];
    for (const offset of [0, 2, 4]) {
      const page = await h.call("GET", `/api/v1/outbox?limit=2&offset=${offset}`, { cookie: s.cookie });
      expect(page.json).toMatchObject({ total: 5, offset });
      seen.push(...page.json.items.map((m: { to: string }) => m.to));
    }
    expect(seen).toEqual(["paged4", "paged3", "paged2", "paged1", "paged0"].map((n) => `${n}@mail.test`));
    const bad = await h.call("GET", "/api/v1/outbox?limit=0&offset=x", { cookie: s.cookie });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(["limit", "offset"]);
  });

  it("refuses a missing name and an impossible birth date, naming each field, and writes nothing", async () => {
    const before = await counts();
    const res = await h.call("POST", "/api/v1/patients", {
      cookie: clinician.cookie,
      body: h.patientBody({ givenName: undefined, familyName: "  ", birthDate: "2023-02-30" }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.json.issues).toEqual([
      { path: "givenName", message: "is required" },
      { path: "familyName", message: "is required" },
      { path: "birthDate", message: "must be a real date (YYYY-MM-DD)" },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a birth date in the future or before 1900", async () => {
    for (const [birthDate, message] of [
      ["2027-01-01", "cannot be in the future"],
      ["1899-12-31", "must be after 1900"],
    ]) {
      const res = await h.call("POST", "/api/v1/patients", {
        cookie: clinician.cookie,
        body: h.patientBody({ birthDate }),
      });
      expect(res.status).toBe(400);
      expect(res.json.issues).toEqual([{ path: "birthDate", message }]);
    }
  });

  it("names bad nested fields and unknown fields", async () => {
    const res = await h.call("POST", "/api/v1/patients", {
      cookie: clinician.cookie,
      body: h.patientBody({
        episode: { condition: "broken back", spinalLevels: ["L9-L10"] },
        shoeSize: 44,
        email: "nope",
      }),
    });
    expect(res.status).toBe(400);
    const paths = res.json.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(["email", "episode.condition", "episode.spinalLevels.0", "shoeSize"].sort());
    expect(res.json.issues.find((i: { path: string }) => i.path === "shoeSize").message).toBe(
      "is not a known field",
    );
  });

  it("answers 413 for an oversized body and writes nothing", async () => {
    const before = await counts();
    const res = await h.call("POST", "/api/v1/patients", {
      cookie: clinician.cookie,
      raw: JSON.stringify(h.patientBody({ mrn: "x".repeat(2 * 1024 * 1024) })),
    });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ status: 413, issues: [{ path: "" }] });
    expect(await counts()).toEqual(before);
  });

  it("answers 400 problem+json for malformed JSON", async () => {
    const res = await h.call("POST", "/api/v1/patients", {
      cookie: clinician.cookie,
      raw: '{"givenName": "A",',
    });
    expect(res.status).toBe(400);
    expect(res.json.title).toBe("The request has invalid fields");
  });

  it("refuses a second patient with the same record number as a 409 naming the field, writing nothing", async () => {
    await h.patient(clinician.cookie, { mrn: "DUP-7" });
    const before = await counts();
    const res = await h.call("POST", "/api/v1/patients", {
      cookie: clinician.cookie,
      body: h.patientBody({ mrn: "DUP-7" }),
    });
    expect(res.status).toBe(409);
    expect(res.json.issues).toEqual([
      { path: "mrn", message: "another patient in this clinic has this record number" },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("rolls back the patient when the invitation cannot be written (e-mail already has an account)", async () => {
    await h.patient(clinician.cookie, { email: "taken@mail.test" });
    const before = await counts();
    const res = await h.call("POST", "/api/v1/patients", {
      cookie: clinician.cookie,
      body: h.patientBody({ email: "TAKEN@mail.test" }),
    });
    expect(res.status).toBe(409);
    expect(res.json.issues[0].path).toBe("email");
    expect(await counts()).toEqual(before);
  });
});

describe("finding patients", () => {
  it("searches by name or record number, case-insensitively, treating % and _ literally", async () => {
    await h.patient(clinician.cookie, { givenName: "Grace", familyName: "Hopper", mrn: "GH-100" });
    await h.patient(clinician.cookie, { givenName: "Percy", familyName: "Under_score" });
    const byName = await h.call("GET", "/api/v1/patients?q=hopp", { cookie: clinician.cookie });
    expect(byName.json.items.map((p: { familyName: string }) => p.familyName)).toEqual(["Hopper"]);
    const byMrn = await h.call("GET", "/api/v1/patients?q=gh-1", { cookie: clinician.cookie });
    expect(byMrn.json.total).toBe(1);
    const wildcard = await h.call("GET", "/api/v1/patients?q=%25", { cookie: clinician.cookie });
    expect(wildcard.json.total).toBe(0);
    const underscore = await h.call("GET", "/api/v1/patients?q=r_s", { cookie: clinician.cookie });
    expect(underscore.json.items.map((p: { familyName: string }) => p.familyName)).toEqual(["Under_score"]);
  });

  it("pages through results and rejects a bad limit", async () => {
    const page = await h.call("GET", "/api/v1/patients?limit=2&offset=0", { cookie: clinician.cookie });
    expect(page.json.items).toHaveLength(2);
    expect(page.json.total).toBeGreaterThan(2);
    const bad = await h.call("GET", "/api/v1/patients?limit=0", { cookie: clinician.cookie });
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe("limit");
  });

  it("answers 400 for a malformed id and 404 for an unknown one", async () => {
    expect(
      (await h.call("GET", "/api/v1/patients/not-a-uuid", { cookie: clinician.cookie })).json.issues[0].path,
    ).toBe("id");
    const missing = await h.call("GET", "/api/v1/patients/01890000-0000-7000-8000-000000000000", {
      cookie: clinician.cookie,
    });
    expect(missing.status).toBe(404);
  });
});

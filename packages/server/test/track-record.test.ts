/**
 * A clinic's public track record end to end, on a constructed registry of two clinics
 * (./outcome-registry): only an administrator publishes or withdraws it (audited); anyone reads a
 * published page without signing in, and an unpublished one is 404; the page holds aggregates
 * only, and no number in it is 1 to 10 (a small group's counts are hidden with their reason);
 * changing a patient's identifying details changes nothing on it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness";
import { people, T0, writeRegistry } from "./outcome-registry";

let h: Harness;
let north: string;
let northIds: string[];
let admin: { cookie: string };

beforeAll(async () => {
  h = await createHarness({ now: `${T0}T09:00:00Z` });
  north = (await h.clinic("North Spine Centre")).id;
  const south = (await h.clinic("South Back Clinic")).id;
  northIds = await writeRegistry(h, await h.staff("clinician", north), [
    ...people("bone_marrow_concentrate", 30, 11, { fusions: 2, missed: 2 }),
    // A group too small to show: its counts must be hidden, and nothing else may give them away.
    ...people("medication", 5, 14),
  ]);
  await writeRegistry(
    h,
    await h.staff("clinician", south),
    people("exercise_physiotherapy", 28, 12, { missed: 1 }),
  );
  admin = await h.staff("admin", north);
}, 600_000);
afterAll(() => h.close());

const publicPage = (slug: string) => h.call("GET", `/api/v1/public/clinics/${slug}/track-record`);
const publish = (cookie: string, published: unknown) =>
  h.call("PUT", "/api/v1/clinic/track-record", { cookie, body: { published } });

/** Every number anywhere in a JSON value, with where it is. */
function numbers(value: unknown, at = "$"): { at: string; n: number }[] {
  if (typeof value === "number") return [{ at, n: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${at}[${i}]`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => numbers(v, `${at}.${k}`));
  return [];
}

describe("a clinic's public track record", () => {
  it("can be published and withdrawn only by an administrator", async () => {
    for (const role of ["clinician", "coordinator", "researcher"] as const) {
      const staff = await h.staff(role, north);
      expect((await publish(staff.cookie, true)).status, role).toBe(403);
      expect(
        (await h.call("GET", "/api/v1/clinic/track-record", { cookie: staff.cookie })).status,
        role,
      ).toBe(403);
    }
    expect((await publish(undefined as unknown as string, true)).status).toBe(401);
    const bad = await publish(admin.cookie, "yes");
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path)).toEqual(["published"]);
  });

  it("is not found until it is published, and then needs no sign-in", async () => {
    const before = await h.call("GET", "/api/v1/clinic/track-record", { cookie: admin.cookie });
    expect(before.status, before.text).toBe(200);
    expect(before.json.published).toBe(false);
    expect(before.json.preview.clinic.name).toBe("North Spine Centre");
    const slug = before.json.preview.clinic.slug as string;
    expect((await publicPage(slug)).status).toBe(404);

    const done = await publish(admin.cookie, true);
    expect(done.status, done.text).toBe(200);
    expect(done.json).toMatchObject({ published: true, slug });
    const page = await publicPage(slug);
    expect(page.status, page.text).toBe(200);
    expect(page.json.clinic).toEqual({ name: "North Spine Centre", slug });
    expect((await publicPage("no-such-clinic")).status).toBe(404);
    const list = await h.call("GET", "/api/v1/public/track-records");
    expect(list.json.clinics.map((c: { slug: string }) => c.slug)).toEqual([slug]);

    const { rows } = await h.database.pool.query(
      "select detail from audit_events where entity_type = 'clinic-track-record' and clinic_id = $1 order by seq",
      [north],
    );
    expect(rows.map((r) => r.detail.published)).toEqual([{ from: false, to: true }]);
  });

  it("holds aggregates only, and no number from 1 to 10 anywhere in it", async () => {
    const { json: state } = await h.call("GET", "/api/v1/clinic/track-record", { cookie: admin.cookie });
    const page = await publicPage(state.slug);
    const small = numbers(page.json).filter(({ n }) => n >= 1 && n <= 10);
    expect(small).toEqual([]);
    expect(numbers(page.json).every(({ n }) => Number.isInteger(n))).toBe(true);
    // No patient's name, id or birth date.
    for (const id of northIds) expect(page.text).not.toContain(id);
    expect(page.text).not.toMatch(/Registry\d/);
    expect(page.text).not.toMatch(/\b19[5-9]\d-\d\d-\d\d\b/);

    const kinds = page.json.kinds as { treatmentKind: string; clinic: any; network: any }[];
    const marrow = kinds.find((k) => k.treatmentKind === "bone_marrow_concentrate");
    expect(marrow?.clinic.treated).toEqual({ n: 30, hidden: null });
    const twelve = marrow?.clinic.timepoints.find((t: { timepoint: string }) => t.timepoint === "12m");
    // Two of the 30 had an operation that ended their follow-up, two more never answered: 28 were
    // due and 26 answered. Each of those differences is a count under 11, so neither 28 nor 26 is
    // given, and the responders' count goes too (with the share it would give 26 back); the
    // estimates, from 26 people, stay.
    expect(twelve.due).toEqual({ n: null, hidden: "all-but-fewer-than-11" });
    expect(twelve.answered).toEqual({ n: null, hidden: "all-but-fewer-than-11" });
    const odi = twelve.measures.find((m: { instrument: string }) => m.instrument === "odi");
    expect(odi.analysed.n).toBeNull();
    expect(odi.responders).toEqual({ n: null, hidden: "would-reveal-a-small-count" });
    expect(odi.meanChange).toMatchObject({ value: expect.stringMatching(/^-?\d+\.\d$/) });
    expect(odi.responderShare).toMatchObject({ value: expect.stringMatching(/^\d+$/) });
    const three = marrow?.clinic.timepoints.find((t: { timepoint: string }) => t.timepoint === "3m");
    expect(three.due).toEqual({ n: 30, hidden: null });
    expect(marrow?.clinic.surgeryWithinYear.operated).toEqual({ n: null, hidden: "fewer-than-11" });

    const medication = kinds.find((k) => k.treatmentKind === "medication");
    expect(medication?.clinic.treated).toEqual({ n: null, hidden: "fewer-than-11" });
    for (const t of medication?.clinic.timepoints ?? [])
      for (const m of t.measures) expect(m.meanChange).toBeNull();

    expect(page.json.benchmarks.map((b: { measure: string }) => b.measure)).toEqual([
      "odi",
      "nrs_back",
      "surgery",
    ]);
    expect(page.json.caveats.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(["no-comparison-group", "self-selected", "who-did-not-answer"]),
    );
    for (const c of page.json.caveats) {
      expect(c.sources.length).toBeGreaterThan(0);
      expect(c.es.length).toBeGreaterThan(0);
    }
    expect(page.json.asOf).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it("does not change when a patient's name, birth date or e-mail changes", async () => {
    const { json: state } = await h.call("GET", "/api/v1/clinic/track-record", { cookie: admin.cookie });
    const before = await publicPage(state.slug);
    const id = northIds[0];
    // The birth date moves by a day and the age at treatment stays the same: an identifying
    // detail, not the age the benchmark's risk model uses.
    await h.database.pool.query(
      `update patients set given_name = 'Changed', family_name = 'Someone Else',
         birth_date = birth_date + 1, email = 'changed@mail.test' where id = $1`,
      [id],
    );
    const after = await publicPage(state.slug);
    expect(after.status).toBe(200);
    expect(after.json).toEqual(before.json);
  });

  it("is not found again once withdrawn", async () => {
    const { json: state } = await h.call("GET", "/api/v1/clinic/track-record", { cookie: admin.cookie });
    const withdrawn = await publish(admin.cookie, false);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json.published).toBe(false);
    expect((await publicPage(state.slug)).status).toBe(404);
    expect((await h.call("GET", "/api/v1/public/track-records")).json.clinics).toEqual([]);
  });
});

/** Setting up a real installation: `evident clinic add` and `evident user add`, each audited. */
import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../db/test/database";
import { runCli } from "./run-cli";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.close());

// Each test runs the command two to five times, each a new process that compiles its sources and
// opens the database: on a busy shared machine one run has taken 15 to 35 s, so a test gets five
// minutes.
describe("evident clinic add / user add", { timeout: 300_000 }, () => {
  it("sets the clinic's time zone, and refuses a name that is not an IANA time zone", async () => {
    const ok = await runCli(
      ["clinic", "add", "--name", "Lakeside Pain Clinic", "--time-zone", "America/Chicago"],
      db.cliEnv,
    );
    expect(ok.code).toBe(0);
    const { rows } = await db.system.pool.query(
      "select time_zone from clinics where name = 'Lakeside Pain Clinic'",
    );
    expect(rows).toEqual([{ time_zone: "America/Chicago" }]);
    const bad = await runCli(
      ["clinic", "add", "--name", "Nowhere Clinic", "--time-zone", "Chicago"],
      db.cliEnv,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--time-zone must be an IANA time zone name/);
    expect((await db.system.pool.query("select 1 from clinics where name = 'Nowhere Clinic'")).rows).toEqual(
      [],
    );
  });

  it("sets the clinic's country and emergency number: the country's default, or its own", async () => {
    const env = db.cliEnv;
    const madrid = await runCli(["clinic", "add", "--name", "Clínica Madrid", "--country", "ES"], env);
    expect(madrid.code).toBe(0);
    expect(JSON.parse(madrid.stdout)).toMatchObject({ country: "ES", emergencyNumber: "112" });
    const tokyo = await runCli(
      ["clinic", "add", "--name", "Tokyo Spine", "--country", "JP", "--emergency-number", "119"],
      env,
    );
    expect(JSON.parse(tokyo.stdout)).toMatchObject({ country: "JP", emergencyNumber: "119" });
    const { rows } = await db.system.pool.query(
      "select name, country, emergency_number from clinics where name in ('Clínica Madrid', 'Tokyo Spine') order by name",
    );
    expect(rows).toEqual([
      { name: "Clínica Madrid", country: "ES", emergency_number: null },
      { name: "Tokyo Spine", country: "JP", emergency_number: "119" },
    ]);
  });

  it("refuses a country that is not an ISO code, and a country without a default and no number", async () => {
    const env = db.cliEnv;
    const noDefault = await runCli(["clinic", "add", "--name", "Osaka Spine", "--country", "JP"], env);
    expect(noDefault.code).toBe(2);
    expect(noDefault.stderr).toMatch(/--emergency-number is required for JP/);
    const badCountry = await runCli(["clinic", "add", "--name", "UK Spine", "--country", "UK"], env);
    expect(badCountry.code).toBe(2);
    expect(badCountry.stderr).toMatch(/--country must be an ISO 3166-1 alpha-2 code/);
    expect(
      (await db.system.pool.query("select 1 from clinics where name in ('Osaka Spine', 'UK Spine')")).rows,
    ).toEqual([]);
  });

  it("creates a clinic and an admin whose password (from the environment, not argv) signs in", async () => {
    const clinic = await runCli(["clinic", "add", "--name", "Harbour Spine Clinic"], db.cliEnv);
    expect(clinic.code).toBe(0);
    expect(JSON.parse(clinic.stdout)).toMatchObject({
      name: "Harbour Spine Clinic",
      timeZone: "UTC",
      country: "US",
      emergencyNumber: "911",
    });
    // It starts with the default plan minus the licensed questionnaires: no licence is confirmed yet.
    const { rows: plan } = await db.system.pool.query(
      "select timepoint, instruments from measurement_plan_timepoints where clinic_id = $1 order by timepoint",
      [JSON.parse(clinic.stdout).id],
    );
    expect(Object.fromEntries(plan.map((r) => [r.timepoint, r.instruments]))).toEqual({
      baseline: ["nrs_back", "nrs_leg", "peg"],
      "2w": ["nrs_back", "nrs_leg", "peg", "pgic"],
      "6w": ["nrs_back", "nrs_leg", "peg", "pgic"],
      "3m": ["nrs_back", "nrs_leg", "peg", "pgic"],
      "6m": ["nrs_back", "nrs_leg", "peg", "pgic"],
      "12m": ["nrs_back", "nrs_leg", "peg", "pgic"],
      "24m": ["nrs_back", "nrs_leg", "peg", "pgic"],
    });
    const user = await runCli(
      [
        "user",
        "add",
        "--clinic",
        "Harbour Spine Clinic",
        "--email",
        "lead@harbour.test",
        "--name",
        "Dr Lead",
        "--role",
        "admin",
      ],
      { ...db.cliEnv, EVIDENT_NEW_PASSWORD: "a long enough password" },
    );
    expect(user.code, user.stderr).toBe(0);
    const { rows } = await db.system.pool.query(
      "select role, password_hash from staff_users where email = 'lead@harbour.test'",
    );
    expect(rows[0].role).toBe("admin");
    expect(await verify(rows[0].password_hash, "a long enough password")).toBe(true);
    // Both are in the new clinic's audit chain, as the command line run by this OS user.
    const { rows: audit } = await db.system.pool.query(
      "select actor_kind, actor_id, action, entity_type, entity_id, detail from audit_events where clinic_id = $1 order by chain_seq",
      [JSON.parse(clinic.stdout).id],
    );
    expect(audit).toEqual([
      {
        actor_kind: "system",
        actor_id: expect.stringMatching(/^evident cli \(.+\)$/),
        action: "create",
        entity_type: "clinic",
        entity_id: JSON.parse(clinic.stdout).id,
        detail: { name: "Harbour Spine Clinic", timeZone: "UTC", country: "US", emergencyNumber: null },
      },
      {
        actor_kind: "system",
        actor_id: expect.stringMatching(/^evident cli \(.+\)$/),
        action: "create",
        entity_type: "staff-user",
        entity_id: JSON.parse(user.stdout).id,
        detail: { email: "lead@harbour.test", role: "admin" },
      },
    ]);
  });

  it("refuses a duplicate clinic, a weak password, a bad role and an unknown clinic with exit 2", async () => {
    const env = { ...db.cliEnv, EVIDENT_NEW_PASSWORD: "a long enough password" };
    expect((await runCli(["clinic", "add", "--name", "Harbour Spine Clinic"], env)).code).toBe(2);
    const weak = await runCli(
      [
        "user",
        "add",
        "--clinic",
        "Harbour Spine Clinic",
        "--email",
        "x@h.test",
        "--name",
        "X",
        "--role",
        "admin",
      ],
      { ...env, EVIDENT_NEW_PASSWORD: "short" },
    );
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/at least 12 characters/);
    const role = await runCli(
      [
        "user",
        "add",
        "--clinic",
        "Harbour Spine Clinic",
        "--email",
        "x@h.test",
        "--name",
        "X",
        "--role",
        "boss",
      ],
      env,
    );
    expect(role.stderr).toMatch(/--role must be one of/);
    const unknown = await runCli(
      ["user", "add", "--clinic", "Nowhere", "--email", "x@h.test", "--name", "X", "--role", "admin"],
      env,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no clinic "Nowhere"/);
    const dup = await runCli(
      [
        "user",
        "add",
        "--clinic",
        "Harbour Spine Clinic",
        "--email",
        "LEAD@harbour.test",
        "--name",
        "Again",
        "--role",
        "clinician",
      ],
      env,
    );
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/staff user with this e-mail address exists/);
  });
});

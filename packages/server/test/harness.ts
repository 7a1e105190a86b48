/**
 * Test harness: a real app on a fresh PostgreSQL database, driven in-process with `app.request()`
 * (the real Hono stack: validation, sessions, CSRF, problem+json). Factories create what a test
 * does not care about (after Outline's server/test/factories.ts).
 */

import {
  consentDocumentRepository,
  createClinic,
  createStaffUser,
  recordLicence,
  sendOutboxMessage,
  writePlan,
} from "@evident/db";
import { fixedClock, shiftedClock } from "@evident/domain";
import { instruments } from "@evident/domain/instruments";
import type { MeasurementPlan } from "@evident/domain/pathway/plan";
import { freshDatabase, type TestDatabase } from "../../db/test/database";
import { createApp } from "../src/app";
import { hashPassword } from "../src/auth/passwords";
import { secretBox } from "../src/auth/secret-box";
import { newTotpSecret, totpCode } from "../src/auth/totp";
import { type AppConfig, loadConfig } from "../src/config";
import type { AppDeps } from "../src/http/env";
import type { Logger } from "../src/http/logger";
import type { Mailer } from "../src/mail/mailer";
import { calmIntake } from "./answers";
import { eligibleFacts } from "./candidacy-facts";

export const PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | null = null;
const passwordHash = () => (cachedHash ??= hashPassword(PASSWORD));

export type Harness = Awaited<ReturnType<typeof createHarness>>;
type Role = "admin" | "clinician" | "coordinator" | "researcher";

const both = ["nrs_back", "odi"];
/**
 * The plan of a factory clinic: back pain and the ODI at baseline and every default follow-up, so
 * a test about answers sends two short questionnaires. Tests about the plan itself ask for
 * `plan: "as-created"` (what `evident clinic add` gives) or pass their own.
 */
export const twoInstrumentPlan: MeasurementPlan = {
  baseline: both,
  "2w": both,
  "6w": both,
  "3m": both,
  "6m": both,
  "12m": both,
};

export type ClinicOptions = {
  /** Licences confirmed for the clinic (by the system): instrument ids, or "all" that need one. */
  licences?: readonly string[] | "all";
  plan?: MeasurementPlan | "as-created";
};

export async function createHarness(
  opts: {
    now?: string;
    mailer?: Mailer | null;
    testClock?: boolean;
    trustProxy?: number;
    logger?: Logger;
    config?: Partial<AppConfig>;
    /** Another database than a fresh clone of the template (e.g. a primary with a replica). */
    database?: TestDatabase;
  } = {},
) {
  const appDatabase = opts.database ?? (await freshDatabase());
  // The app runs as its own role under row-level security; the test's own view (factories,
  // inspection) is the every-clinic system role, as jobs and the command line use.
  // `appPool` is the app's own role, for tests about what that role may do.
  const database = {
    ...appDatabase,
    appPool: appDatabase.pool,
    pool: appDatabase.system.pool,
    db: appDatabase.system.db,
  };
  const clock = fixedClock(opts.now ?? "2026-03-02T09:00:00Z");
  const config = loadConfig(
    {},
    {
      publicUrl: "http://evident.test",
      dataDir: "/nonexistent",
      testClock: opts.testClock === true,
      trustProxy: opts.trustProxy ?? 0,
      ...opts.config,
    },
  );
  // A test server's movable clock (EVIDENT_TEST_CLOCK=1) over the fixed one, as startServer does.
  const testClock = opts.testClock ? shiftedClock(clock) : undefined;
  const deps: AppDeps = {
    database: appDatabase,
    clock: testClock ?? clock,
    mailer: opts.mailer ?? null,
    config,
    secrets: secretBox("a test key that is at least thirty-two characters long"),
    ...(testClock ? { testClock } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  };
  const app = createApp(deps);
  let emails = 0;

  /** A request as a browser would send it from our own origin. */
  async function call(
    method: string,
    path: string,
    init: {
      body?: unknown;
      cookie?: string | undefined;
      headers?: Record<string, string>;
      raw?: string;
    } = {},
  ) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined || init.raw !== undefined) headers["content-type"] ??= "application/json";
    if (init.cookie) headers.cookie = init.cookie;
    const res = await app.request(`http://evident.test${path}`, {
      method,
      headers,
      body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, headers: res.headers, json, text };
  }

  function cookieFrom(res: { headers: Headers }): string {
    const set = res.headers.get("set-cookie") ?? "";
    const m = /evident_session=([^;]*)/.exec(set);
    if (!m) throw new Error(`no session cookie in: ${set}`);
    return `evident_session=${m[1]}`;
  }

  /** Confirms licences for a clinic, as an administrator would (recorded as the system's). */
  async function confirmLicences(clinicId: string, which: readonly string[] | "all") {
    const ids =
      which === "all" ? instruments.filter((i) => i.licence.agreementNeeded).map((i) => i.id) : which;
    await database.db.transaction(async (tx) => {
      for (const id of ids) await recordLicence(tx, clinicId, id, `TEST-${id}`, null, clock.now());
    });
  }

  /** A clinic; by default with the ODI licence and `twoInstrumentPlan` (see ClinicOptions). */
  async function clinic(name = "Clinic", opts: ClinicOptions = {}) {
    const created = await createClinic(database.db, name, clock.now());
    await confirmLicences(created.id, opts.licences ?? ["odi"]);
    const plan = opts.plan ?? twoInstrumentPlan;
    if (plan !== "as-created")
      await database.db.transaction((tx) => writePlan(tx, created.id, plan, null, clock.now()));
    return created;
  }

  /**
   * A signed-in staff member. Admins must use two-step sign-in, so an admin (or anyone, with
   * `mfa: true`) is made with a TOTP secret already set up and signs in with its code; `totp`
   * gives the code an authenticator would show now.
   */
  async function staff(role: Role = "clinician", clinicId?: string, o: { mfa?: boolean } = {}) {
    const c = clinicId ?? (await clinic()).id;
    const email = `${role}${++emails}@clinic.test`;
    const { id } = await createStaffUser(
      database.db,
      { clinicId: c, email, name: `Test ${role}`, role, passwordHash: await passwordHash() },
      undefined,
      clock.now(),
    );
    const secret = (o.mfa ?? role === "admin") ? newTotpSecret() : null;
    if (secret)
      await database.pool.query(
        "update staff_users set mfa_secret = $2, mfa_enabled_at = now() where id = $1",
        [id, deps.secrets.seal(secret)],
      );
    const totp = () => (secret ? totpCode(secret, deps.clock.now()) : "");
    const res = await call("POST", "/api/v1/auth/staff/sign-in", {
      body: { email, password: PASSWORD, ...(secret ? { code: totp() } : {}) },
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.text}`);
    return { id, email, clinicId: c, cookie: cookieFrom(res), secret, totp };
  }

  const patientBody = (over: Record<string, unknown> = {}) => ({
    givenName: "Ada",
    familyName: "Lovelace",
    birthDate: "1970-05-01",
    sex: "female",
    episode: { condition: "degenerative_disc_disease", spinalLevels: ["L4-L5"] },
    ...over,
  });

  async function patient(cookie: string, over: Record<string, unknown> = {}) {
    const res = await call("POST", "/api/v1/patients", { cookie, body: patientBody(over) });
    if (res.status !== 201) throw new Error(`create patient failed: ${res.text}`);
    return res.json as { id: string; familyName: string; followUps: { id: string; timepoint: string }[] };
  }

  /** Invites a patient and signs them in through the invitation link, as the portal would. */
  async function portalPatient(staffCookie: string, email = `p${++emails}@mail.test`) {
    const p = await patient(staffCookie, { email });
    const token = await latestInvitationToken(p.id);
    const res = await call("POST", "/api/v1/invitations/accept", { body: { token, password: PASSWORD } });
    if (res.status !== 200) throw new Error(`accept failed: ${res.text}`);
    return { ...p, email, cookie: cookieFrom(res) };
  }

  /**
   * The safety questions answered with no red flag, in the portal: what every new patient does
   * before any questionnaire (the portal refuses questionnaire answers until then).
   */
  async function answerSafetyQuestions(patientCookie: string) {
    const res = await call("POST", "/api/v1/portal/intake", {
      cookie: patientCookie,
      body: { answers: calmIntake() },
    });
    if (res.status !== 201) throw new Error(`intake failed: ${res.text}`);
  }

  /**
   * What recording a cell therapy or PRP needs (candidacy/gate.ts): the safety questions entered
   * at the desk with no red flag, then an eligible candidacy assessment signed off by `staffCookie`.
   */
  async function signEligibleCandidacy(staffCookie: string, patientId: string) {
    const intake = await call("POST", `/api/v1/patients/${patientId}/intakes`, {
      cookie: staffCookie,
      body: { answers: calmIntake() },
    });
    if (intake.status !== 201) throw new Error(`intake failed: ${intake.text}`);
    const res = await call("POST", `/api/v1/patients/${patientId}/candidacy`, {
      cookie: staffCookie,
      body: { input: eligibleFacts },
    });
    if (res.status !== 201 || res.json.outcome !== "eligible")
      throw new Error(`sign-off failed: ${res.text}`);
    return res.json as { id: string };
  }

  /**
   * Publishes the next version of one of a clinic's consent documents (as an administrator would
   * on the Consent documents page); returns the English and Spanish documents.
   */
  async function publishConsent(
    clinicId: string,
    input: {
      purpose: "procedure" | "research" | "story";
      treatmentKind?: string;
      price?: { amount: number; currency: string };
    },
  ) {
    const scope = {
      clinicId,
      actor: { kind: "system" as const, id: "test" },
      requestId: null,
      now: () => clock.now(),
    };
    return consentDocumentRepository(database.db, scope).publish({
      ...input,
      ...(input.purpose === "procedure" && !input.price ? { price: { amount: 8900, currency: "USD" } } : {}),
    });
  }

  /**
   * What recording a cell therapy or PRP also needs (consent/gate.ts): the clinic's procedure
   * consent for `kind` (published if there is none) signed on paper, recorded by `staffCookie`,
   * on `signedOn` (early enough for any treatment date of a test by default).
   */
  async function signProcedureConsent(
    staffCookie: string,
    patientId: string,
    kind: string,
    signedOn = "2026-01-02",
  ) {
    const { rows } = await database.pool.query<{ clinic_id: string; id: string | null }>(
      `select p.clinic_id, (select d.id from consent_documents d where d.clinic_id = p.clinic_id and d.purpose = 'procedure'
          and d.treatment_kind = $2 and d.language = 'en' order by d.version desc limit 1) as id
       from patients p where p.id = $1`,
      [patientId, kind],
    );
    const documentId =
      rows[0]?.id ??
      (await publishConsent(rows[0]!.clinic_id, { purpose: "procedure", treatmentKind: kind }))[0]!.id;
    const res = await call("POST", `/api/v1/patients/${patientId}/consents`, {
      cookie: staffCookie,
      body: { documentId, witnessName: "Nurse Witness", signedOn },
    });
    if (res.status !== 201) throw new Error(`paper consent failed: ${res.text}`);
    return res.json;
  }

  /** A fresh staff session, e.g. after moving the clock past the idle timeout. */
  async function signIn(email: string): Promise<string> {
    return cookieFrom(
      await call("POST", "/api/v1/auth/staff/sign-in", { body: { email, password: PASSWORD } }),
    );
  }

  /**
   * Sends the newest waiting message to a patient (by id) or an address through the real
   * dispatcher path, as SMTP would receive it, and returns the text sent (empty if withdrawn).
   * One-time links get their token only here: the outbox never holds it.
   */
  async function deliver(to: { patientId: string } | { address: string }): Promise<string> {
    const { rows } = await database.pool.query<{ id: string }>(
      `select id from outbox_messages where status = 'pending' and ${"patientId" in to ? "patient_id = $1" : "lower(to_address) = lower($1)"} order by created_at desc, id desc limit 1`,
      ["patientId" in to ? to.patientId : to.address],
    );
    if (!rows[0]) throw new Error(`no waiting message for ${JSON.stringify(to)}`);
    let sent = "";
    await sendOutboxMessage(database.db, rows[0].id, deps.clock.now(), async (m) => {
      sent = m.body;
    });
    return sent;
  }

  const tokenIn = (text: string) => {
    const m = /#([A-Za-z0-9_-]{43})\b/.exec(text);
    if (!m?.[1]) throw new Error(`no link with a token in: ${text}`);
    return m[1];
  };

  /** The token of the patient's newest invitation, from the e-mail as sent. */
  async function latestInvitationToken(patientId: string): Promise<string> {
    return tokenIn(await deliver({ patientId }));
  }

  /** The token of the newest link e-mailed to an address (password reset, staff invitation). */
  async function linkToken(address: string): Promise<string> {
    return tokenIn(await deliver({ address }));
  }

  async function count(table: string): Promise<number> {
    const { rows } = await database.pool.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    return rows[0]?.n ?? 0;
  }

  return {
    app,
    deps,
    database,
    clock,
    call,
    cookieFrom,
    clinic,
    confirmLicences,
    staff,
    patient,
    patientBody,
    portalPatient,
    answerSafetyQuestions,
    signEligibleCandidacy,
    publishConsent,
    signProcedureConsent,
    signIn,
    latestInvitationToken,
    linkToken,
    deliver,
    count,
    close: () => database.close(),
  };
}

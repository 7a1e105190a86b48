/**
 * The patient's language, kept with the patient: staff set it at registration, the patient
 * changes it from the portal, and every e-mail the patient gets — the portal invitation, follow-up
 * invitations and reminders, the diary reminder and a password reset — is written in it. A real
 * SMTP server receives the mail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJobsOnce } from "../src/jobs/runner";
import { dispatchOnce } from "../src/mail/dispatcher";
import { type Mailer, smtpMailer } from "../src/mail/mailer";
import { createHarness, type Harness, PASSWORD } from "./harness";
import { decodeQuotedPrintable, type Received, startSmtp } from "./smtp";

let h: Harness;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let mailer: Mailer;
beforeAll(async () => {
  smtp = await startSmtp();
  mailer = smtpMailer(smtp.url, "clinic@evident.test");
  h = await createHarness({ mailer, now: "2026-03-02T09:00:00Z" });
});
afterAll(async () => {
  mailer.close();
  await smtp.close();
  await h.close();
});

/** A header's text, with MIME encoded-words (RFC 2047) decoded: Spanish subjects are encoded. */
function header(m: Received, name: string): string {
  const unfolded = m.raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, " ") ?? "";
  const value = new RegExp(`^${name}: (.*)$`, "mi").exec(unfolded)?.[1] ?? "";
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_x, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            "latin1",
          ).toString("utf8"),
    );
}

/** The body as the patient reads it (quoted-printable or base64, UTF-8). */
function body(m: Received): string {
  const [head = "", ...rest] = m.raw.split(/\r?\n\r?\n/);
  const text = rest.join("\n\n");
  if (/content-transfer-encoding: base64/i.test(head))
    return Buffer.from(text.replace(/\s+/g, ""), "base64").toString("utf8");
  return Buffer.from(decodeQuotedPrintable(text), "latin1").toString("utf8");
}

const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
const lastMailTo = (address: string) => mailTo(address).at(-1);

/** A patient registered by staff in `language`, invited, who sets a password from the e-mail. */
async function registeredPatient(language: "en" | "es", email: string) {
  h.clock.set("2026-03-02T09:00:00Z");
  const s = await h.staff();
  const p = await h.patient(s.cookie, { email, language });
  expect(p).toMatchObject({ language });
  await dispatchOnce(h.deps);
  const invitation = lastMailTo(email);
  if (!invitation) throw new Error(`no invitation to ${email}`);
  const token = /#([A-Za-z0-9_-]{43})\b/.exec(body(invitation))?.[1];
  const accepted = await h.call("POST", "/api/v1/invitations/accept", {
    body: { token, password: PASSWORD },
  });
  expect(accepted.status).toBe(200);
  return { ...p, staff: s, invitation, cookie: h.cookieFrom(accepted), me: accepted.json };
}

describe("a patient who reads Spanish", () => {
  it("gets the portal invitation in Spanish, and the portal opens in Spanish", async () => {
    const p = await registeredPatient("es", "ana@mail.test");
    expect(header(p.invitation, "Subject")).toMatch(/: su portal del paciente de Evident$/);
    expect(body(p.invitation)).toMatch(/^Estimado\/a .*:/m);
    expect(body(p.invitation)).toMatch(/sirve una vez, hasta el \d+ de marzo de 2026/);
    expect(p.me).toMatchObject({ kind: "patient", language: "es" });
  });

  it("gets follow-up invitations and reminders in Spanish", async () => {
    const p = await registeredPatient("es", "bea@mail.test");
    const t = await h.call("POST", `/api/v1/patients/${p.id}/treatments`, {
      cookie: p.staff.cookie,
      body: { kind: "medication", date: "2026-03-02" },
    });
    expect(t.status).toBe(201);
    for (const day of ["2026-03-09", "2026-03-12"]) {
      h.clock.set(`${day}T09:00:00Z`);
      await runJobsOnce(h.deps, { again: true });
      await dispatchOnce(h.deps);
    }
    const followUps = mailTo("bea@mail.test").filter((m) => /cuestionario/.test(header(m, "Subject")));
    expect(followUps.map((m) => header(m, "Subject"))).toEqual([
      expect.stringMatching(/^Su cuestionario de las 2 semanas de .* está listo$/),
      expect.stringMatching(/^Recordatorio: su cuestionario de las 2 semanas de /),
    ]);
    expect(body(followUps[0]!)).toMatch(/Puede contestar hasta el 23 de marzo de 2026/);
    expect(body(followUps[0]!)).toMatch(/Llame a la clínica o al 911 ahora/);
  });

  it("gets the diary reminder and a password reset in Spanish", async () => {
    const p = await registeredPatient("es", "carla@mail.test");
    const on = await h.call("PUT", "/api/v1/portal/diary-reminder", {
      cookie: p.cookie,
      body: { reminder: true },
    });
    expect(on.status).toBe(200);
    h.clock.set("2026-03-02T19:00:00Z");
    await runJobsOnce(h.deps, { again: true });
    await dispatchOnce(h.deps);
    const diary = lastMailTo("carla@mail.test");
    expect(header(diary!, "Subject")).toBe("Su diario del dolor de hoy");
    expect(body(diary!)).toMatch(/¿Cómo ha ido su espalda hoy\?/);

    const reset = await h.call("POST", "/api/v1/auth/patient/password-reset", {
      body: { email: "carla@mail.test" },
    });
    expect(reset.status).toBe(202);
    await dispatchOnce(h.deps);
    const mail = lastMailTo("carla@mail.test");
    expect(header(mail!, "Subject")).toMatch(/: cambie su contraseña de Evident$/);
    expect(body(mail!)).toMatch(/El enlace sirve una vez, durante una hora/);
  });
});

describe("changing language from the portal", () => {
  it("keeps the patient's choice, audited, and writes their next e-mails in it", async () => {
    const p = await registeredPatient("en", "dan@mail.test");
    expect(header(p.invitation, "Subject")).toMatch(/: your Evident patient portal$/);
    const set = await h.call("PUT", "/api/v1/portal/language", {
      cookie: p.cookie,
      body: { language: "es" },
    });
    expect(set).toMatchObject({ status: 200, json: { language: "es" } });
    expect((await h.call("GET", "/api/v1/auth/me", { cookie: p.cookie })).json).toMatchObject({
      language: "es",
    });
    expect((await h.call("GET", `/api/v1/patients/${p.id}`, { cookie: p.staff.cookie })).json).toMatchObject({
      language: "es",
    });
    const { rows } = await h.database.pool.query(
      "select detail from audit_events where action = 'set-language' and patient_id = $1",
      [p.id],
    );
    expect(rows).toEqual([{ detail: { language: "es" } }]);

    await h.call("POST", "/api/v1/auth/patient/password-reset", { body: { email: "dan@mail.test" } });
    await dispatchOnce(h.deps);
    expect(header(lastMailTo("dan@mail.test")!, "Subject")).toMatch(/cambie su contraseña/);
  });

  it("refuses a language the portal does not speak, naming the field, and changes nothing", async () => {
    const p = await registeredPatient("es", "eva@mail.test");
    const res = await h.call("PUT", "/api/v1/portal/language", {
      cookie: p.cookie,
      body: { language: "fr" },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(["language"]);
    expect((await h.call("GET", "/api/v1/auth/me", { cookie: p.cookie })).json).toMatchObject({
      language: "es",
    });
    // Only a patient has a language to set; staff get 403.
    expect(
      (await h.call("PUT", "/api/v1/portal/language", { cookie: p.staff.cookie, body: { language: "en" } }))
        .status,
    ).toBe(403);
  });

  it("refuses a language staff did not choose from the list at registration, naming the field", async () => {
    const s = await h.staff();
    const res = await h.call("POST", "/api/v1/patients", {
      cookie: s.cookie,
      body: h.patientBody({ language: "de" }),
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(["language"]);
  });
});

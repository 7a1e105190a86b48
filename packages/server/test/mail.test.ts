/** The outbox dispatcher: retries a failing SMTP server, gives up after 5 tries, never double-sends. */
import { freePort } from "@evident/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchOnce } from "../src/mail/dispatcher";
import { smtpMailer } from "../src/mail/mailer";
import { createHarness, type Harness } from "./harness";
import { startSmtp } from "./smtp";

let h: Harness;
beforeAll(async () => {
  // Nothing listens on this port: every send fails with a connection error.
  h = await createHarness({
    mailer: smtpMailer(`smtp://127.0.0.1:${await freePort()}?connectionTimeout=2000`, "x@evident.test"),
  });
});
afterAll(async () => {
  h.deps.mailer?.close();
  await h.close();
});

async function message() {
  const { rows } = await h.database.pool.query("select status, attempts, last_error from outbox_messages");
  return rows[0];
}

describe("outbox dispatch", () => {
  it("keeps a message pending with the error while SMTP is down, then marks it failed after 5 attempts", async () => {
    const s = await h.staff();
    await h.patient(s.cookie, { email: "down@mail.test" });
    expect(await dispatchOnce(h.deps)).toEqual({ sent: 0, failed: 1, withdrawn: 0 });
    expect(await message()).toMatchObject({
      status: "pending",
      attempts: 1,
      last_error: expect.stringMatching(/ECONNREFUSED|connect/i),
    });
    for (let i = 0; i < 4; i++) await dispatchOnce(h.deps);
    expect(await message()).toMatchObject({ status: "failed", attempts: 5 });
    expect(await dispatchOnce(h.deps)).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
  });

  it("sends each message once even when two dispatchers run at the same time", async () => {
    const smtp = await startSmtp();
    const mailer = smtpMailer(smtp.url, "x@evident.test");
    try {
      const s = await h.staff();
      for (let i = 0; i < 12; i++) await h.patient(s.cookie, { email: `p${i}@mail.test` });
      const deps = { ...h.deps, mailer };
      const [a, b] = await Promise.all([dispatchOnce(deps), dispatchOnce(deps)]);
      expect(a.sent + b.sent).toBe(12);
      const recipients = smtp.received.flatMap((m) => m.to).sort();
      expect(recipients).toEqual(Array.from({ length: 12 }, (_, i) => `p${i}@mail.test`).sort());
    } finally {
      mailer.close();
      await smtp.close();
    }
  });
});

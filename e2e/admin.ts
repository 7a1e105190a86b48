/**
 * Signing in as the demo clinic's administrator in a browser context. Administrators must use
 * two-step sign-in: the first time in an app run, this sets it up (as a person would, with the QR
 * code's secret in an authenticator) and keeps the secret beside that run's mail; afterwards it
 * signs in with the code an authenticator would show. A code is good once, so when two sign-ins
 * fall in the same 30 seconds the second waits for the next code. A context already signed in as
 * the admin is left as it is. On a test server whose clock was moved forward, pass the days moved:
 * the server checks a code against its own time, so the code is the one for that time.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "./app";

export const ADMIN = "admin@demo.evident.test";

export const totpNow = (secret: string, at = Date.now()) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });

async function post(page: Page, url: string, data: unknown) {
  const res = await page.request.post(url, { data });
  const text = await res.text();
  return { status: res.status(), json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Signs `page`'s context in as the demo admin on `base` (mail folder `mailDir`), enrolling once. */
export async function signInAdmin(
  page: Page,
  base: string,
  mailDir: string,
  { offsetDays = 0 }: { offsetDays?: number } = {},
): Promise<void> {
  const me = await page.request.get(`${base}/api/v1/auth/me`);
  if (me.ok() && ((await me.json()) as { email?: string }).email === ADMIN) return;
  const shift = offsetDays * 86_400_000;
  const code = (secret: string) => totpNow(secret, Date.now() + shift);
  const file = path.join(mailDir, `totp-${ADMIN}.secret`);
  const secret = existsSync(file) ? (await readFile(file, "utf8")).trim() : null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await post(page, `${base}/api/v1/auth/staff/sign-in`, {
      email: ADMIN,
      password: DEMO_PASSWORD,
      ...(secret ? { code: code(secret) } : {}),
    });
    if (res.status === 200) {
      const mfa = res.json.mfa as { enabled: boolean } | undefined;
      if (mfa?.enabled) return;
      const start = await post(page, `${base}/api/v1/auth/mfa/enrolment`, {});
      const fresh = String(start.json.secret);
      const confirm = await post(page, `${base}/api/v1/auth/mfa/enrolment/confirm`, { code: code(fresh) });
      if (confirm.status !== 200) throw new Error(`MFA enrolment failed: ${JSON.stringify(confirm.json)}`);
      await writeFile(file, fresh);
      return;
    }
    if (res.status !== 401 || !secret)
      throw new Error(`admin sign-in: HTTP ${res.status} ${JSON.stringify(res.json)}`);
    // The code of this 30-second step was used already: wait for the next one.
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 500));
  }
  throw new Error("admin sign-in: no code was accepted");
}

/**
 * TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps — what every authenticator app reads from
 * an otpauth:// QR code) through the `otpauth` library, and recovery codes.
 *
 * A code is accepted for the current step or one step either side (clock drift, RFC 6238 section
 * 5.2), and only if its step is later than the last one accepted for the account, which the
 * database records atomically (db/repos/mfa.ts): a code is good once. The QR code is drawn here
 * as SVG (`qrcode`), so the secret never leaves the server for a third-party service.
 */
import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

const PERIOD = 30;
const ISSUER = "Evident";

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "") {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

export function totpUri(secret: string, account: string): string {
  return totp(secret, account).toString();
}

/** The time step a 6-digit code matches at `now` (±1 step), or null. */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/** The code an authenticator shows at `at` (for tests and the demo's documentation). */
export function totpCode(secret: string, at: Date): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** Recovery codes look like `k7qm-2xhd-9p`: about 49 random bits each, easy to read out and type. */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"; // no 0/o, 1/l/i

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 10)}`;
  });
}

/** A code as typed looks like a recovery code rather than a 6-digit TOTP code. */
export const looksLikeRecoveryCode = (code: string) => code.replace(/[\s-]/g, "").length === 10;

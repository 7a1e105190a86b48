/**
 * The audit key: the secret the audit chains and their anchors are HMAC'd with. It never enters
 * PostgreSQL, so whoever can rewrite the database (a superuser, a stolen backup restored and
 * edited) still cannot make a rewritten event, or a forged one, verify.
 *
 * It comes from EVIDENT_AUDIT_KEY (at least 32 bytes, hex or base64) or from `audit.key` in the
 * data directory, made on first use (32 random bytes, mode 0600: readable by the app's user only,
 * not by the `postgres` user the embedded cluster runs as). Every server of one installation must
 * use the same key; the database records its id (an HMAC of a fixed text), so a server with
 * another key refuses to start instead of writing chains nobody can verify.
 *
 * The key is installed once per process (`useAuditKey`), because `appendAudit(tx, input)` is
 * called from every repository's transaction and must not need it passed along; `openDatabase`
 * installs it, and tests install a fixed one.
 */
import { createHmac, randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";

export type AuditKey = {
  /** A public name for the key: the first 16 hex digits of HMAC(key, "evident audit key id"). */
  readonly id: string;
  /** HMAC-SHA-256 in hex over `text`, separated by purpose so an event's MAC is never an anchor's. */
  mac(purpose: "event" | "anchor", text: string): string;
};

export const AUDIT_KEY_FILE = "audit.key";
const MIN_KEY_BYTES = 32;

export function auditKeyFrom(secret: Buffer): AuditKey {
  if (secret.length < MIN_KEY_BYTES)
    throw new Error(`The audit key must be at least ${MIN_KEY_BYTES} bytes (it is ${secret.length}).`);
  const key = Buffer.from(secret);
  const mac = (purpose: string, text: string) =>
    createHmac("sha256", key).update(`evident audit ${purpose} v2\n`).update(text).digest("hex");
  return { id: mac("key id", "").slice(0, 16), mac };
}

/** Hex (64 digits or more) or base64/base64url text of at least 32 bytes. */
export function parseAuditKey(text: string): Buffer {
  const t = text.trim();
  if (/^[0-9a-fA-F]+$/.test(t) && t.length % 2 === 0 && t.length >= MIN_KEY_BYTES * 2)
    return Buffer.from(t, "hex");
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) {
    const b = Buffer.from(t.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (b.length >= MIN_KEY_BYTES) return b;
  }
  throw new Error(
    `EVIDENT_AUDIT_KEY must be at least ${MIN_KEY_BYTES} random bytes, written as hex or base64 (e.g. the output of: openssl rand -hex 32).`,
  );
}

/**
 * The key from `envKey` (EVIDENT_AUDIT_KEY) if given, else from the data directory's key file,
 * made there (mode 0600) if there is none yet.
 */
export async function loadAuditKey(opts: {
  envKey?: string | undefined;
  dataDir: string;
  log?: (line: string) => void;
}): Promise<AuditKey> {
  if (opts.envKey) return auditKeyFrom(parseAuditKey(opts.envKey));
  const file = path.join(path.resolve(opts.dataDir), AUDIT_KEY_FILE);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, `${randomBytes(MIN_KEY_BYTES).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    opts.log?.(`made a new audit key in ${file}: keep a copy somewhere safe, apart from the database`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const { mode } = await stat(file);
  if ((mode & 0o077) !== 0) {
    await chmod(file, 0o600);
    opts.log?.(`${file} was readable by other users; it is now 0600`);
  }
  try {
    return auditKeyFrom(parseAuditKey(await readFile(file, "utf8")));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

let installed: AuditKey | null = null;

/** Makes `key` the one `appendAudit` uses in this process. */
export function useAuditKey(key: AuditKey): void {
  installed = key;
}

export function currentAuditKey(): AuditKey {
  if (!installed)
    throw new Error("No audit key is installed: open the database with openDatabase (or call useAuditKey).");
  return installed;
}

/**
 * Secrets the server must read back (the staff's TOTP secrets) are sealed with AES-256-GCM under a
 * key that is not in the database, so a copy of the database (a backup, a read-only SQL account, an
 * injection) does not give away anyone's second factor.
 *
 * The key comes from EVIDENT_SECRET_KEY (any string of 32 or more characters; its SHA-256 is the
 * key), or else from `secret-key` in the data directory, made on first use (mode 0600). Several
 * servers sharing one external database must be given the same EVIDENT_SECRET_KEY. A sealed value
 * names its key by an 8-hex-digit fingerprint, so the wrong key is reported as such, not as
 * corruption.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type SecretBox = { seal(plain: string): string; open(sealed: string): string };

export function secretBox(keyMaterial: string): SecretBox {
  const key = createHash("sha256").update(keyMaterial).digest();
  const keyId = createHash("sha256").update(key).digest("hex").slice(0, 8);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return ["v1", keyId, iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(":");
    },
    open(sealed) {
      const [version, id, iv, tag, body] = sealed.split(":");
      if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("not a sealed secret");
      if (id !== keyId)
        throw new Error(
          `this secret was sealed with another key (${id}, this server has ${keyId}): set EVIDENT_SECRET_KEY to the key the other servers use`,
        );
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}

/** The server's box: EVIDENT_SECRET_KEY, or the data directory's key file (made if missing). */
export function loadSecretBox(config: { secretKey: string | undefined; dataDir: string }): SecretBox {
  if (config.secretKey) return secretBox(config.secretKey);
  const file = path.join(config.dataDir, "secret-key");
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  }
  return secretBox(readFileSync(file, "utf8").trim());
}

/**
 * Access tokens for SMART clients: the grant (client, clinic, scopes, expiry) sealed with the
 * server's secret key (AES-256-GCM, ../../auth/secret-box.ts), so a token cannot be forged or
 * altered, needs no table, and works on every server given the same EVIDENT_SECRET_KEY. Short
 * lived (5 minutes); revocation is checked against the client row on each request.
 */
import type { SecretBox } from "../../auth/secret-box";

export const ACCESS_TOKEN_SECONDS = 300;

export type AccessGrant = { client: string; clinic: string; scopes: string[]; expires: number };

// RFC 6750 tokens have no ':', which the sealed form uses as its separator.
export function issueAccessToken(secrets: SecretBox, grant: AccessGrant): string {
  return secrets.seal(JSON.stringify(grant)).replaceAll(":", "~");
}

export function openAccessToken(secrets: SecretBox, token: string, now: Date): AccessGrant | null {
  try {
    const grant = JSON.parse(secrets.open(token.replaceAll("~", ":"))) as AccessGrant;
    return grant.expires > now.getTime() ? grant : null;
  } catch {
    return null;
  }
}

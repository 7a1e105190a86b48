/** Secrets handed to people (invitation links, session cookies): 256 random bits; only hashes are stored. */
import { createHash, randomBytes } from "node:crypto";

export const newToken = (): string => randomBytes(32).toString("base64url");
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

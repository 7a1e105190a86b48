/**
 * SMART system scopes for a read-only API (SMART App Launch 2.x, "Scopes and Launch Context"):
 * v1 `system/<type>.read` and v2 `system/<type>.rs` (any subset of c r u d s; only r and s can
 * be granted here), with `*` for every type. A request for more (a write) is granted the read
 * part only, as the specification allows; one that grants nothing is refused.
 */
import { searchTypes } from "./search";

const pattern = /^system\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)$/;

/** The scopes granted from a requested `scope` string, in the requested form. */
export function grantScopes(requested: string): string[] {
  const granted: string[] = [];
  for (const s of requested.split(/\s+/).filter(Boolean)) {
    const m = pattern.exec(s);
    if (!m?.[2]) continue;
    const [, type, perms] = m;
    if (type !== "*" && !(searchTypes as readonly string[]).includes(type!)) continue;
    if (perms === "read" || perms === "*") granted.push(`system/${type}.read`);
    else if (perms === "write") continue;
    else {
      const v2 = `${perms.includes("r") ? "r" : ""}${perms.includes("s") ? "s" : ""}`;
      if (v2) granted.push(`system/${type}.${v2}`);
    }
  }
  return [...new Set(granted)];
}

/** Whether granted scopes allow reading (`r`) or searching (`s`) `type`. */
export function scopeAllows(granted: readonly string[], type: string, action: "r" | "s"): boolean {
  return granted.some((g) => {
    const m = pattern.exec(g);
    if (!m || (m[1] !== "*" && m[1] !== type)) return false;
    return m[2] === "read" || (m[2] ?? "").includes(action);
  });
}

export const supportedScopes = ["system/*.read", "system/*.rs", ...searchTypes.map((t) => `system/${t}.rs`)];

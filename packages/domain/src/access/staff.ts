/**
 * Rules for managing a clinic's staff accounts, kept pure so they are tested on their own:
 * who must sign in with a second factor, and which changes would leave a clinic without an
 * administrator (then nobody could invite, fix or disable anyone without the command line).
 */
import { conflict } from "../errors";
import type { Role } from "./policy";

/** Administrators always; everyone else when the clinic asks for it. */
export function mfaRequired(role: Role, clinicRequiresMfa: boolean): boolean {
  return role === "admin" || clinicRequiresMfa;
}

export type StaffChange = { kind: "role"; role: Role } | { kind: "disable" };

/**
 * Refuses (409) a change that disables oneself, or that takes the clinic's last active
 * administrator away (demotion or disabling). `activeAdmins` counts the clinic's enabled admins,
 * the target included.
 */
export function checkStaffChange(a: {
  actorId: string;
  target: { id: string; role: Role; disabled: boolean };
  change: StaffChange;
  activeAdmins: number;
}): void {
  if (a.change.kind === "disable" && a.target.id === a.actorId)
    throw conflict("You cannot disable your own account; ask another administrator.", "id");
  const losesAdmin = a.change.kind === "disable" || a.change.role !== "admin";
  if (a.target.role === "admin" && !a.target.disabled && losesAdmin && a.activeAdmins <= 1)
    throw conflict(
      "This is the clinic's last active administrator. Make someone else an administrator first.",
      a.change.kind === "role" ? "role" : "id",
    );
}

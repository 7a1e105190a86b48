/** Staff accounts as a clinic's administrators manage them. */
import { z } from "zod";
import { roles } from "../access/policy";
import { email, text } from "./common";

export const StaffMember = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  /** invited: has not set a password yet; disabled: cannot sign in, sessions ended. */
  status: z.enum(["invited", "active", "disabled"]),
  mfaEnabled: z.boolean(),
  activeSessions: z.number().int(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffList = z.object({
  items: z.array(StaffMember),
  /** The clinic's rule: every staff member must use two-step sign-in (admins always must). */
  requireMfa: z.boolean(),
});
export type StaffList = z.infer<typeof StaffList>;

export const InviteStaffRequest = z
  .object({ email, name: text(200), role: z.enum(roles, { error: `must be one of ${roles.join(", ")}` }) })
  .strict();
export type InviteStaffRequest = z.infer<typeof InviteStaffRequest>;

export const ChangeRoleRequest = z
  .object({ role: z.enum(roles, { error: `must be one of ${roles.join(", ")}` }) })
  .strict();
export type ChangeRoleRequest = z.infer<typeof ChangeRoleRequest>;

export const MfaPolicy = z.object({ requireMfa: z.boolean({ error: "must be true or false" }) }).strict();
export type MfaPolicy = z.infer<typeof MfaPolicy>;

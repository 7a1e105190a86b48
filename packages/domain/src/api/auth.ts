import { z } from "zod";
import { roles } from "../access/policy";
import { email } from "./common";

export const SignInRequest = z
  .object({
    email,
    password: z.string({ error: "is required" }).min(1, "is required").max(1024, "is too long"),
  })
  .strict();
export type SignInRequest = z.infer<typeof SignInRequest>;

/** ASVS 6.2: at least 8 characters (we ask for 12), at most 128, no composition rules. */
export const newPassword = z
  .string({ error: "is required" })
  .min(12, "must be at least 12 characters")
  .max(128, "must be at most 128 characters");

export const AcceptInvitationRequest = z
  .object({ token: z.string().min(16).max(200), password: newPassword })
  .strict();
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

/** The signed-in user's clinic; `emergencyNumber` is what its patients are told to call. */
const MeClinic = z.object({ id: z.string(), name: z.string(), emergencyNumber: z.string() });

export const Me = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("staff"),
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(roles),
    clinic: MeClinic,
    permissions: z.array(z.string()),
  }),
  z.object({
    kind: z.literal("patient"),
    id: z.string(),
    patientId: z.string(),
    name: z.string(),
    clinic: MeClinic,
  }),
]);
export type Me = z.infer<typeof Me>;

export const InvitationInfo = z.object({
  patientName: z.string(),
  clinicName: z.string(),
  expiresAt: z.string(),
});
export type InvitationInfo = z.infer<typeof InvitationInfo>;

import { z } from "zod";
import { roles } from "../access/policy";
import { email } from "./common";

const currentPassword = z.string({ error: "is required" }).min(1, "is required").max(1024, "is too long");

/**
 * `code`: staff with two-step sign-in send the 6-digit code from their authenticator app, or one
 * of their recovery codes. Without it, the answer to a right password is a 401 naming `code`.
 */
export const SignInRequest = z
  .object({
    email,
    password: currentPassword,
    code: z.string().trim().max(32, "is too long").optional(),
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
    /**
     * Two-step sign-in: `enabled` for this account; `required` of it (admins, or the clinic's
     * rule). Required and not enabled: nothing but setting it up is allowed until it is.
     */
    mfa: z.object({ enabled: z.boolean(), required: z.boolean() }),
  }),
  z.object({
    kind: z.literal("patient"),
    id: z.string(),
    patientId: z.string(),
    name: z.string(),
    /** The language the patient reads, kept with the patient; the portal opens in it. */
    language: z.enum(["en", "es"]),
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

export const ChangePasswordRequest = z.object({ currentPassword, newPassword }).strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const PasswordResetRequest = z.object({ email }).strict();
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

export const LinkToken = z.object({ token: z.string().min(16).max(200) }).strict();

export const UseLinkRequest = z
  .object({ token: z.string().min(16).max(200), password: newPassword })
  .strict();
export type UseLinkRequest = z.infer<typeof UseLinkRequest>;

/** A password-reset or staff-invitation link, as the page that uses it shows it. */
export const LinkInfo = z.object({
  purpose: z.enum(["staff-invitation", "password-reset"]),
  account: z.enum(["staff", "patient"]),
  name: z.string(),
  clinicName: z.string(),
  expiresAt: z.string(),
});
export type LinkInfo = z.infer<typeof LinkInfo>;

export const MfaEnrolment = z.object({
  /** Base32, for typing into an authenticator app; shown only while enrolling. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as a QR code, an SVG document. */
  qrSvg: z.string(),
});
export type MfaEnrolment = z.infer<typeof MfaEnrolment>;

export const MfaCode = z
  .object({ code: z.string().trim().min(1, "is required").max(32, "is too long") })
  .strict();
export const MfaDisableRequest = z.object({ password: currentPassword }).strict();
/** New recovery codes need the password again, like turning two-step sign-in off. */
export const NewRecoveryCodesRequest = MfaDisableRequest;

export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;
/** How many of the account's recovery codes are still unused (each signs in once). */
export const RecoveryCodesLeft = z.object({ unused: z.number().int().min(0) });
export type RecoveryCodesLeft = z.infer<typeof RecoveryCodesLeft>;

export const SessionView = z.object({
  /** The session's handle (never its cookie). */
  id: z.string(),
  current: z.boolean(),
  staffUserId: z.string().nullable(),
  name: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type SessionView = z.infer<typeof SessionView>;
export const SessionList = z.object({ items: z.array(SessionView) });
export type SessionList = z.infer<typeof SessionList>;

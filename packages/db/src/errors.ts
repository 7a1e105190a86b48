/**
 * Driver errors turned into the domain's error type where they arise, so a unique violation
 * reaches the client as a 409 naming the field, not as a 500.
 */
import { badRequest, conflict, EvidentError } from "@evident/domain";

const fieldByConstraint: Record<string, { path: string; message: string }> = {
  patients_clinic_mrn_key: { path: "mrn", message: "another patient in this clinic has this record number" },
  patient_accounts_email_key: { path: "email", message: "this e-mail address already has a portal account" },
  staff_users_email_key: { path: "email", message: "a staff user with this e-mail address exists" },
};

export function mapDbError(e: unknown): unknown {
  if (e instanceof EvidentError) return e;
  const err = (e as { cause?: unknown }).cause ?? e;
  const pgErr = err as { code?: string; constraint?: string; message?: string };
  switch (pgErr.code) {
    case "23505": {
      const f = pgErr.constraint ? fieldByConstraint[pgErr.constraint] : undefined;
      return conflict(f?.message ?? "this record already exists", f?.path ?? "");
    }
    case "23503":
      return badRequest("refers to a record that does not exist");
    case "22P02":
    case "22007":
    case "22008":
      return badRequest(`invalid value: ${pgErr.message ?? ""}`);
    case "22001":
      return badRequest("a value is too long");
    default:
      return e;
  }
}

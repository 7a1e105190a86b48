/** Date plausibility that needs today's date (the schemas check format and calendar validity). */
import { addDays, badRequest, type Issue, isIsoDate } from "@evident/domain";
import { checkProcedure, type ProcedureRecord, procedureRegulatory } from "@evident/domain/pathway/procedure";

export const OLDEST_BIRTH_YEAR = 1900;

export function checkBirthDate(birthDate: string, today: string): Issue[] {
  if (!isIsoDate(birthDate)) return [];
  if (birthDate > today) return [{ path: "birthDate", message: "cannot be in the future" }];
  if (birthDate < `${OLDEST_BIRTH_YEAR}-01-01`)
    return [{ path: "birthDate", message: `must be after ${OLDEST_BIRTH_YEAR}` }];
  return [];
}

/** Treatments are recorded when done or booked: up to a year ahead, not before 1990. */
export function checkTreatmentDate(date: string, today: string): Issue[] {
  if (!isIsoDate(date)) return [];
  if (date > addDays(today, 366)) return [{ path: "date", message: "cannot be more than a year ahead" }];
  if (date < "1990-01-01") return [{ path: "date", message: "must be after 1990" }];
  return [];
}

/**
 * A treatment's date and procedure record checked (every issue at once), and the stored details
 * they become. A cell therapy's regulatory pathway is derived from the record's own facts, never
 * typed in.
 */
export function treatmentDetails(
  input: { kind: string; date: string; procedure?: ProcedureRecord | undefined },
  today: string,
): Record<string, unknown> {
  const issues = [
    ...checkTreatmentDate(input.date, today),
    ...(input.procedure ? checkProcedure(input.kind, input.procedure) : []),
  ];
  if (issues.length) throw badRequest(issues);
  const { procedure } = input;
  return procedure
    ? {
        procedure,
        ...(procedure.category === "cell-therapy" ? { regulatory: procedureRegulatory(procedure) } : {}),
      }
    : {};
}

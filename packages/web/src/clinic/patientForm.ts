/**
 * The add-patient form's values and the API payload they become. Client-side checks run the API's
 * own zod schema on that payload (so they cannot drift from the server), plus the one date rule
 * that needs today's date; the server stays the authority and its issues land on the same paths.
 */
import { conditions, type spinalLevels } from "@evident/domain";
import { PatientCreate, type PatientCreate as PatientCreateBody, type sexes } from "@evident/domain/api";
import { schemaErrors } from "../components/zodErrors";

export type PatientFormValues = {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: string;
  email: string;
  phone: string;
  mrn: string;
  language: "en" | "es";
  invite: boolean;
  episode: { condition: string; spinalLevels: string[]; onsetDate: string };
};

export const emptyPatientForm: PatientFormValues = {
  givenName: "",
  familyName: "",
  birthDate: "",
  sex: "",
  email: "",
  phone: "",
  mrn: "",
  language: "en",
  invite: true,
  episode: { condition: "", spinalLevels: [], onsetDate: "" },
};

/** Every field path the form shows, for placing server issues. */
export const patientFormFields = [
  "givenName",
  "familyName",
  "birthDate",
  "sex",
  "email",
  "phone",
  "mrn",
  "language",
  "invite",
  "episode.condition",
  "episode.spinalLevels",
  "episode.onsetDate",
] as const;

const blankToUndefined = (s: string) => (s.trim() === "" ? undefined : s.trim());

export function toPatientPayload(v: PatientFormValues): PatientCreateBody {
  const email = blankToUndefined(v.email);
  return {
    givenName: v.givenName.trim(),
    familyName: v.familyName.trim(),
    birthDate: v.birthDate,
    sex: (v.sex || "unknown") as (typeof sexes)[number],
    email,
    phone: blankToUndefined(v.phone),
    mrn: blankToUndefined(v.mrn),
    language: v.language,
    invite: email ? v.invite : undefined,
    episode: {
      condition: v.episode.condition as (typeof conditions)[number]["id"],
      spinalLevels: v.episode.spinalLevels as (typeof spinalLevels)[number][],
      onsetDate: blankToUndefined(v.episode.onsetDate),
    },
  };
}

export function validatePatientForm(v: PatientFormValues, today: string): Record<string, string> {
  const errors = schemaErrors(PatientCreate, toPatientPayload(v));
  // Friendlier words than the schema's lists of allowed values for the two choices.
  if (!v.episode.condition) errors["episode.condition"] = "Choose the condition.";
  if (!v.sex) errors.sex = "Choose one (or “Not recorded”).";
  if (!v.birthDate) errors.birthDate = "Enter the date of birth.";
  else if (!errors.birthDate && v.birthDate > today) errors.birthDate = "Cannot be in the future.";
  const onset = v.episode.onsetDate;
  if (onset && !errors["episode.onsetDate"] && onset > today)
    errors["episode.onsetDate"] = "Cannot be in the future.";
  return errors;
}

export const sexOptions = [
  { value: "female", label: "Female" },
  { value: "male", label: "Male" },
  { value: "other", label: "Other" },
  { value: "unknown", label: "Not recorded" },
] satisfies { value: (typeof sexes)[number]; label: string }[];

/** The languages the portal and the patient's e-mails are written in, each named in its own. */
export const languageOptions = [
  { value: "en", label: "English" },
  { value: "es", label: "Español (Spanish)" },
] satisfies { value: PatientFormValues["language"]; label: string }[];

export const conditionOptions = conditions.map((c) => ({ value: c.id, label: c.label }));

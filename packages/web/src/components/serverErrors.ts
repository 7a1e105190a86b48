import { isApiError } from "../api/client";
import { retryMinutes, splitIssues } from "../api/issues";

/**
 * Turns a failed request into messages for a form: field errors (set them with
 * `form.setErrors`) and general messages for everything the form has no field for.
 */
export function formErrors(
  error: unknown,
  knownFields: readonly string[],
): { fields: Record<string, string>; general: string[] } {
  if (!isApiError(error)) return { fields: {}, general: ["Something went wrong. Please try again."] };
  if (error.status === 429) {
    const n = error.retryAfter ? retryMinutes(error.retryAfter) : null;
    const wait = n === null ? " later" : ` in ${n} minute${n === 1 ? "" : "s"}`;
    return { fields: {}, general: [`Too many attempts. Please try again${wait}.`] };
  }
  const split = splitIssues(error.issues, knownFields);
  if (split.general.length === 0 && Object.keys(split.fields).length === 0) {
    split.general.push(error.message);
  }
  return split;
}

/**
 * The safety questions' screen copy alone in the portal's language, for pages that only point to
 * them (a questionnaire opened before the safety questions). Kept apart from language.ts, which
 * brings every question's and advice's words, so those pages do not download them.
 */
import { useLocalized } from "../language";
import { type IntakeCopy, intakeCopy } from "./copy";
import { intakeCopyEs } from "./copy-es";

export function useIntakeCopy(): IntakeCopy {
  return useLocalized({ en: intakeCopy, es: intakeCopyEs });
}

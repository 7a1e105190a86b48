/** Plain words for patients (reading age ≈ 12): what each questionnaire and timepoint is called. */
import { timepointLabel } from "@evident/domain";

const titles: Record<string, string> = {
  nrs_back: "Your back pain",
  nrs_leg: "Your leg pain",
  odi: "Your back pain and daily life",
};

export const patientTitle = (instrumentId: string, fallback: string): string =>
  titles[instrumentId] ?? fallback;

/** "Before treatment" for baseline; "2 weeks after treatment" for the rest. */
export function whenLabel(timepoint: string): string {
  return timepoint === "baseline" ? "Before treatment" : `${timepointLabel(timepoint)} after treatment`;
}

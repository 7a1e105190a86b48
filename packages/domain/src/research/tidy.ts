/**
 * The tidy CSV export: one file per kind of observation, one row per observation, and a codebook
 * that defines every column of every file (codebook.csv). Column lists live here, beside their
 * definitions, so a file can never carry a column the codebook does not define.
 */
import { aeKinds, aeOutcomes, relatedness } from "../adverse-events/rules";
import { instruments } from "../instruments";
import { timepointIds } from "../pathway/schedule";
import { ageBandIds } from "./deidentify";
import { outputsOf } from "./outputs";
import { categoryIds, conditionIdList, treatmentKindIds } from "./redcap";

export type CodebookColumn = {
  name: string;
  type: "string" | "integer" | "number" | "category";
  description: string;
  values?: string;
};
export type TidyFile = { file: string; description: string; columns: readonly CodebookColumn[] };

const list = (ids: readonly string[]) => ids.join(" | ");
const studyId: CodebookColumn = {
  name: "study_id",
  type: "string",
  description: "Random id made for this export (never derived from the patient's record); joins the files",
};
const DAY =
  "Days from the patient's index treatment (their first recorded treatment, day 0); negative before it; blank without a treatment";
const treatmentNumber: CodebookColumn = {
  name: "treatment_number",
  type: "integer",
  description:
    "Which of the patient's treatments (1 = index, by date) the row belongs to; blank for baseline and unscheduled answers",
};

export const tidyFiles = {
  patients: {
    file: "patients.csv",
    description: "One row per patient",
    columns: [
      studyId,
      { name: "clinic", type: "category", description: "Clinic, as a code made for this export (C1, C2 …)" },
      {
        name: "sex",
        type: "category",
        description: "Sex on record",
        values: "female | male | other | unknown",
      },
      {
        name: "age",
        type: "string",
        description: "Age in years at the index treatment (at registration without one); 90 or older is 90+",
      },
      {
        name: "age_band",
        type: "category",
        description: "Age band (quasi-identifier of the k-anonymity check)",
        values: list(ageBandIds),
      },
      {
        name: "condition",
        type: "category",
        description: "Condition of the index treatment's episode (else the first episode)",
        values: list(conditionIdList),
      },
      {
        name: "index_treatment",
        type: "category",
        description: "Kind of the first recorded treatment; blank without one",
        values: list(treatmentKindIds),
      },
      {
        name: "startback_group",
        type: "category",
        description: "STarT Back risk group of the latest baseline answer",
        values: "low | medium | high",
      },
    ],
  },
  scores: {
    file: "scores.csv",
    description: "One row per patient × timepoint × questionnaire answered, with its score",
    columns: [
      studyId,
      {
        name: "timepoint",
        type: "category",
        description: "Follow-up timepoint the answer was given for",
        values: list([...timepointIds, "unscheduled"]),
      },
      treatmentNumber,
      {
        name: "instrument",
        type: "category",
        description: "Questionnaire",
        values: list(instruments.map((i) => i.id)),
      },
      { name: "instrument_version", type: "string", description: "Version of the questionnaire answered" },
      { name: "day", type: "integer", description: DAY },
      {
        name: "score",
        type: "number",
        description:
          "The questionnaire's score (see each instrument's range and direction); blank when its missing-data rule gives none, and always for PROMIS-29 (see subscores.csv)",
      },
    ],
  },
  subscores: {
    file: "subscores.csv",
    description:
      "One row per sub-score of an answer in scores.csv (PROMIS-29 domain T-scores, EQ-5D-5L index, STarT Back subscale and group)",
    columns: [
      studyId,
      { name: "timepoint", type: "category", description: "As in scores.csv" },
      treatmentNumber,
      { name: "instrument", type: "category", description: "As in scores.csv" },
      {
        name: "subscore",
        type: "category",
        description: "Which sub-score",
        values: list(
          instruments.flatMap((i) =>
            outputsOf(i)
              .filter((o) => o.id !== "score")
              .map((o) => `${i.id}.${o.id}`),
          ),
        ),
      },
      {
        name: "value",
        type: "string",
        description: "Its value (a number; for startback.group low | medium | high)",
      },
    ],
  },
  treatments: {
    file: "treatments.csv",
    description: "One row per recorded treatment",
    columns: [
      studyId,
      { ...treatmentNumber, description: "Order of the patient's treatments by date (1 = index)" },
      { name: "kind", type: "category", description: "Treatment kind", values: list(treatmentKindIds) },
      { name: "category", type: "category", description: "Category of the kind", values: list(categoryIds) },
      { name: "day", type: "integer", description: DAY },
    ],
  },
  adverseEvents: {
    file: "adverse_events.csv",
    description: "One row per adverse event (free-text descriptions and actions are never exported)",
    columns: [
      studyId,
      { ...treatmentNumber, description: "The treatment it followed (1 = index); blank when not linked" },
      { name: "kind", type: "category", description: "Kind of event", values: list(aeKinds) },
      { name: "onset_day", type: "integer", description: DAY },
      { name: "grade", type: "integer", description: "CTCAE v5 grade", values: "1 | 2 | 3 | 4 | 5" },
      { name: "serious", type: "integer", description: "Serious by ICH E2A (1) or not (0)", values: "0 | 1" },
      {
        name: "relatedness",
        type: "category",
        description: "Relatedness to treatment; blank while not assessed",
        values: list(relatedness),
      },
      {
        name: "expected",
        type: "integer",
        description: "Expected (1), unexpected (0); blank while not assessed",
        values: "0 | 1",
      },
      { name: "outcome", type: "category", description: "Outcome", values: list(aeOutcomes) },
    ],
  },
  survival: {
    file: "survival.csv",
    description: "Surgery-free survival: one row per patient whose index treatment was not an operation",
    columns: [
      studyId,
      {
        name: "index_treatment",
        type: "category",
        description: "Kind of the index treatment (the group)",
        values: list(treatmentKindIds),
      },
      {
        name: "time",
        type: "integer",
        description:
          "Days from the index treatment to the first later operation (discectomy or fusion), else to the last contact (latest answer or treatment, at most the export's day)",
      },
      {
        name: "event",
        type: "integer",
        description: "1 = an operation at `time`; 0 = censored",
        values: "0 | 1",
      },
    ],
  },
} as const satisfies Record<string, TidyFile>;

export const codebookColumns = ["file", "column", "type", "description", "values"];
export function codebookRows(): string[][] {
  return Object.values(tidyFiles).flatMap((f: TidyFile) =>
    f.columns.map((c) => [f.file, c.name, c.type, c.description, c.values ?? ""]),
  );
}
export const headerOf = (f: TidyFile) => f.columns.map((c) => c.name);

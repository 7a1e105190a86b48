/**
 * A REDCap project for the de-identified export: the data dictionary (one instrument per
 * questionnaire, built from the instrument definitions, plus participant, treatment and adverse
 * event instruments), the longitudinal events (one per follow-up timepoint), which instrument is
 * collected at which event, and the repeating instruments. Formats as REDCap's data dictionary and
 * API import them (REDCap Data Dictionary; API "Import Events", "Import Instrument-Event
 * Mappings", "Import Repeating Instruments and Events").
 *
 * Categories are coded 1…n in REDCap's `1, Label | 2, Label` form; yes/no is `yesno` (1/0); item
 * answers keep the instrument's own values as codes (PROMIS's reverse-scored 5…1 included).
 */
import { aeKindLabels, aeKinds, aeOutcomes, relatedness } from "../adverse-events/rules";
import { conditions } from "../catalogue/conditions";
import { treatmentKinds } from "../catalogue/treatments";
import { instruments } from "../instruments";
import type { InstrumentDefinition, Item } from "../instruments/types";
import { timepoints } from "../pathway/schedule";
import { ageBandIds } from "./deidentify";
import { outputsOf, round4 } from "./outputs";

export const dictionaryColumns = [
  "Variable / Field Name",
  "Form Name",
  "Section Header",
  "Field Type",
  "Field Label",
  "Choices, Calculations, OR Slider Labels",
  "Field Note",
  "Text Validation Type OR Show Slider Number",
  "Text Validation Min",
  "Text Validation Max",
  "Identifier?",
  "Branching Logic (Show field only if...)",
  "Required Field?",
  "Custom Alignment",
  "Question Number (surveys only)",
  "Matrix Group Name",
  "Matrix Ranking?",
  "Field Annotation",
] as const;

export type RedcapChoice = { code: string; label: string };
export type RedcapField = {
  name: string;
  form: string;
  type: "text" | "radio" | "dropdown" | "yesno";
  label: string;
  choices?: readonly RedcapChoice[];
  validation?: "integer" | "number";
  min?: number;
  max?: number;
  note?: string;
  annotation?: string;
  section?: string;
};

export const PARTICIPANT_FORM = "participant";
export const TREATMENT_FORM = "treatment";
export const ADVERSE_EVENT_FORM = "adverse_event";
export const repeatingForms = [TREATMENT_FORM, ADVERSE_EVENT_FORM] as const;
export const ARM = 1;

/** Labels go into `code, label | …`: a pipe or line break would split them. */
const clean = (s: string) => s.replace(/\s*[|\r\n]+\s*/g, " / ").trim();

/** Codes 1…n for a list of ids (the order is the catalogue's). */
export function coded(ids: readonly string[], label: (id: string) => string = (id) => id): RedcapChoice[] {
  return ids.map((id, i) => ({ code: String(i + 1), label: clean(label(id)) }));
}
export const codeOf = (ids: readonly string[], id: string | null): string => {
  const i = id === null ? -1 : ids.indexOf(id);
  return i < 0 ? "" : String(i + 1);
};

const sexIds = ["female", "male", "other", "unknown"] as const;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/[-_]/g, " ");
export const conditionIdList = conditions.map((c) => c.id);
export const treatmentKindIds = treatmentKinds.map((k) => k.id);
export const categoryIds = ["conservative", "injection", "cell-therapy", "surgery", "other"];

export const redcapEvents = [
  { name: "Baseline", unique: "baseline_arm_1", timepoint: "baseline", dayOffset: 0, min: 180, max: 0 },
  ...timepoints.map((t) => {
    const [n, unit] = t.label.split(" ") as [string, string];
    const name = `${unit.startsWith("week") ? "Week" : "Month"} ${n}`;
    const dayOffset = "days" in t.offset ? t.offset.days : Math.round(t.offset.months * 30.4375);
    return {
      name,
      unique: `${name.toLowerCase().replace(/ /g, "_")}_arm_${ARM}`,
      timepoint: t.id as string,
      dayOffset,
      min: t.windowDays,
      max: t.windowDays,
    };
  }),
];
export const eventOfTimepoint = (timepoint: string) => redcapEvents.find((e) => e.timepoint === timepoint);
export const BASELINE_EVENT = redcapEvents[0]!.unique;

/** REDCap field names: lower case letters, digits and underscores, starting with a letter. */
const fieldId = (s: string) => s.toLowerCase().replace(/[^a-z0-9_]/g, "_");
export const formOf = (def: InstrumentDefinition) => fieldId(def.id);
export function itemField(def: InstrumentDefinition, item: Item): string {
  const id = fieldId(item.id);
  return id.startsWith(formOf(def)) ? id : `${formOf(def)}_${id}`;
}
export const outputField = (def: InstrumentDefinition, output: string) => `${formOf(def)}_${fieldId(output)}`;
export const dayField = (def: InstrumentDefinition) => `${formOf(def)}_day`;
export const completeField = (form: string) => `${form}_complete`;

const DAY_NOTE = "Days from the index treatment (day 0); negative before it";

function itemFieldOf(def: InstrumentDefinition, item: Item): RedcapField {
  const base = { name: itemField(def, item), form: formOf(def), label: clean(item.text) };
  if (item.type === "integer")
    return { ...base, type: "text", validation: "integer", min: item.min, max: item.max };
  if (item.type === "boolean") return { ...base, type: "yesno" };
  return {
    ...base,
    type: "radio",
    choices: (item.options ?? []).map((o) => ({ code: answerCode(o.value), label: clean(o.label) })),
  };
}

/** A stored answer as its REDCap code ("" when unanswered). */
export function answerCode(value: number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "1" : "0";
  return String(round4(value));
}

function instrumentFields(def: InstrumentDefinition): RedcapField[] {
  const form = formOf(def);
  const fields: RedcapField[] = [
    {
      name: dayField(def),
      form,
      type: "text",
      label: "Day answered",
      validation: "integer",
      note: DAY_NOTE,
      section: def.title,
    },
    ...def.items.map((item) => itemFieldOf(def, item)),
  ];
  for (const o of outputsOf(def))
    fields.push(
      o.kind === "category"
        ? {
            name: outputField(def, o.id),
            form,
            type: "radio",
            label: o.title,
            choices: coded(o.choices ?? [], capital),
            annotation: "@READONLY",
          }
        : {
            name: outputField(def, o.id),
            form,
            type: "text",
            label: o.title,
            validation: "number",
            min: o.range?.min,
            max: o.range?.max,
            note: "Scored by Evident from the answers",
            annotation: "@READONLY",
          },
    );
  return fields;
}

/** Every field of the project, forms in order, `record_id` first. */
export function redcapFields(): RedcapField[] {
  const p = PARTICIPANT_FORM;
  const t = TREATMENT_FORM;
  const a = ADVERSE_EVENT_FORM;
  return [
    { name: "record_id", form: p, type: "text", label: "Study id", note: "Random, new in every export" },
    {
      name: "clinic",
      form: p,
      type: "text",
      label: "Clinic",
      note: "A code made for this export (C1, C2 …)",
    },
    { name: "sex", form: p, type: "radio", label: "Sex", choices: coded(sexIds, capital) },
    {
      name: "age",
      form: p,
      type: "text",
      label: "Age (years)",
      note: "At the index treatment; 90 or older is 90+",
    },
    { name: "age_band", form: p, type: "dropdown", label: "Age band", choices: coded(ageBandIds) },
    {
      name: "condition",
      form: p,
      type: "dropdown",
      label: "Condition",
      choices: coded(conditionIdList, (id) => conditions.find((c) => c.id === id)?.label ?? id),
    },
    {
      name: "index_treatment",
      form: p,
      type: "dropdown",
      label: "Index treatment (first recorded)",
      choices: coded(treatmentKindIds, (id) => treatmentKinds.find((k) => k.id === id)?.label ?? id),
    },
    ...instruments.flatMap(instrumentFields),
    {
      name: "trt_number",
      form: t,
      type: "text",
      label: "Treatment number (1 = index)",
      validation: "integer",
      min: 1,
    },
    {
      name: "trt_kind",
      form: t,
      type: "dropdown",
      label: "Treatment",
      choices: coded(treatmentKindIds, (id) => treatmentKinds.find((k) => k.id === id)?.label ?? id),
    },
    {
      name: "trt_category",
      form: t,
      type: "dropdown",
      label: "Category",
      choices: coded(categoryIds, capital),
    },
    {
      name: "trt_day",
      form: t,
      type: "text",
      label: "Day of treatment",
      validation: "integer",
      note: DAY_NOTE,
    },
    {
      name: "ae_kind",
      form: a,
      type: "dropdown",
      label: "Adverse event",
      choices: coded(aeKinds, (k) => aeKindLabels[k as (typeof aeKinds)[number]]),
    },
    { name: "ae_day", form: a, type: "text", label: "Day of onset", validation: "integer", note: DAY_NOTE },
    {
      name: "ae_grade",
      form: a,
      type: "radio",
      label: "CTCAE grade",
      choices: [1, 2, 3, 4, 5].map((g) => ({ code: String(g), label: `Grade ${g}` })),
    },
    { name: "ae_serious", form: a, type: "yesno", label: "Serious (ICH E2A)" },
    {
      name: "ae_related",
      form: a,
      type: "dropdown",
      label: "Relatedness to treatment",
      choices: coded(relatedness, capital),
    },
    { name: "ae_expected", form: a, type: "yesno", label: "Expected" },
    { name: "ae_outcome", form: a, type: "dropdown", label: "Outcome", choices: coded(aeOutcomes, capital) },
    {
      name: "ae_trt_number",
      form: a,
      type: "text",
      label: "Treatment number it followed",
      validation: "integer",
      min: 1,
    },
  ];
}

export const formsOf = (fields: readonly RedcapField[]) => [...new Set(fields.map((f) => f.form))];

const bound = (v: number | undefined) => (v === undefined ? "" : round4(v));

/** Rows of data_dictionary.csv (bounds stay numbers, so a negative one is written as a number). */
export function dictionaryRows(fields: readonly RedcapField[]): (string | number)[][] {
  return fields.map((f) => [
    f.name,
    f.form,
    f.section ?? "",
    f.type,
    f.label,
    f.choices ? f.choices.map((c) => `${c.code}, ${c.label}`).join(" | ") : "",
    f.note ?? "",
    f.validation ?? "",
    bound(f.min),
    bound(f.max),
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    f.annotation ?? "",
  ]);
}

/** The columns of records.csv: the identifying columns, then each form's fields and its status. */
export function recordColumns(fields: readonly RedcapField[]): string[] {
  const columns = ["record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance"];
  for (const form of formsOf(fields)) {
    for (const f of fields) if (f.form === form && f.name !== "record_id") columns.push(f.name);
    columns.push(completeField(form));
  }
  return columns;
}

export const eventColumns = [
  "event_name",
  "arm_num",
  "unique_event_name",
  "day_offset",
  "offset_min",
  "offset_max",
  "custom_event_label",
];
export const eventRows = () =>
  redcapEvents.map((e) => [
    e.name,
    String(ARM),
    e.unique,
    String(e.dayOffset),
    String(e.min),
    String(e.max),
    "",
  ]);

export const mappingColumns = ["arm_num", "unique_event_name", "form"];
/** Participant, treatments and adverse events at baseline; every questionnaire at every event. */
export function mappingRows(fields: readonly RedcapField[]): string[][] {
  const rows: string[][] = [];
  for (const e of redcapEvents)
    for (const form of formsOf(fields))
      if (
        e.unique === BASELINE_EVENT ||
        !(form === PARTICIPANT_FORM || (repeatingForms as readonly string[]).includes(form))
      )
        rows.push([String(ARM), e.unique, form]);
  return rows;
}

export const repeatingColumns = ["event_name", "form_name", "custom_form_label"];
export const repeatingRows = () => [
  [BASELINE_EVENT, TREATMENT_FORM, "[trt_number]"],
  [BASELINE_EVENT, ADVERSE_EVENT_FORM, "[ae_kind]"],
];

export const armColumns = ["arm_num", "name"];
export const armRows = () => [[String(ARM), "Arm 1"]];

/**
 * What REDCap's importer checks, as close as we can get without a REDCap server: a data
 * dictionary upload (its 18 columns in order, `record_id` first, valid names, types, choices and
 * validations), the events, instrument–event mapping and repeating-instrument uploads (every
 * event, arm and form they name exists), and a records import (CSV, flat, longitudinal):
 * `record_id` first and `redcap_event_name` next, every column a field of the dictionary or a
 * form's `_complete`, each row's event defined, every value it holds on a form mapped to that
 * event, a repeating form's values only on its own instance rows, and each value valid for its
 * field (choice codes, yes/no, integer and number validation with their min and max).
 * Returns every problem found, as REDCap lists them; an empty list is an import without error.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseCsv } from "../src/analyze/csv";

const dictionaryHeader = [
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
];
const fieldTypes = new Set([
  "text",
  "notes",
  "radio",
  "dropdown",
  "checkbox",
  "yesno",
  "truefalse",
  "calc",
  "slider",
  "descriptive",
  "file",
  "sql",
]);
const validations = new Set([
  "",
  "integer",
  "number",
  "date_ymd",
  "datetime_ymd",
  "email",
  "phone",
  "zipcode",
]);
const fieldName = /^[a-z][a-z0-9_]*$/;

type Table = { header: string[]; rows: string[][] };
function read(dir: string, file: string): Table {
  const t = parseCsv(readFileSync(path.join(dir, file), "utf8"));
  const rows: string[][] = [];
  for (let r = 0; r < t.rowCount; r++) rows.push(t.header.map((_, c) => t.cell(c, r)));
  return { header: [...t.header], rows };
}

type Field = {
  name: string;
  form: string;
  type: string;
  choices: Set<string>;
  validation: string;
  min: string;
  max: string;
  identifier: string;
};

export function validateRedcapProject(dir: string): string[] {
  const errors: string[] = [];
  const dict = read(dir, "data_dictionary.csv");
  if (JSON.stringify(dict.header) !== JSON.stringify(dictionaryHeader))
    errors.push(`data_dictionary.csv: columns are not REDCap's 18 in order: ${dict.header.join(" / ")}`);
  const fields = new Map<string, Field>();
  const forms: string[] = [];
  dict.rows.forEach((r, i) => {
    const [
      name = "",
      form = "",
      ,
      type = "",
      label = "",
      choices = "",
      ,
      validation = "",
      min = "",
      max = "",
      identifier = "",
    ] = r;
    const at = `data_dictionary.csv row ${i + 1} (${name})`;
    if (i === 0 && name !== "record_id")
      errors.push(`${at}: the first field must be the record id, record_id`);
    if (!fieldName.test(name)) errors.push(`${at}: invalid variable name`);
    if (!fieldName.test(form)) errors.push(`${at}: invalid form name "${form}"`);
    if (fields.has(name)) errors.push(`${at}: duplicate variable name`);
    if (!fieldTypes.has(type)) errors.push(`${at}: unknown field type "${type}"`);
    if (!label && type !== "descriptive") errors.push(`${at}: no field label`);
    if (!validations.has(validation)) errors.push(`${at}: unknown validation "${validation}"`);
    if (validation && type !== "text") errors.push(`${at}: validation on a ${type} field`);
    for (const b of [min, max])
      if (b && Number.isNaN(Number(b))) errors.push(`${at}: min/max "${b}" is not a number`);
    if (identifier && identifier !== "y") errors.push(`${at}: Identifier? must be blank or y`);
    const codes = new Set<string>();
    if (["radio", "dropdown", "checkbox"].includes(type)) {
      if (!choices) errors.push(`${at}: a ${type} field needs choices`);
      for (const c of choices.split("|")) {
        const m = /^\s*([A-Za-z0-9_]+)\s*,\s*(.+?)\s*$/.exec(c);
        if (!m) errors.push(`${at}: choice "${c.trim()}" is not "code, label"`);
        else if (codes.has(m[1]!)) errors.push(`${at}: duplicate choice code ${m[1]}`);
        else codes.add(m[1]!);
      }
    } else if (choices && type !== "calc" && type !== "slider")
      errors.push(`${at}: choices on a ${type} field`);
    if (forms.length > 0 && forms.at(-1) !== form && forms.includes(form))
      errors.push(`${at}: form ${form} is split in two`);
    if (forms.at(-1) !== form) forms.push(form);
    fields.set(name, { name, form, type, choices: codes, validation, min, max, identifier });
  });
  for (const f of fields.values())
    if (f.identifier === "y") errors.push(`data_dictionary.csv: ${f.name} is marked as an identifier`);

  const arms = new Set(read(dir, "arms.csv").rows.map((r) => r[0]));
  const events = read(dir, "events.csv");
  const eventNames = new Set<string>();
  for (const [name, arm, unique] of events.rows) {
    if (!name) errors.push("events.csv: an event without a name");
    if (!arms.has(arm)) errors.push(`events.csv: ${unique} is in arm ${arm}, which does not exist`);
    if (!unique || !/^[a-z][a-z0-9_]*_arm_\d+$/.test(unique) || !unique.endsWith(`_arm_${arm}`))
      errors.push(`events.csv: "${unique}" is not a unique event name of arm ${arm}`);
    eventNames.add(unique ?? "");
  }
  const mapped = new Set<string>();
  for (const [arm, unique, form] of read(dir, "instrument_event_mapping.csv").rows) {
    if (!eventNames.has(unique ?? "") || !unique?.endsWith(`_arm_${arm}`))
      errors.push(`instrument_event_mapping.csv: no event ${unique} in arm ${arm}`);
    if (!forms.includes(form ?? "")) errors.push(`instrument_event_mapping.csv: no form ${form}`);
    mapped.add(`${unique}|${form}`);
  }
  const repeating = new Set<string>();
  for (const [event, form] of read(dir, "repeating_instruments.csv").rows) {
    if (!mapped.has(`${event}|${form}`))
      errors.push(`repeating_instruments.csv: ${form} is not on event ${event}`);
    repeating.add(`${event}|${form}`);
  }
  const repeatingForms = new Set([...repeating].map((k) => k.split("|")[1]));

  const records = read(dir, "records.csv");
  const h = records.header;
  if (h[0] !== "record_id") errors.push(`records.csv: the first column is ${h[0]}, not record_id`);
  if (h[1] !== "redcap_event_name") errors.push("records.csv: the second column must be redcap_event_name");
  const special = new Set([
    "record_id",
    "redcap_event_name",
    "redcap_repeat_instrument",
    "redcap_repeat_instance",
  ]);
  const formOfColumn = h.map((c) => {
    if (special.has(c)) return null;
    const f = fields.get(c);
    if (f) return f.form;
    const complete = /^(.*)_complete$/.exec(c);
    if (complete && forms.includes(complete[1]!)) return complete[1]!;
    const checkbox = /^(.*)___([A-Za-z0-9_]+)$/.exec(c);
    if (checkbox && fields.get(checkbox[1]!)?.type === "checkbox") return fields.get(checkbox[1]!)!.form;
    errors.push(`records.csv: column ${c} is not a field of the data dictionary`);
    return null;
  });
  if (
    repeating.size === 0 &&
    (h.includes("redcap_repeat_instrument") || h.includes("redcap_repeat_instance"))
  )
    errors.push("records.csv: repeat columns without repeating instruments");
  const iInstrument = h.indexOf("redcap_repeat_instrument");
  const iInstance = h.indexOf("redcap_repeat_instance");
  const seen = new Set<string>();
  records.rows.forEach((r, i) => {
    const at = `records.csv row ${i + 1}`;
    const [record, event] = r;
    const instrument = iInstrument >= 0 ? (r[iInstrument] ?? "") : "";
    const instance = iInstance >= 0 ? (r[iInstance] ?? "") : "";
    if (!record) errors.push(`${at}: no record_id`);
    if (!eventNames.has(event ?? "")) errors.push(`${at}: event "${event}" does not exist`);
    if (instrument && !repeating.has(`${event}|${instrument}`))
      errors.push(`${at}: ${instrument} does not repeat on ${event}`);
    if (instrument && !/^[1-9]\d*$/.test(instance))
      errors.push(`${at}: repeat instance "${instance}" is not a positive integer`);
    if (!instrument && instance) errors.push(`${at}: a repeat instance without an instrument`);
    const key = `${record}|${event}|${instrument}|${instance}`;
    if (seen.has(key)) errors.push(`${at}: a second row for ${key}`);
    seen.add(key);
    r.forEach((value, c) => {
      const form = formOfColumn[c];
      if (!form || value === "") return;
      const column = h[c]!;
      const where = `${at} ${column}="${value}"`;
      if (!mapped.has(`${event}|${form}`))
        errors.push(`${where}: form ${form} is not designated to event ${event}`);
      if (instrument ? form !== instrument : repeatingForms.has(form))
        errors.push(`${where}: belongs to ${form}, not to this row's ${instrument || "non-repeating"} data`);
      if (column === `${form}_complete`) {
        if (!["0", "1", "2"].includes(value)) errors.push(`${where}: form status must be 0, 1 or 2`);
        return;
      }
      const f = fields.get(column);
      if (!f) return;
      const bad = (why: string) => errors.push(`${where}: ${why}`);
      if (f.type === "radio" || f.type === "dropdown") {
        if (!f.choices.has(value)) bad("not one of the field's choice codes");
      } else if (f.type === "yesno" || f.type === "truefalse" || f.type === "checkbox") {
        if (value !== "0" && value !== "1") bad("must be 0 or 1");
      } else if (f.validation === "integer" || f.validation === "number") {
        const ok =
          f.validation === "integer" ? /^[-+]?\d+$/.test(value) : /^[-+]?(\d+\.?\d*|\.\d+)$/.test(value);
        if (!ok) bad(`not a valid ${f.validation}`);
        else if ((f.min && Number(value) < Number(f.min)) || (f.max && Number(value) > Number(f.max)))
          bad(`outside ${f.min}…${f.max}`);
      } else if (f.validation === "date_ymd" && !/^\d{4}-\d{2}-\d{2}$/.test(value))
        bad("not a YYYY-MM-DD date");
    });
  });
  return errors;
}

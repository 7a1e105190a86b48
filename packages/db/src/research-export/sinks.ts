/**
 * Where export records go: the REDCap project files or the tidy CSV files. Each sink takes a
 * batch of de-identified patients and writes their rows; `close` ends the files and returns them
 * with their checksums.
 */

import { aeKinds, aeOutcomes, relatedness } from "@evident/domain/adverse-events/rules";
import type { CsvValue } from "@evident/domain/csv";
import { findInstrument } from "@evident/domain/instruments";
import {
  ADVERSE_EVENT_FORM,
  ageBandIds,
  answerCode,
  armColumns,
  armRows,
  BASELINE_EVENT,
  categoryIds,
  codebookColumns,
  codebookRows,
  codeOf,
  completeField,
  conditionIdList,
  dayField,
  dictionaryColumns,
  dictionaryRows,
  eventColumns,
  eventOfTimepoint,
  eventRows,
  headerOf,
  itemField,
  mappingColumns,
  mappingRows,
  outputField,
  outputsOf,
  outputValues,
  PARTICIPANT_FORM,
  recordColumns,
  redcapFields,
  repeatingColumns,
  repeatingRows,
  round4,
  TREATMENT_FORM,
  tidyFiles,
  treatmentKindIds,
} from "@evident/domain/research";
import { CsvFile, type WrittenFile, writeSmallCsv } from "./csv-file";
import type { ExportPatient } from "./patients";

export type Sink = {
  write(patients: readonly ExportPatient[]): Promise<void>;
  close(): Promise<WrittenFile[]>;
  destroy(): void;
};

const sexIds = ["female", "male", "other", "unknown"];
const yesNo = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
const num = (v: number | string | null) => (typeof v === "number" ? round4(v) : v);

export async function redcapSink(dir: string): Promise<Sink> {
  const fields = redcapFields();
  const columns = recordColumns(fields);
  const at = new Map(columns.map((c, i) => [c, i]));
  const small = [
    await writeSmallCsv(dir, "data_dictionary.csv", dictionaryColumns, dictionaryRows(fields)),
    await writeSmallCsv(dir, "arms.csv", armColumns, armRows()),
    await writeSmallCsv(dir, "events.csv", eventColumns, eventRows()),
    await writeSmallCsv(dir, "instrument_event_mapping.csv", mappingColumns, mappingRows(fields)),
    await writeSmallCsv(dir, "repeating_instruments.csv", repeatingColumns, repeatingRows()),
  ];
  const records = new CsvFile(dir, "records.csv", columns);
  const row = (recordId: string, event: string, repeat?: [string, number]) => {
    const r: CsvValue[] = new Array(columns.length).fill(null);
    r[0] = recordId;
    r[1] = event;
    if (repeat) [r[2], r[3]] = repeat;
    return r;
  };
  const set = (r: CsvValue[], column: string, v: CsvValue) => {
    const i = at.get(column);
    if (i === undefined) throw new Error(`records.csv has no column ${column}`);
    r[i] = v;
  };
  return {
    async write(patients) {
      for (const p of patients) {
        const events = new Map<string, CsvValue[]>();
        const eventRow = (unique: string) => {
          let r = events.get(unique);
          if (!r) {
            r = row(p.studyId, unique);
            events.set(unique, r);
          }
          return r;
        };
        const base = eventRow(BASELINE_EVENT);
        set(base, "clinic", p.clinic);
        set(base, "sex", codeOf(sexIds, p.sex));
        set(base, "age", p.age);
        set(base, "age_band", codeOf(ageBandIds, p.ageBand));
        set(base, "condition", codeOf(conditionIdList, p.condition));
        set(base, "index_treatment", codeOf(treatmentKindIds, p.indexKind));
        set(base, completeField(PARTICIPANT_FORM), 2);
        // The index treatment's follow-ups (and the baseline) are the events; a later
        // treatment's follow-ups are in the tidy files only. The latest answer wins.
        for (const a of p.answers) {
          const event = eventOfTimepoint(a.timepoint);
          const def = findInstrument(a.instrument);
          if (!event || !def || (a.treatmentNumber ?? 1) !== 1) continue;
          const r = eventRow(event.unique);
          set(r, dayField(def), a.day);
          for (const item of def.items) set(r, itemField(def, item), answerCode(a.answers[item.id]));
          const out = outputValues(def, a.answers);
          for (const o of outputsOf(def)) {
            const v = out[o.id] ?? null;
            set(
              r,
              outputField(def, o.id),
              o.kind === "category" ? codeOf(o.choices ?? [], v as string | null) : num(v),
            );
          }
          set(r, completeField(def.id), 2);
        }
        for (const r of events.values()) records.row(r);
        for (const t of p.treatments) {
          const r = row(p.studyId, BASELINE_EVENT, [TREATMENT_FORM, t.number]);
          set(r, "trt_number", t.number);
          set(r, "trt_kind", codeOf(treatmentKindIds, t.kind));
          set(r, "trt_category", codeOf(categoryIds, t.category));
          set(r, "trt_day", t.day);
          set(r, completeField(TREATMENT_FORM), 2);
          records.row(r);
        }
        p.adverseEvents.forEach((e, i) => {
          const r = row(p.studyId, BASELINE_EVENT, [ADVERSE_EVENT_FORM, i + 1]);
          set(r, "ae_kind", codeOf(aeKinds, e.kind));
          set(r, "ae_day", e.day);
          set(r, "ae_grade", e.grade);
          set(r, "ae_serious", yesNo(e.serious));
          set(r, "ae_related", codeOf(relatedness, e.relatedness));
          set(r, "ae_expected", yesNo(e.expected));
          set(r, "ae_outcome", codeOf(aeOutcomes, e.outcome));
          set(r, "ae_trt_number", e.treatmentNumber);
          set(r, completeField(ADVERSE_EVENT_FORM), 2);
          records.row(r);
        });
      }
      await records.flush();
    },
    async close() {
      return [...small, await records.close()];
    },
    destroy: () => records.destroy(),
  };
}

export async function tidySink(dir: string): Promise<Sink> {
  const codebook = await writeSmallCsv(dir, "codebook.csv", codebookColumns, codebookRows());
  const f = {
    patients: new CsvFile(dir, tidyFiles.patients.file, headerOf(tidyFiles.patients)),
    scores: new CsvFile(dir, tidyFiles.scores.file, headerOf(tidyFiles.scores)),
    subscores: new CsvFile(dir, tidyFiles.subscores.file, headerOf(tidyFiles.subscores)),
    treatments: new CsvFile(dir, tidyFiles.treatments.file, headerOf(tidyFiles.treatments)),
    adverseEvents: new CsvFile(dir, tidyFiles.adverseEvents.file, headerOf(tidyFiles.adverseEvents)),
    survival: new CsvFile(dir, tidyFiles.survival.file, headerOf(tidyFiles.survival)),
  };
  const all = Object.values(f);
  return {
    async write(patients) {
      for (const p of patients) {
        f.patients.row([
          p.studyId,
          p.clinic,
          p.sex,
          p.age,
          p.ageBand,
          p.condition,
          p.indexKind,
          p.startbackGroup,
        ]);
        for (const a of p.answers) {
          const def = findInstrument(a.instrument);
          if (!def) continue;
          const out = outputValues(def, a.answers);
          const head = [p.studyId, a.timepoint, a.treatmentNumber];
          f.scores.row([...head, a.instrument, a.version, a.day, num(out.score ?? null)]);
          for (const o of outputsOf(def))
            if (o.id !== "score" && out[o.id] !== null && out[o.id] !== undefined)
              f.subscores.row([...head, a.instrument, o.id, num(out[o.id]!)]);
        }
        for (const t of p.treatments) f.treatments.row([p.studyId, t.number, t.kind, t.category, t.day]);
        for (const e of p.adverseEvents)
          f.adverseEvents.row([
            p.studyId,
            e.treatmentNumber,
            e.kind,
            e.day,
            e.grade,
            yesNo(e.serious),
            e.relatedness,
            yesNo(e.expected),
            e.outcome,
          ]);
        if (p.survival && p.indexKind)
          f.survival.row([p.studyId, p.indexKind, p.survival.time, p.survival.event]);
      }
      for (const file of all) await file.flush();
    },
    async close() {
      const files = [codebook];
      for (const file of all) files.push(await file.close());
      return files;
    },
    destroy: () => {
      for (const file of all) file.destroy();
    },
  };
}

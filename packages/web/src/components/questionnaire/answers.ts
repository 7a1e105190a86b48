/**
 * Questionnaire logic shared by the patient portal and staff entry, kept pure: which steps to
 * show (a single-item scale is one step; a multi-section instrument like the ODI is one step per
 * section), what is still unanswered, the batch to submit, and where a server issue belongs.
 */
import type { InstrumentView, ResponseBatch } from "@evident/domain/api";

export type AnswerValue = number | boolean;
/** Answers per instrument id, then per item id. */
export type AnswerSheet = Record<string, Record<string, AnswerValue | undefined>>;

export type Step = {
  instrument: InstrumentView;
  item: InstrumentView["items"][number];
  /** 1-based position of this item within its instrument, for "Section 3 of 10". */
  index: number;
  of: number;
};

export function buildSteps(instruments: readonly InstrumentView[]): Step[] {
  return instruments.flatMap((instrument) =>
    instrument.items.map((item, i) => ({ instrument, item, index: i + 1, of: instrument.items.length })),
  );
}

/** Puts instruments in the order a follow-up lists them; unknown ids are skipped. */
export function instrumentsFor(ids: readonly string[], all: readonly InstrumentView[]): InstrumentView[] {
  return ids.flatMap((id) => all.find((i) => i.id === id) ?? []);
}

export function answerOf(
  sheet: AnswerSheet,
  step: Pick<Step, "instrument" | "item">,
): AnswerValue | undefined {
  return sheet[step.instrument.id]?.[step.item.id];
}

export function withAnswer(
  sheet: AnswerSheet,
  instrumentId: string,
  itemId: string,
  value: AnswerValue | undefined,
): AnswerSheet {
  return { ...sheet, [instrumentId]: { ...sheet[instrumentId], [itemId]: value } };
}

/** Steps that still need an answer (optional items never do). */
export function missingSteps(steps: readonly Step[], sheet: AnswerSheet): Step[] {
  return steps.filter((s) => !s.item.optional && answerOf(sheet, s) === undefined);
}

/** One batch with every instrument; skipped optional items are sent as null ("not answered"). */
export function toBatch(
  instruments: readonly InstrumentView[],
  sheet: AnswerSheet,
  followUpId?: string,
): ResponseBatch {
  return {
    ...(followUpId ? { followUpId } : {}),
    responses: instruments.map((instrument) => ({
      instrument: instrument.id,
      answers: Object.fromEntries(
        instrument.items.map((item) => [item.id, sheet[instrument.id]?.[item.id] ?? null]),
      ),
    })),
  };
}

/**
 * Where a server issue belongs: "responses.1.answers.odi_3" names the third ODI section when
 * instrument 1 of the batch is the ODI. Returns null for issues about the batch as a whole.
 */
export function issueTarget(
  path: string,
  instruments: readonly InstrumentView[],
): { instrumentId: string; itemId: string | null } | null {
  const m = /^responses\.(\d+)(?:\.answers\.([^.]+))?/.exec(path);
  if (!m) return null;
  const instrument = instruments[Number(m[1])];
  if (!instrument) return null;
  return { instrumentId: instrument.id, itemId: m[2] ?? null };
}

/** The label of an answer, as the person chose it. */
export function answerLabel(item: InstrumentView["items"][number], value: AnswerValue | undefined): string {
  if (value === undefined) return item.optional ? "Skipped" : "Not answered";
  if (item.options) return item.options.find((o) => o.value === value)?.label ?? String(value);
  return String(value);
}

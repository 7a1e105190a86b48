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

/** Words the controls need besides the instrument's own (translated in the portal). */
export type QuestionLabels = {
  yes: string;
  no: string;
  skipped: string;
  notAnswered: string;
  notChosen: string;
  vasNumber: string;
  vasSlider: string;
};

export const englishLabels: QuestionLabels = {
  yes: "Yes",
  no: "No",
  skipped: "Skipped",
  notAnswered: "Not answered",
  notChosen: "Not chosen yet",
  vasNumber: "Number (0 to 100)",
  vasSlider: "Health today, from 0 to 100",
};

type ItemView = InstrumentView["items"][number];

/** A wide numeric range (the EQ VAS, 0–100) is a slider with a number box, not a row of buttons. */
export const isSlider = (item: ItemView) =>
  item.type === "integer" && (item.max ?? 10) - (item.min ?? 0) > 10;

/** The options a yes/no item shows (its own, or Yes and No in the page's language). */
export function optionsOf(item: ItemView, labels: QuestionLabels = englishLabels) {
  if (item.type === "boolean" && !item.options)
    return [
      { value: true, label: labels.yes },
      { value: false, label: labels.no },
    ];
  return item.options;
}

/** The label of an answer, as the person chose it. */
export function answerLabel(
  item: ItemView,
  value: AnswerValue | undefined,
  labels: QuestionLabels = englishLabels,
): string {
  if (value === undefined) return item.optional ? labels.skipped : labels.notAnswered;
  const options = optionsOf(item, labels);
  if (options) return options.find((o) => o.value === value)?.label ?? String(value);
  return String(value);
}

/**
 * The stem printed before an item ("In the past 7 days"), unless the item's text already starts
 * with it (PROMIS physical function: "Are you able to…" / "Are you able to go for a walk…").
 */
export function stemOf(item: ItemView): string | undefined {
  const stem = item.context?.replace(/[.…:]+$/, "").trim();
  if (!stem) return undefined;
  return item.text.toLowerCase().startsWith(stem.toLowerCase()) ? undefined : `${stem}…`;
}

/** The group an item belongs to (a PROMIS-29 domain), with its recall period. */
export function groupOf(instrument: InstrumentView, item: ItemView) {
  return instrument.groups?.find((g) => g.id === item.group);
}

/** How many of the steps have an answer. */
export function answeredCount(steps: readonly Step[], sheet: AnswerSheet): number {
  return steps.filter((s) => answerOf(sheet, s) !== undefined).length;
}

/** The sheet as a draft stores it: only answers given (JSON has no undefined). */
export function draftOf(sheet: AnswerSheet): Record<string, Record<string, AnswerValue>> {
  return Object.fromEntries(
    Object.entries(sheet).map(([id, answers]) => [
      id,
      Object.fromEntries(
        Object.entries(answers).filter((e): e is [string, AnswerValue] => e[1] !== undefined),
      ),
    ]),
  );
}

/** A stored draft back as a sheet (a null answer is "not answered"). */
export function sheetOf(draft: Record<string, Record<string, AnswerValue | null>>): AnswerSheet {
  return Object.fromEntries(
    Object.entries(draft).map(([id, answers]) => [
      id,
      Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null)) as Record<
        string,
        AnswerValue
      >,
    ]),
  );
}

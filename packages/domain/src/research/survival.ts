/**
 * One patient's surgery-free survival row for the export, by the outcomes page's definition
 * (outcomes/survival.ts) applied per patient: time zero is the index treatment (the first
 * recorded), which must not itself be an operation; the event is the first later operation; without
 * one the patient is censored at the last contact (latest answer or treatment), never after the
 * export's day. Days are days from the index treatment.
 */
export type SurvivalInput = {
  /** Treatments in order, index first: category and day from the index. */
  treatments: readonly { category: string; day: number }[];
  /** Days from the index of every answer. */
  answerDays: readonly number[];
  /** The export's day, as days from the index. */
  today: number;
};

export function survivalOf(p: SurvivalInput): { time: number; event: 0 | 1 } | null {
  const [index, ...later] = p.treatments;
  if (!index || index.category === "surgery" || p.today < 0) return null;
  const surgery = later.find((t) => t.category === "surgery" && t.day <= p.today);
  if (surgery) return { time: Math.max(0, surgery.day), event: 1 };
  const contacts = [0, ...later.map((t) => t.day), ...p.answerDays].filter((d) => d <= p.today);
  return { time: Math.max(0, Math.min(p.today, Math.max(...contacts))), event: 0 };
}

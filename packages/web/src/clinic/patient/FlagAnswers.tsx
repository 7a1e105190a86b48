/**
 * Which answers raised a triage flag, for the clinician: "raised by: bladder dysfunction — not
 * sure". Answer ids are the public contract; they are shown as words ("saddleNumbness" → "saddle
 * numbness"). Intakes stored before flags recorded their answers say nothing here.
 */
import type { IntakeView } from "@evident/domain/api";
import { Text } from "@mantine/core";

type Flag = IntakeView["flags"][number];

/** "saddleNumbness" → "saddle numbness". */
export const answerWords = (id: string) => id.replace(/([A-Z0-9]+)/g, " $1").toLowerCase();

const valueWords = (v: number | boolean | "unsure") =>
  v === "unsure" ? "not sure" : v === true ? "yes" : v === false ? "no" : String(v);

/** A React key for a flag: two "not sure" flags share an id but not their answer. */
export const flagKey = (f: Flag) => `${f.id}:${(f.answer ?? []).map((a) => a.id).join(",")}`;

export function FlagAnswers({ flag }: { flag: Flag }) {
  if (!flag.answer || flag.answer.length === 0) return null;
  return (
    <Text size="xs" c="dimmed">
      Raised by: {flag.answer.map((a) => `${answerWords(a.id)} — ${valueWords(a.value)}`).join("; ")}.
      {flag.dueWithinHours !== null && ` Due within ${flag.dueWithinHours} hours.`}
    </Text>
  );
}

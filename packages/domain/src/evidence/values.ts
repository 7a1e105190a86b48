/**
 * Values clarification (IPDAS: help people think about which features of the options matter most
 * to them; domain reference §6.4 and §6.6). Each value is rated on the same 0–4 scale, stored with
 * the decision, and names the option field it bears on, so a screen can line the options up
 * against what the patient said matters. Patient text is plain (reading grade ≤ 8, by a test).
 */
import type { DecisionOption } from "./types";

export const valuesVersion = "2026.12.1";

export const valueScale = {
  min: 0,
  max: 4,
  labels: ["Not at all", "A little", "Somewhat", "A lot", "Very much"],
} as const;

export type ValueId = "avoid-surgery" | "fast-relief" | "avoid-procedures" | "low-cost" | "certainty";

export type ValueDefinition = {
  id: ValueId;
  /** patient: the statement rated. */
  statement: string;
  /** patient: what it means, in plain words. */
  help: string;
  /** The option field this value bears on ("certainty": with the guidelines' stance, `isWellTested`). */
  optionField: "group" | "speed" | "cost" | "certainty";
};

export const valuesClarification = {
  version: valuesVersion,
  prompt: "How much does each of these matter to you?",
  scale: valueScale,
  values: [
    {
      id: "avoid-surgery",
      statement: "Avoiding an operation",
      help: "Some people want to stay away from surgery if they can. Others are happy to have it if it may help.",
      optionField: "group",
    },
    {
      id: "fast-relief",
      statement: "Getting relief fast",
      help: "Some care works in hours or days. Other care takes weeks or months, or we do not know how long.",
      optionField: "speed",
    },
    {
      id: "avoid-procedures",
      statement: "Avoiding needles and shots",
      help: "Some care needs shots into the back or a needle into a bone. Other care needs none.",
      optionField: "group",
    },
    {
      id: "low-cost",
      statement: "Keeping costs low",
      help: "Costs differ a lot. Some care is cheap. Some is costly and may not be paid for by insurance.",
      optionField: "cost",
    },
    {
      id: "certainty",
      statement: "Choosing care that has been well tested",
      help: "For some care, experts are fairly sure what to expect. For other care, the studies are few or small, so no one knows.",
      optionField: "certainty",
    },
  ] as const satisfies readonly ValueDefinition[],
};

/**
 * "Well-tested care": at least moderate-certainty evidence of benefit, recommended by the
 * guidelines, and not found no better than the care it was compared with on its own card. So an
 * option rated moderate that guidelines advise against (opioids: NICE NG59, WHO 2023), or whose
 * trial found it no better than other pills, never counts as well tested.
 */
export function isWellTested(option: DecisionOption): boolean {
  return (
    (option.certainty === "high" || option.certainty === "moderate") &&
    option.guideline.stance === "recommended" &&
    !option.noBetterThanAlternatives
  );
}

/** Which values an option sits well with, by its own fields (for showing, never for ranking). */
export function valuesServedBy(option: DecisionOption): ValueId[] {
  const served: ValueId[] = [];
  if (option.group !== "surgery") served.push("avoid-surgery");
  if (option.speed === "hours-to-days") served.push("fast-relief");
  if (option.group !== "injection" && option.group !== "surgery" && option.group !== "cell-therapy")
    served.push("avoid-procedures");
  if (option.cost.band === "none" || option.cost.band === "low") served.push("low-cost");
  if (isWellTested(option)) served.push("certainty");
  return served;
}

/**
 * The clinic's own results beside an option's published numbers: the share of its patients who
 * improved on back pain by the instrument's responder rule, with n and a 95% Wilson interval,
 * from the outcomes report's rows. Shown only from `minimum` patients up (IPDAS asks for numbers
 * people can trust; 30 is the floor), at the latest timepoint that reaches it (12, then
 * 6, then 3 months), so a screen never shows a registry figure from a handful of people.
 */
import type { OutcomeRow } from "../api/outcomes";
import { decisionOptionIds } from "./catalogue";
import { treatmentKindForOption } from "./treatment-kinds";

export type RegistryFigure = {
  optionId: string;
  treatmentKind: string;
  match: "exact" | "broader";
  timepoint: string;
  instrument: string;
  responderRule: string;
  n: number;
  responders: number;
  share: number;
  shareCI: [number, number];
};

const preferred = ["12m", "6m", "3m"] as const;

export function registryFigures(
  rows: readonly OutcomeRow[],
  minimum: number,
  instrument = "nrs_back",
): RegistryFigure[] {
  return decisionOptionIds.flatMap((optionId) => {
    const link = treatmentKindForOption(optionId);
    if (!link) return [];
    for (const timepoint of preferred) {
      const row = rows.find((r) => r.treatmentKind === link.kind && r.timepoint === timepoint);
      const m = row?.measures.find((x) => x.instrument === instrument);
      if (m && m.n >= minimum && m.responders !== null && m.responderShare !== null && m.responderShareCI)
        return [
          {
            optionId,
            treatmentKind: link.kind,
            match: link.match,
            timepoint,
            instrument,
            responderRule: m.responderRule,
            n: m.n,
            responders: m.responders,
            share: m.responderShare,
            shareCI: m.responderShareCI,
          },
        ];
    }
    return [];
  });
}

/**
 * The decision-aid content release: the options in one template, with its version, date, update
 * policy, funding and conflict-of-interest statement, and what the decision is about (IPDAS
 * qualifying criteria 1–2 and certification criteria 3, 4 and 6; domain reference §6). A stored
 * decision names the `version` it was made with, so the audit shows exactly what the patient saw.
 *
 * Patient-facing text is plain (reading grade ≤ 8, checked by a test).
 */
import { cellOptions } from "./options-cell";
import { conservativeOptions } from "./options-conservative";
import { procedureOptions } from "./options-procedures";
import type { DecisionOption } from "./types";

export const decisionAidContent = {
  version: "2026.12.1",
  /** Production date (IPDAS certification 3). */
  publishedOn: "2026-12-07",
  /** The latest date for the next full review under the update policy. */
  reviewBy: "2027-12-07",
  /** patient: the condition (IPDAS qualifying 1). */
  condition:
    "Back pain that has lasted more than 3 months is common. It is often hard to find one clear cause. For most people it is not a sign of serious harm, and it often gets better over time, though it can come and go.",
  /** patient: the decision (IPDAS qualifying 2). */
  decision:
    "You are deciding what, if anything, to do next for your back pain. Your choices include waiting, exercise and other care without needles, medicines, shots, surgery, and experimental cell shots. You do not have to decide today.",
  /** patient: how the numbers work. */
  aboutTheNumbers:
    "We show numbers out of 100 people like you, over the same length of time where we can. Where studies do not give those numbers, we say so. We also say how sure the experts are about the evidence.",
  /** patient: IPDAS certification 4. */
  updatePolicy:
    "We check the evidence at least once a year, and sooner when a major new study or a change in the law comes out. Each version has a number and a date, and your record shows which version you saw.",
  /** patient: IPDAS certification 6 and conflicts of interest. */
  funding:
    "This guide was written for Evident, the software your clinic uses. No maker or seller of any treatment in it took part in writing it. Your clinic may offer some of these treatments and be paid for them. You can ask how.",
} as const;

/** Every option, self-care first, in one order for every screen (IPDAS: do not steer). */
export const decisionOptions: readonly DecisionOption[] = [
  ...conservativeOptions,
  ...procedureOptions,
  ...cellOptions,
];

export const decisionOptionIds: readonly string[] = decisionOptions.map((o) => o.id);

export function findOption(id: string): DecisionOption | undefined {
  return decisionOptions.find((o) => o.id === id);
}

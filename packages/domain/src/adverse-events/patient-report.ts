/**
 * "Report a problem" in the portal: the symptoms a patient can name, and what to tell them at
 * once. Fever or new weakness or numbness after a procedure can be the start of an infection
 * (discitis, epidural abscess) or nerve compression, which are treated best early; so those
 * reports show urgent advice immediately and open an urgent task for a clinician. The window is
 * 90 days after a procedure: infections after spinal injections and surgery usually show within
 * days to weeks but can appear later (expert judgement, not a trial threshold).
 *
 * Advice is written in our own words, at reading grade 8 or below (checked by a test). It names
 * the clinic's emergency number through a placeholder, filled in where it is shown
 * (emergency-number.ts).
 */
import { daysBetween, type IsoDate } from "../dates";
import { EMERGENCY_NUMBER } from "../emergency-number";

export const problemSymptoms = [
  "fever",
  "site-redness-discharge",
  "new-weakness-numbness",
  "severe-pain-flare",
  "rash-allergic-reaction",
  "other",
] as const;
export type ProblemSymptom = (typeof problemSymptoms)[number];

export const problemSymptomLabels: Record<ProblemSymptom, string> = {
  fever: "Fever (38 °C / 100.4 °F or higher) or chills",
  "site-redness-discharge": "Redness, swelling or fluid where the needle went in or where cells were taken",
  "new-weakness-numbness": "New weakness or numbness in a leg or foot",
  "severe-pain-flare": "Much worse pain than before",
  "rash-allergic-reaction": "Rash, itching or swelling of the face or lips",
  other: "Something else",
};

/** Days after a procedure during which fever or new weakness is urgent. */
export const URGENT_WINDOW_DAYS = 90;

export const PROCEDURE_CATEGORIES = ["injection", "cell-therapy", "surgery"] as const;

export type ProblemAdvice = {
  urgent: boolean;
  title: string;
  text: string;
  certainty: "expert judgement";
};

const URGENT: ProblemAdvice = {
  urgent: true,
  title: "Call the clinic now",
  text:
    "Fever or new weakness after a back procedure can be a sign of infection or a pressed nerve. " +
    "These need a doctor today. Call the clinic now. If you cannot reach them, go to an emergency " +
    `department. Call ${EMERGENCY_NUMBER} if you cannot pass urine, cannot control your bowels, ` +
    "or feel numb between your legs. We have told the clinic's clinicians about your report.",
  certainty: "expert judgement",
};

const ROUTINE: ProblemAdvice = {
  urgent: false,
  title: "Thank you, the clinic will look at this",
  text:
    "A clinician will read your report and contact you if needed. If you get a fever, new weakness " +
    `or numbness, or it gets much worse, call the clinic or ${EMERGENCY_NUMBER}. Do not wait for us.`,
  certainty: "expert judgement",
};

/** The advice to show at once, given the symptoms and the date of the latest procedure (if any). */
export function adviseOnProblem(
  symptoms: readonly ProblemSymptom[],
  lastProcedureDate: IsoDate | null,
  today: IsoDate,
): ProblemAdvice {
  const afterProcedure =
    lastProcedureDate !== null &&
    lastProcedureDate <= today &&
    daysBetween(lastProcedureDate, today) <= URGENT_WINDOW_DAYS;
  const alarming = symptoms.includes("fever") || symptoms.includes("new-weakness-numbness");
  return afterProcedure && alarming ? URGENT : ROUTINE;
}

export const allAdvice: readonly ProblemAdvice[] = [URGENT, ROUTINE];

/** The symptoms' names in Spanish (usted form), key for key. */
export const problemSymptomLabelsEs: Record<ProblemSymptom, string> = {
  fever: "Fiebre (38 °C / 100.4 °F o más) o escalofríos",
  "site-redness-discharge": "Rojez, hinchazón o líquido donde entró la aguja o donde le sacaron las células",
  "new-weakness-numbness": "Debilidad o adormecimiento nuevo en una pierna o un pie",
  "severe-pain-flare": "Mucho más dolor que antes",
  "rash-allergic-reaction": "Sarpullido, picor o hinchazón de la cara o los labios",
  other: "Otra cosa",
};

/**
 * The two pieces of advice in Spanish, chosen by the same rule (the server's `urgent`), so the
 * Spanish page can never be calmer than the English one.
 */
export const problemAdviceEs: Readonly<Record<"urgent" | "routine", Omit<ProblemAdvice, "certainty">>> = {
  urgent: {
    urgent: true,
    title: "Llame a la clínica ahora",
    text:
      "La fiebre o una debilidad nueva tras un procedimiento en la espalda pueden ser señal de infección o de " +
      "un nervio apretado. Lo tiene que ver un médico hoy. Llame a la clínica ahora. Si no le contestan, vaya " +
      `a urgencias. Llame al ${EMERGENCY_NUMBER} si no puede orinar, no controla la caca o tiene dormida la ` +
      "piel entre las piernas. Ya hemos avisado a los médicos de la clínica.",
  },
  routine: {
    urgent: false,
    title: "Gracias, la clínica lo va a mirar",
    text:
      "Un médico leerá su aviso y le llamará si hace falta. Si tiene fiebre, debilidad o adormecimiento nuevos, " +
      `o se pone mucho peor, llame a la clínica o al ${EMERGENCY_NUMBER}. No espere a que le llamemos.`,
  },
};

/**
 * The follow-up e-mails of contacts.ts in Spanish (usted form), for patients who read Spanish:
 * the same parts in the same order — what it is, why, the link, the last day, how long it takes,
 * and the warning signs that must not wait for a questionnaire.
 */
import type { IsoDate } from "../dates";
import type { ContactStep } from "./contacts";

const monthsEs = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
];

/** "2026-03-20" → "20 de marzo de 2026". */
export function dayInWordsEs(date: IsoDate): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${d} de ${monthsEs[(m ?? 1) - 1]} de ${y}`;
}

/** A timepoint's name in Spanish ("6 semanas"), as the portal shows it. */
export const timepointWordsEs: Readonly<Record<string, string>> = {
  "2w": "2 semanas",
  "6w": "6 semanas",
  "3m": "3 meses",
  "6m": "6 meses",
  "12m": "12 meses",
  "24m": "24 meses",
};

export function contactMessageEs(
  step: ContactStep,
  f: { timepoint: string; windowEnd: IsoDate; clinicName: string; emergencyNumber: string },
  link: string,
): { subject: string; body: string } {
  const baseline = f.timepoint === "baseline";
  const what = baseline
    ? "primer cuestionario"
    : `cuestionario de las ${timepointWordsEs[f.timepoint] ?? f.timepoint}`;
  const subject =
    step.number === 0
      ? `Su ${what} de ${f.clinicName} está listo`
      : `Recordatorio: su ${what} de ${f.clinicName}`;
  const why = baseline
    ? `Conteste antes de su tratamiento, por favor. Muestra cómo está su espalda ahora, para que ${f.clinicName} vea lo que cambia después.`
    : `Sus respuestas ayudan a ${f.clinicName} a ver cómo va su espalda desde el tratamiento.`;
  const opening =
    step.number === 0
      ? `Es el momento de su ${what}. ${why}`
      : `Le recordamos su ${what}.${baseline ? " Conteste antes de su tratamiento, por favor." : ""} Si ya lo ha contestado, ignore este mensaje.`;
  return {
    subject,
    body: [
      "Hola:",
      "",
      opening,
      "",
      `Contéstelo aquí (tendrá que entrar con su cuenta): ${link}`,
      "",
      `Puede contestar hasta el ${dayInWordsEs(f.windowEnd)}. Le llevará unos 10 minutos.`,
      "",
      `¿Tiene fiebre, poca fuerza nueva o la pierna dormida, o le cuesta orinar y es nuevo? Entonces no espere al cuestionario. Llame a la clínica o al ${f.emergencyNumber} ahora.`,
      "",
      `${f.clinicName}`,
    ].join("\n"),
  };
}

/**
 * The words of the exercise-programme card on the recovery page, in English and Spanish, key for
 * key. Reading grade ≤ 8 in English and INFLESZ ≥ 55 in Spanish (programme-copy.test.ts). The
 * card only counts what the patient ticks against the plan the clinic wrote down: it makes no
 * claim about what the sessions do.
 */
import { useLocalized } from "./language";

export const programmeCopy = {
  title: "Your exercise programme",
  plan: (programme: string, perWeek: number, weeks: number) =>
    `${programme}: ${perWeek} ${perWeek === 1 ? "session" : "sessions"} a week for ${weeks} weeks`,
  weekOf: (week: number, weeks: number) => `Week ${week} of ${weeks}`,
  thisWeek: (done: number, planned: number) => `This week: ${done} of ${planned} sessions`,
  soFar: (done: number, planned: number) => `So far: ${done} of ${planned} sessions`,
  weeksOnPlan: (on: number, past: number) =>
    past === 1
      ? on === 1
        ? "You did all your sessions last week."
        : "Last week you did fewer sessions than planned."
      : `You did all your sessions in ${on} of the past ${past} weeks.`,
  startsOn: (date: string) => `Your programme starts on ${date}.`,
  endedOn: (date: string, done: number, planned: number) =>
    `Your programme ended on ${date}. You did ${done} of ${planned} sessions. Ask your clinic what to do next.`,
  tickHelp: "Tick each day you did a session. You can fix a day if you make a mistake.",
  daysLabel: "Days with a session",
  saveFailed: "That was not saved. Please try again.",
};

type Widen<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : T;
export type ProgrammeCopy = { readonly [K in keyof typeof programmeCopy]: Widen<(typeof programmeCopy)[K]> };

export const programmeCopyEs: ProgrammeCopy = {
  title: "Su programa de ejercicio",
  plan: (programme: string, perWeek: number, weeks: number) =>
    `${programme}: ${perWeek} ${perWeek === 1 ? "sesión" : "sesiones"} a la semana durante ${weeks} semanas`,
  weekOf: (week: number, weeks: number) => `Semana ${week} de ${weeks}`,
  thisWeek: (done: number, planned: number) => `Esta semana: ${done} de ${planned} sesiones`,
  soFar: (done: number, planned: number) => `Hasta ahora: ${done} de ${planned} sesiones`,
  weeksOnPlan: (on: number, past: number) =>
    past === 1
      ? on === 1
        ? "La semana pasada hizo todas sus sesiones."
        : "La semana pasada hizo menos sesiones de las previstas."
      : `Hizo todas sus sesiones en ${on} de las últimas ${past} semanas.`,
  startsOn: (date: string) => `Su programa empieza el ${date}.`,
  endedOn: (date: string, done: number, planned: number) =>
    `Su programa terminó el ${date}. Hizo ${done} de ${planned} sesiones. Pregunte a su clínica qué hacer ahora.`,
  tickHelp: "Marque cada día en que hizo una sesión. Si se equivoca, puede cambiarlo.",
  daysLabel: "Días con sesión",
  saveFailed: "No se guardó. Por favor, inténtelo de nuevo.",
};

export function useProgrammeCopy(): ProgrammeCopy {
  return useLocalized({ en: programmeCopy, es: programmeCopyEs });
}

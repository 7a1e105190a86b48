/**
 * The library screens' own words, in English and Spanish key for key (the pages' content is the
 * domain's, `@evident/domain/library`). Reading grade ≤ 8 and INFLESZ ≥ 55 (copy.test.ts).
 */
import { useLocalized } from "../language";

export const libraryCopy = {
  title: "Learn about back pain",
  intro: "Short pages to read before you choose your care. Each one says where its facts come from.",
  cardTitle: "Learn about back pain",
  cardText: "Causes, warning signs, kinds of care and “stem cell” claims, in short pages.",
  open: "Open",
  openLibrary: "Read the library",
  warningSigns: "Read about warning signs",
  warningSignsHint: "Learn which signs need help fast, and where to go.",
  aboutChoices: "Want to know more first? Read about the kinds of care and “stem cell” shots.",
  treatmentsLink: "The kinds of treatment",
  stemCellLink: "“Stem cell” shots",
  sources: "Sources",
  version: (version: string, date: string) =>
    `This is version ${version} of the page. We last checked it on ${date}.`,
  certaintyHelp:
    "Each part shows where it comes from and how sure the experts are. An official source is a law, a regulator or a guideline.",
  allTopics: "All pages",
  notFound: "We could not find this page.",
  yourPortal: "Your portal",
  signIn: "Sign in",
  emergencyNumber: "your emergency number",
  trackRecords: "See the clinics that show their track record",
} as const;

type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;
export type LibraryCopy = { readonly [K in keyof typeof libraryCopy]: Widen<(typeof libraryCopy)[K]> };

export const libraryCopyEs: LibraryCopy = {
  title: "Sepa más del dolor de espalda",
  intro: "Páginas cortas para leer antes de elegir su cuidado. Cada una dice de dónde salen sus datos.",
  cardTitle: "Sepa más del dolor de espalda",
  cardText:
    "Causas, señales de alarma, tipos de cuidado y lo que se dice de las «células madre», en páginas cortas.",
  open: "Abrir",
  openLibrary: "Leer las páginas",
  warningSigns: "Lea sobre las señales de alarma",
  warningSignsHint: "Sepa qué señales piden ayuda rápida, y adónde ir.",
  aboutChoices:
    "¿Quiere saber más antes? Lea sobre los tipos de cuidado y las inyecciones de «células madre».",
  treatmentsLink: "Los tipos de tratamiento",
  stemCellLink: "Las «células madre»",
  sources: "Fuentes",
  version: (version: string, date: string) =>
    `Versión de la página: ${version}. La revisamos por última vez el ${date}.`,
  certaintyHelp:
    "Cada parte dice de dónde sale y lo seguros que están los expertos. Una fuente oficial es una ley, un organismo público o una guía.",
  allTopics: "Todas las páginas",
  notFound: "No hay una página con ese nombre.",
  yourPortal: "Su portal",
  signIn: "Entrar",
  emergencyNumber: "número de emergencias",
  trackRecords: "Vea las clínicas que muestran sus resultados",
};

export function useLibraryCopy(): LibraryCopy {
  return useLocalized({ en: libraryCopy, es: libraryCopyEs });
}

/** Readability: the Flesch–Kincaid grade of patient-facing text (see reading-grade.ts). */
export { countSyllables, type ReadingStats, readingGrade, readingStats, sentencesOf } from "./reading-grade";
export {
  countSyllablesEs,
  SPANISH_MIN_PERSPICUITY,
  type SpanishReadingStats,
  spanishPerspicuity,
  spanishReadingStats,
} from "./spanish";

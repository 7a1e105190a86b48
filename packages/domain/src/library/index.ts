/**
 * The education library: short, cited pages in English and Spanish (issue 16 item 4). Each page
 * is versioned on its own; the Spanish follows the English paragraph for paragraph and takes its
 * sources, certainty and version from it, so the two can never cite differently.
 */
import type { ContentLanguage } from "../evidence/types";
import { judgingClinicTopic, registriesTopic, stemCellTopic } from "./topics-claims";
import { libraryWordsEs } from "./topics-es";
import { backPainTopic, treatmentsTopic, warningSignsTopic } from "./topics-health";
import type { LibraryCertainty, LibraryTopic, LibraryTopicId } from "./types";

export {
  type LibraryCertainty,
  type LibraryParagraph,
  type LibrarySection,
  type LibraryTopic,
  type LibraryTopicId,
  type LibraryTopicWords,
  libraryCertainties,
  libraryTopicIds,
} from "./types";
export { libraryWordsEs };

/** Every page, in the order the index lists them: the back first, claims last. */
export const libraryTopics: readonly LibraryTopic[] = [
  backPainTopic,
  warningSignsTopic,
  treatmentsTopic,
  stemCellTopic,
  judgingClinicTopic,
  registriesTopic,
];

export const isLibraryTopicId = (id: string): id is LibraryTopicId => libraryTopics.some((t) => t.id === id);

/** A page in `lang`: the English page with the translation's words laid over it. */
export function localizedTopic(topic: LibraryTopic, lang: ContentLanguage): LibraryTopic {
  if (lang === "en") return topic;
  const w = libraryWordsEs[topic.id];
  return {
    ...topic,
    title: w.title,
    summary: w.summary,
    sections: topic.sections.map((s, i) => {
      const ws = w.sections[i];
      return {
        ...s,
        heading: ws?.heading ?? s.heading,
        paragraphs: s.paragraphs.map((p, j) => ({ ...p, text: ws?.paragraphs[j] ?? p.text })),
      };
    }),
  };
}

export function findLibraryTopic(id: string, lang: ContentLanguage = "en"): LibraryTopic | undefined {
  const topic = libraryTopics.find((t) => t.id === id);
  return topic && localizedTopic(topic, lang);
}

/** The label shown beside each paragraph, in each language. */
export const libraryCertaintyLabels: Readonly<Record<ContentLanguage, Record<LibraryCertainty, string>>> = {
  en: {
    official: "Official source",
    high: "High certainty",
    moderate: "Moderate certainty",
    low: "Low certainty",
    "very low": "Very low certainty",
    "not-rated": "Evidence not rated",
  },
  es: {
    official: "Fuente oficial",
    high: "Certeza alta",
    moderate: "Certeza moderada",
    low: "Certeza baja",
    "very low": "Certeza muy baja",
    "not-rated": "Datos sin valorar",
  },
};

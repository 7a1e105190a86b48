/**
 * A clinic's consent document, rendered from the template version in force, the clinic's name
 * and (procedure consent) its price; and the document's canonical text, which is what is hashed
 * (SHA-256, in the database layer) and kept with every signature. The canonical text is the
 * document exactly as read — title, each section with its sources and certainty, the confirmation
 * — as NFC with "\n" line ends, so the same words always give the same hash.
 */

import { isInvestigational, treatmentKinds } from "../catalogue/treatments";
import { badRequest } from "../errors";
import type {
  ConsentDocumentContent,
  ConsentDocumentInput,
  ConsentLanguage,
  ConsentPrice,
  ConsentSection,
} from "./types";
import { kindWordsEn, shamEn, wordsEn } from "./words-en";
import { kindWordsEs, shamEs, wordsEs } from "./words-es";

/** Bumped whenever a template's words change: a clinic's next document is then a new version. */
export const CONSENT_TEMPLATE_VERSION = "2026-12-1";

/** The kinds that need a procedure consent: the catalogue's investigational ones. */
export const consentKinds: readonly string[] = treatmentKinds
  .filter((k) => isInvestigational(k.id))
  .map((k) => k.id);

export function formatPrice(price: ConsentPrice, language: ConsentLanguage): string {
  return new Intl.NumberFormat(language === "es" ? "es-US" : "en-US", {
    style: "currency",
    currency: price.currency,
    maximumFractionDigits: 0,
  }).format(price.amount);
}

const plain = (id: string, heading: string, text: string): ConsentSection => ({
  id,
  heading,
  text,
  sources: [],
  certainty: null,
});

/** The document a clinic's patient reads, signs and whose hash is kept. */
export function consentDocument(input: ConsentDocumentInput): ConsentDocumentContent {
  const w = input.language === "es" ? wordsEs : wordsEn;
  const base = { language: input.language, templateVersion: CONSENT_TEMPLATE_VERSION };
  if (input.purpose === "research")
    return {
      ...base,
      purpose: "research",
      treatmentKind: null,
      title: w.research.title,
      sections: [
        plain("what", w.research.whatHeading, w.research.what(input.clinicName)),
        plain("pool", w.research.poolHeading, w.research.pool),
        plain("withdraw", w.research.withdrawHeading, w.research.withdraw),
      ],
      confirmation: w.research.confirmation,
    };
  if (input.purpose === "story")
    return {
      ...base,
      purpose: "story",
      treatmentKind: null,
      title: w.story.title,
      sections: [
        plain("what", w.story.whatHeading, w.story.what(input.clinicName)),
        plain("how", w.story.howHeading, w.story.how),
        plain("withdraw", w.story.withdrawHeading, w.story.withdraw),
      ],
      confirmation: w.story.confirmation,
    };
  const kind = input.treatmentKind ?? "";
  const k = (input.language === "es" ? kindWordsEs : kindWordsEn)[kind];
  if (!k || !consentKinds.includes(kind))
    throw badRequest(
      `must be an investigational treatment kind: ${consentKinds.join(", ")}`,
      "treatmentKind",
    );
  if (!input.price) throw badRequest("is required for a procedure consent", "price");
  const sham = input.language === "es" ? { ...shamEn, ...shamEs } : shamEn;
  const p = w.procedure;
  return {
    ...base,
    purpose: "procedure",
    treatmentKind: kind,
    title: p.title(k.name),
    sections: [
      plain("about", p.aboutHeading, p.about(input.clinicName, k.name)),
      plain("what", p.whatHeading, k.whatItIs),
      {
        id: "regulatory",
        heading: p.regulatoryHeading,
        text: k.regulatory.text,
        sources: k.regulatory.sources,
        certainty: null,
      },
      { id: "evidence", heading: p.evidenceHeading, ...k.evidence },
      { id: "sham", ...sham },
      plain("harms", p.harmsHeading, k.harms),
      plain("price", p.priceHeading, p.price(input.clinicName, formatPrice(input.price, input.language))),
      plain("choice", p.choiceHeading, p.choice),
    ],
    confirmation: p.confirmation(k.name),
  };
}

/** The certainty label as the patient reads it ("How sure we are: very low"). */
export function certaintyLine(section: ConsentSection, language: ConsentLanguage): string | null {
  if (section.certainty === null) return null;
  const w = language === "es" ? wordsEs : wordsEn;
  return `${w.certaintyLabel}: ${w.certainty[section.certainty]}`;
}

/** The text that is hashed and signed: the document exactly as read, in a fixed layout. */
export function canonicalText(doc: ConsentDocumentContent): string {
  const w = doc.language === "es" ? wordsEs : wordsEn;
  const lines = [
    `# ${doc.title}`,
    `template ${doc.templateVersion} · ${doc.purpose}${doc.treatmentKind ? ` · ${doc.treatmentKind}` : ""} · ${doc.language}`,
  ];
  for (const s of doc.sections) {
    lines.push("", `## ${s.heading}`, s.text);
    const certainty = certaintyLine(s, doc.language);
    if (certainty) lines.push(certainty);
    if (s.sources.length > 0) lines.push(`${w.sourcesLabel}: ${s.sources.join("; ")}`);
  }
  lines.push("", doc.confirmation);
  return `${lines.join("\n").normalize("NFC")}\n`;
}

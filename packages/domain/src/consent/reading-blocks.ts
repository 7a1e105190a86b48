/**
 * Every consent text a patient reads, as the blocks read together (a section with its heading and
 * certainty line, a teach-back question with its answers, an explanation), for the readability
 * and forbidden-claims tests of both languages (readability/patient-texts*.test.ts).
 */
import { canonicalText, certaintyLine, consentDocument, consentKinds } from "./documents";
import { teachBackQuestions } from "./teach-back";
import { type ConsentLanguage, consentPurposes } from "./types";

export function consentReadingBlocks(language: ConsentLanguage): { where: string; text: string }[] {
  const blocks: { where: string; text: string }[] = [];
  const price = { amount: 8900, currency: "USD" };
  for (const purpose of consentPurposes)
    for (const kind of purpose === "procedure" ? consentKinds : [null]) {
      const doc = consentDocument({
        purpose,
        treatmentKind: kind,
        language,
        clinicName: "Spine Clinic",
        price,
      });
      const at = `consent-doc.${purpose}${kind ? `.${kind}` : ""}`;
      blocks.push({ where: `${at}.title`, text: `${doc.title}.\n${doc.confirmation}` });
      for (const s of doc.sections)
        blocks.push({
          where: `${at}.${s.id}`,
          text: [`${s.heading}.`, s.text, certaintyLine(s, language)].filter(Boolean).join("\n"),
        });
      if (canonicalText(doc).length === 0) throw new Error("empty consent document");
    }
  for (const kind of consentKinds)
    for (const q of teachBackQuestions(kind, language)) {
      blocks.push({
        where: `consent-check.${kind}.${q.id}`,
        text: [q.text, ...q.options.map((o) => `${o.label}.`)].join("\n"),
      });
      blocks.push({ where: `consent-check.${kind}.${q.id}.why`, text: q.explanation });
    }
  return blocks;
}

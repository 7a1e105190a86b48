/**
 * An instrument definition as a FHIR R4 Questionnaire (canonical URL + version, so a stored
 * response can name exactly what was asked).
 *
 * - code: the LOINC panel where one exists, always with the local instrument code;
 * - items: linkId = the public item id; code = the local item code (and LOINC where the
 *   definition has one); integer items carry the core minValue/maxValue extensions; choice
 *   items list their options as codings with the item score as `ordinalValue`;
 * - PROMIS-29 domains become group items; a stem ("In the past 7 days") and the labels of a
 *   rating scale's ends become display items nested under their question, so nothing the
 *   patient reads is lost;
 * - copyright carries the licence holder and terms.
 */
import type { InstrumentDefinition, Item } from "../instruments/types";
import { answerCode, fhirId, hl7, local, questionnaireUrl } from "./codes";
import type { Coding, Questionnaire, QuestionnaireItem } from "./types";

/** "nrs_back" → "NrsBack": Questionnaire.name must be usable as a machine identifier (que-0). */
const pascal = (id: string) =>
  id
    .split(/[_-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");

/** The coding of one answer option, shared by the Questionnaire and the QuestionnaireResponse. */
export function optionCoding(item: Item, value: number | boolean): Coding {
  const label = item.options?.find((o) => o.value === value)?.label;
  return local("answers", answerCode(item.id, value), label);
}

function questionItem(def: InstrumentDefinition, item: Item): QuestionnaireItem {
  const standard = def.codes?.items?.[item.id];
  const q: QuestionnaireItem = {
    linkId: item.id,
    code: [...(standard ? [{ ...standard }] : []), local("items", item.id)],
    text: item.text,
    type: item.type,
    required: !item.optional,
  };
  if (item.type === "integer") {
    q.extension = [
      { url: hl7.minValue, valueInteger: item.min! },
      { url: hl7.maxValue, valueInteger: item.max! },
    ];
  }
  if (item.type === "choice") {
    q.answerOption = (item.options ?? []).map((o) => ({
      valueCoding: optionCoding(item, o.value),
      ...(typeof o.value === "number"
        ? { extension: [{ url: hl7.ordinalValue, valueDecimal: o.value }] }
        : {}),
    }));
  }
  const notes: QuestionnaireItem[] = [];
  if (item.context) notes.push({ linkId: `${item.id}.context`, type: "display", text: item.context });
  if (item.anchors)
    notes.push({
      linkId: `${item.id}.anchors`,
      type: "display",
      text: `${item.min} = ${item.anchors.min}; ${item.max} = ${item.anchors.max}`,
    });
  if (notes.length > 0) q.item = notes;
  return q;
}

/** A Questionnaire as Evident builds it: always identified, versioned and with items. */
export type InstrumentQuestionnaire = Questionnaire &
  Required<Pick<Questionnaire, "id" | "url" | "version" | "name" | "item">>;

export function toQuestionnaire(def: InstrumentDefinition): InstrumentQuestionnaire {
  const form = def.codes?.form;
  const items: QuestionnaireItem[] = def.groups
    ? def.groups.map((g) => ({
        linkId: g.id,
        text: g.title,
        type: "group",
        required: false,
        item: def.items.filter((i) => i.group === g.id).map((i) => questionItem(def, i)),
      }))
    : def.items.map((i) => questionItem(def, i));
  return {
    resourceType: "Questionnaire",
    id: fhirId(def.id),
    url: questionnaireUrl(def.id),
    version: def.version,
    name: pascal(def.id),
    title: def.title,
    status: "active",
    subjectType: ["Patient"],
    code: [...(form ? [{ ...form }] : []), local("instruments", def.id, def.title)],
    description: `${def.instructions} Recall: ${def.recallPeriod}. Score: ${def.scoreMeaning}`,
    copyright: `${def.licence.holder}. ${def.licence.terms}`,
    item: items,
  };
}

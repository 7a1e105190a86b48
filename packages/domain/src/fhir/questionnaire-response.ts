/**
 * A stored response as a FHIR R4 QuestionnaireResponse, and back.
 *
 * The response names the Questionnaire with its version (`url|version`) and mirrors its
 * structure: linkIds are the item ids, PROMIS-29 answers sit inside their domain's group.
 * Answers: integer → valueInteger, yes/no → valueBoolean, choice → valueCoding (the same coding
 * as the Questionnaire's answer option). An unanswered item is left out, as FHIR expects, and
 * a group with no answers is left out with it.
 *
 * Status: "completed" when every required item (every item but the optional ones, such as ODI
 * section 8) is answered. A stored response may lack some (a paper form with blanks, which the
 * missing-data rules score or refuse); FHIR says a completed response has all required items, so
 * such a response is "stopped" (partially filled in, no more changes expected) unless the
 * caller says otherwise.
 *
 * `fromQuestionnaireResponse` reads answers back by item id and refuses what the instrument
 * would refuse (unknown linkIds, codes from another item, wrong value types), naming each
 * linkId, so a response from elsewhere enters through the same validation as the API.
 */
import { badRequest, type Issue } from "../errors";
import type { Answers, AnswerValue, InstrumentDefinition, Item } from "../instruments/types";
import { validateAnswers } from "../instruments/validate";
import { answerCode, localSystems, questionnaireUrl } from "./codes";
import { optionCoding } from "./questionnaire";
import type {
  Patient,
  QuestionnaireResponse,
  QuestionnaireResponseItemAnswer as QuestionnaireResponseAnswer,
  QuestionnaireResponseItem,
  Reference,
} from "./types";

type QuestionnaireResponseStatus = QuestionnaireResponse["status"];

export type StoredResponse = {
  answers: Answers;
  /** When the patient completed it (ISO 8601 date-time with offset). */
  authored: string;
  status?: QuestionnaireResponseStatus;
  subject?: Reference<Patient>;
  id?: string;
};

const isAnswered = (v: AnswerValue | undefined) => v !== null && v !== undefined;

function answerOf(item: Item, value: AnswerValue | undefined): QuestionnaireResponseAnswer | null {
  if (value === null || value === undefined) return null;
  if (item.type === "boolean") return { valueBoolean: value as boolean };
  if (item.type === "integer") return { valueInteger: value as number };
  return { valueCoding: optionCoding(item, value) };
}

function responseItem(item: Item, answers: Answers): QuestionnaireResponseItem | null {
  const answer = answerOf(item, answers[item.id]);
  return answer ? { linkId: item.id, text: item.text, answer: [answer] } : null;
}

export function toQuestionnaireResponse(
  def: InstrumentDefinition,
  stored: StoredResponse,
): QuestionnaireResponse {
  const present = (xs: (QuestionnaireResponseItem | null)[]) =>
    xs.filter((x): x is QuestionnaireResponseItem => x !== null);
  const items = def.groups
    ? present(
        def.groups.map((g) => {
          const inner = present(
            def.items.filter((i) => i.group === g.id).map((i) => responseItem(i, stored.answers)),
          );
          return inner.length > 0 ? { linkId: g.id, text: g.title, item: inner } : null;
        }),
      )
    : present(def.items.map((i) => responseItem(i, stored.answers)));
  return {
    resourceType: "QuestionnaireResponse",
    ...(stored.id ? { id: stored.id } : {}),
    questionnaire: `${questionnaireUrl(def.id)}|${def.version}`,
    status:
      stored.status ??
      (def.items.every((i) => i.optional || isAnswered(stored.answers[i.id])) ? "completed" : "stopped"),
    ...(stored.subject ? { subject: stored.subject } : {}),
    authored: stored.authored,
    ...(items.length > 0 ? { item: items } : {}),
  };
}

function answerValueOf(item: Item, answer: QuestionnaireResponseAnswer): unknown {
  if (item.type === "boolean") return answer.valueBoolean;
  if (item.type === "integer") return answer.valueInteger;
  const coding = answer.valueCoding;
  if (!coding || coding.system !== localSystems.answers) return undefined;
  const option = item.options?.find((o) => answerCode(item.id, o.value) === coding.code);
  return option ? option.value : undefined;
}

/** Reads answers back by item id; throws a bad request naming each unreadable linkId. */
export function fromQuestionnaireResponse(def: InstrumentDefinition, qr: QuestionnaireResponse): Answers {
  const byId = new Map(def.items.map((i) => [i.id, i]));
  const groups = new Set((def.groups ?? []).map((g) => g.id));
  const answers: Record<string, unknown> = {};
  const issues: Issue[] = [];
  function walk(items: readonly QuestionnaireResponseItem[], path: string): void {
    for (const [n, ri] of items.entries()) {
      const where = `${path}[${n}]`;
      const item = byId.get(ri.linkId);
      if (groups.has(ri.linkId)) walk(ri.item ?? [], `${where}.item`);
      else if (!item)
        issues.push({ path: `${where}.linkId`, message: `unknown item ${ri.linkId} for ${def.id}` });
      else if ((ri.answer ?? []).length > 1)
        issues.push({ path: `${where}.answer`, message: `${ri.linkId} takes one answer` });
      else if (ri.answer?.[0]) {
        const value = answerValueOf(item, ri.answer[0]);
        if (value === undefined)
          issues.push({
            path: `${where}.answer[0]`,
            message: `${ri.linkId}: not a ${item.type} answer of this item`,
          });
        else answers[ri.linkId] = value;
      }
    }
  }
  const [url] = (qr.questionnaire ?? "").split("|");
  if (url !== questionnaireUrl(def.id))
    issues.push({
      path: "questionnaire",
      message: `is not the ${def.id} questionnaire (${questionnaireUrl(def.id)})`,
    });
  walk(qr.item ?? [], "item");
  for (const i of validateAnswers(def, answers)) issues.push(i);
  if (issues.length > 0) throw badRequest(issues);
  return answers as Answers;
}

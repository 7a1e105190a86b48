/**
 * Checks the Medplum validator (@medplum/core 4.x validateResource) does not make: it checks
 * structure and invariants but not required terminology bindings (it accepts
 * QuestionnaireResponse.status "done"), and it cannot check a response against its
 * Questionnaire. This adds, for the resources Evident emits:
 *
 * - required bindings: Questionnaire.status, item.type; QuestionnaireResponse.status;
 *   Observation.status; AdverseEvent.actuality, severity and outcome (and a subject); Consent.status
 *   and provision.type (and a patient);
 * - every item has a linkId, unique within a Questionnaire; group items have children, display
 *   items have none and are not required; answer options only on choice items;
 * - a response against its Questionnaire: each linkId exists at the same place, answers have the
 *   item's type and one of its options, one answer per item, required items answered when
 *   completed, no item without an answer or children;
 * - every Coding has an absolute system URI and a code; an Observation has a code, a value (or
 *   components, or a dataAbsentReason) and the "survey" category.
 *
 * Input is untyped JSON, so a resource built by hand or read from elsewhere can be checked.
 */
import type { Issue } from "../errors";

type Json = Record<string, unknown>;

const bindings = {
  publicationStatus: ["draft", "active", "retired", "unknown"],
  itemType: [
    "group",
    "display",
    "question",
    "boolean",
    "decimal",
    "integer",
    "date",
    "dateTime",
    "time",
    "string",
    "text",
    "url",
    "choice",
    "open-choice",
    "attachment",
    "reference",
    "quantity",
  ],
  responseStatus: ["in-progress", "completed", "amended", "entered-in-error", "stopped"],
  /** AdverseEvent.actuality, .severity and .outcome have required bindings in R4. */
  aeActuality: ["actual", "potential"],
  aeSeverity: ["mild", "moderate", "severe"],
  aeOutcome: ["resolved", "recovering", "ongoing", "resolvedWithSequelae", "fatal", "unknown"],
  /** Consent.status and .provision.type have required bindings in R4. */
  consentStatus: ["draft", "proposed", "active", "rejected", "inactive", "entered-in-error"],
  provisionType: ["deny", "permit"],
  observationStatus: [
    "registered",
    "preliminary",
    "final",
    "amended",
    "corrected",
    "cancelled",
    "entered-in-error",
    "unknown",
  ],
} as const;

const valueKey: Record<string, string> = {
  integer: "valueInteger",
  boolean: "valueBoolean",
  choice: "valueCoding",
};

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

function inBinding(issues: Issue[], path: string, value: unknown, allowed: readonly string[]) {
  if (typeof value !== "string") issues.push({ path, message: "is required" });
  else if (!allowed.includes(value))
    issues.push({ path, message: `"${value}" is not one of ${allowed.join(", ")}` });
}

/** Every Coding anywhere in the resource: absolute system, non-empty code. */
function checkCodings(value: unknown, path: string, issues: Issue[]): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) checkCodings(v, `${path}[${i}]`, issues);
    return;
  }
  if (!isObject(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const here = `${path}.${k}`;
    if ((k === "coding" || k === "valueCoding" || k === "code") && (Array.isArray(v) || isObject(v))) {
      const codings = Array.isArray(v) ? v : [v];
      codings.forEach((c, i) => {
        if (!isObject(c) || !("system" in c || "code" in c)) return;
        const where = Array.isArray(v) ? `${here}[${i}]` : here;
        if (typeof c.system !== "string" || !/^(https?|urn):/.test(c.system))
          issues.push({ path: `${where}.system`, message: "must be an absolute URI" });
        if (typeof c.code !== "string" || c.code.trim() === "")
          issues.push({ path: `${where}.code`, message: "is required" });
      });
    }
    checkCodings(v, here, issues);
  }
}

function checkQuestionnaireItems(items: Json[], path: string, seen: Set<string>, issues: Issue[]): void {
  items.forEach((item, i) => {
    const where = `${path}[${i}]`;
    const linkId = item.linkId;
    if (typeof linkId !== "string" || linkId === "")
      issues.push({ path: `${where}.linkId`, message: "is required" });
    else if (seen.has(linkId))
      issues.push({ path: `${where}.linkId`, message: `duplicate linkId ${linkId}` });
    else seen.add(linkId);
    inBinding(issues, `${where}.type`, item.type, bindings.itemType);
    const children = list(item.item);
    if (item.type === "group" && children.length === 0)
      issues.push({ path: `${where}.item`, message: "a group needs nested items" });
    if (item.type === "display" && (children.length > 0 || item.required === true))
      issues.push({ path: where, message: "a display item has no nested items and is not required" });
    if (item.answerOption !== undefined && item.type !== "choice" && item.type !== "open-choice")
      issues.push({ path: `${where}.answerOption`, message: "only choice items have answer options" });
    checkQuestionnaireItems(children, `${where}.item`, seen, issues);
  });
}

function checkResponseItems(
  items: Json[],
  definitions: Json[] | null,
  completed: boolean,
  path: string,
  issues: Issue[],
): void {
  const byLinkId = new Map((definitions ?? []).map((d) => [d.linkId, d]));
  items.forEach((item, i) => {
    const where = `${path}[${i}]`;
    if (typeof item.linkId !== "string" || item.linkId === "") {
      issues.push({ path: `${where}.linkId`, message: "is required" });
      return;
    }
    const answers = list(item.answer);
    const children = list(item.item);
    if (answers.length > 0 && children.length > 0)
      issues.push({ path: where, message: "has both answers and nested items" });
    if (answers.length === 0 && children.length === 0)
      issues.push({ path: where, message: "has neither an answer nor nested items; leave it out" });
    const def = definitions ? byLinkId.get(item.linkId) : undefined;
    if (definitions && !def) {
      issues.push({
        path: `${where}.linkId`,
        message: `${item.linkId} is not an item here in the questionnaire`,
      });
      return;
    }
    if (def) {
      if (answers.length > 1 && def.repeats !== true)
        issues.push({ path: `${where}.answer`, message: "takes one answer" });
      const key = valueKey[String(def.type)];
      answers.forEach((a, n) => {
        if (!key) return;
        if (!(key in a))
          issues.push({ path: `${where}.answer[${n}]`, message: `needs ${key} for this ${def.type} item` });
        else if (key === "valueCoding") {
          const c = a.valueCoding as Json;
          const ok = list(def.answerOption).some((o) => {
            const oc = o.valueCoding as Json | undefined;
            return oc?.system === c.system && oc?.code === c.code;
          });
          if (!ok)
            issues.push({
              path: `${where}.answer[${n}].valueCoding`,
              message: "is not one of the item's options",
            });
        }
      });
    }
    checkResponseItems(children, def ? list(def.item) : null, completed, `${where}.item`, issues);
  });
  if (completed && definitions) {
    const answered = new Set(items.map((i) => i.linkId));
    for (const d of definitions)
      if (d.required === true && d.type !== "display" && !answered.has(d.linkId))
        issues.push({ path, message: `required item ${String(d.linkId)} is not answered` });
  }
}

/**
 * Issues Medplum's validator would not report. Pass the Questionnaire to check a response
 * against it. An empty list means the checks here pass (run validateResource as well).
 */
export function checkResource(resource: unknown, questionnaire?: unknown): Issue[] {
  const issues: Issue[] = [];
  if (!isObject(resource)) return [{ path: "", message: "must be a FHIR resource object" }];
  const type = resource.resourceType;
  checkCodings(resource, String(type), issues);
  if (type === "Questionnaire") {
    inBinding(issues, "Questionnaire.status", resource.status, bindings.publicationStatus);
    checkQuestionnaireItems(list(resource.item), "Questionnaire.item", new Set(), issues);
  } else if (type === "QuestionnaireResponse") {
    inBinding(issues, "QuestionnaireResponse.status", resource.status, bindings.responseStatus);
    if (typeof resource.questionnaire !== "string")
      issues.push({ path: "QuestionnaireResponse.questionnaire", message: "is required" });
    const q = isObject(questionnaire) ? questionnaire : null;
    if (q && typeof resource.questionnaire === "string") {
      const [url, version] = resource.questionnaire.split("|");
      if (url !== q.url || (version !== undefined && version !== q.version))
        issues.push({
          path: "QuestionnaireResponse.questionnaire",
          message: `is not ${String(q.url)}|${String(q.version)}`,
        });
    }
    const completed = resource.status === "completed";
    checkResponseItems(
      list(resource.item),
      q ? list(q.item) : null,
      completed,
      "QuestionnaireResponse.item",
      issues,
    );
  } else if (type === "Observation") {
    inBinding(issues, "Observation.status", resource.status, bindings.observationStatus);
    const code = resource.code as Json | undefined;
    if (!code || list(code.coding).length === 0)
      issues.push({ path: "Observation.code", message: "needs a coding" });
    const survey = list(resource.category).some((c) =>
      list(c.coding).some(
        (x) =>
          x.system === "http://terminology.hl7.org/CodeSystem/observation-category" && x.code === "survey",
      ),
    );
    if (!survey) issues.push({ path: "Observation.category", message: 'needs the "survey" category' });
    const hasValue = Object.keys(resource).some((k) => k.startsWith("value")) || "component" in resource;
    if (!hasValue && !("dataAbsentReason" in resource))
      issues.push({ path: "Observation", message: "needs a value, components or a dataAbsentReason" });
  } else if (type === "AdverseEvent") {
    inBinding(issues, "AdverseEvent.actuality", resource.actuality, bindings.aeActuality);
    const subject = resource.subject as Json | undefined;
    if (typeof subject?.reference !== "string")
      issues.push({ path: "AdverseEvent.subject", message: "needs a reference to the patient" });
    for (const key of ["severity", "outcome"] as const) {
      const concept = resource[key] as Json | undefined;
      if (concept === undefined) continue;
      for (const [i, c] of list(concept.coding).entries())
        inBinding(
          issues,
          `AdverseEvent.${key}.coding[${i}].code`,
          c.code,
          key === "severity" ? bindings.aeSeverity : bindings.aeOutcome,
        );
    }
  } else if (type === "Consent") {
    inBinding(issues, "Consent.status", resource.status, bindings.consentStatus);
    const patient = resource.patient as Json | undefined;
    if (typeof patient?.reference !== "string")
      issues.push({ path: "Consent.patient", message: "needs a reference to the patient" });
    const provision = resource.provision as Json | undefined;
    if (provision?.type !== undefined)
      inBinding(issues, "Consent.provision.type", provision.type, bindings.provisionType);
  } else {
    issues.push({ path: "resourceType", message: `${String(type)} is not a resource Evident emits` });
  }
  return issues;
}

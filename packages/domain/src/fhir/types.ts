/**
 * The few FHIR R4 data types and resources Evident emits, typed by hand: the domain is pure and
 * has no runtime dependencies, and these shapes are small. Names and cardinalities follow the
 * R4 (4.0.1) specification; only the elements we fill are declared.
 */

export type Coding = { system: string; code: string; display?: string };
export type CodeableConcept = { coding?: Coding[]; text?: string };
export type Reference = { reference?: string; display?: string };
export type Quantity = { value: number; unit?: string; system?: string; code?: string };
export type Extension = { url: string; valueInteger?: number; valueDecimal?: number };

export type QuestionnaireItemType = "group" | "display" | "boolean" | "integer" | "choice";

export type QuestionnaireAnswerOption = { valueCoding: Coding; extension?: Extension[] };

export type QuestionnaireItem = {
  linkId: string;
  code?: Coding[];
  text?: string;
  type: QuestionnaireItemType;
  required?: boolean;
  extension?: Extension[];
  answerOption?: QuestionnaireAnswerOption[];
  item?: QuestionnaireItem[];
};

export type Questionnaire = {
  resourceType: "Questionnaire";
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  status: "draft" | "active" | "retired" | "unknown";
  subjectType: string[];
  code?: Coding[];
  description?: string;
  copyright: string;
  item: QuestionnaireItem[];
};

export type QuestionnaireResponseAnswer = {
  valueInteger?: number;
  valueBoolean?: boolean;
  valueCoding?: Coding;
};

export type QuestionnaireResponseItem = {
  linkId: string;
  text?: string;
  answer?: QuestionnaireResponseAnswer[];
  item?: QuestionnaireResponseItem[];
};

export type QuestionnaireResponseStatus =
  | "in-progress"
  | "completed"
  | "amended"
  | "entered-in-error"
  | "stopped";

export type QuestionnaireResponse = {
  resourceType: "QuestionnaireResponse";
  id?: string;
  questionnaire: string;
  status: QuestionnaireResponseStatus;
  subject?: Reference;
  authored?: string;
  item?: QuestionnaireResponseItem[];
};

export type ObservationComponent = {
  code: CodeableConcept;
  valueQuantity?: Quantity;
  valueInteger?: number;
};

export type Observation = {
  resourceType: "Observation";
  id?: string;
  status: "final" | "amended" | "preliminary";
  category: CodeableConcept[];
  code: CodeableConcept;
  subject?: Reference;
  effectiveDateTime?: string;
  derivedFrom?: Reference[];
  method?: CodeableConcept;
  valueQuantity?: Quantity;
  valueInteger?: number;
  valueString?: string;
  valueCodeableConcept?: CodeableConcept;
  interpretation?: CodeableConcept[];
  component?: ObservationComponent[];
};

/** The AdverseEvent Evident emits (adverse-events/export.ts builds it). */
export type AdverseEvent = {
  resourceType: "AdverseEvent";
  id: string;
  actuality: string;
  subject: Reference;
  [element: string]: unknown;
};

export type FhirResource = Questionnaire | QuestionnaireResponse | Observation | AdverseEvent;

export type BundleEntry = {
  fullUrl?: string;
  resource: FhirResource;
  search?: { mode: "match" | "include" | "outcome" };
};

export type Bundle = {
  resourceType: "Bundle";
  type: "searchset";
  total: number;
  link?: { relation: string; url: string }[];
  entry?: BundleEntry[];
};

export type OperationOutcomeIssue = {
  severity: "fatal" | "error" | "warning" | "information";
  code: string;
  diagnostics?: string;
  expression?: string[];
};

export type OperationOutcome = { resourceType: "OperationOutcome"; issue: OperationOutcomeIssue[] };

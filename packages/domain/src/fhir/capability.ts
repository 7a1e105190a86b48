/**
 * The server's CapabilityStatement (R4 `metadata` interaction): FHIR 4.0.1, JSON only, SMART
 * Backend Services as the security service, each resource type with its interactions (read,
 * search-type) and the search parameters `search.ts` actually parses — one table, so the
 * statement cannot advertise a parameter the server refuses, or the other way round — and the
 * Bulk Data `$export` operations (system, Patient and Group level; bulk.ts).
 */
import { searchParams, searchTypes } from "./search";

const bulkData = "http://hl7.org/fhir/uv/bulkdata";
const exportOperation = (definition: string) => [
  { name: "export", definition: `${bulkData}/OperationDefinition/${definition}` },
];

import type { CapabilityStatement } from "./types";

export function capabilityStatement(opts: {
  base: string;
  version: string;
  date: string;
  tokenUrl: string;
}): CapabilityStatement {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: opts.date,
    kind: "instance",
    instantiates: [`${bulkData}/CapabilityStatement/bulk-data`],
    publisher: "Evident",
    software: { name: "Evident", version: opts.version },
    implementation: { description: "Evident FHIR API", url: opts.base },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json", "json"],
    rest: [
      {
        mode: "server",
        security: {
          cors: false,
          service: [
            {
              coding: [
                {
                  system: "http://terminology.hl7.org/CodeSystem/restful-security-service",
                  code: "SMART-on-FHIR",
                },
              ],
              text: "SMART Backend Services (client credentials with a signed JWT); staff sessions for the web app",
            },
          ],
          extension: [
            {
              url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
              extension: [{ url: "token", valueUri: opts.tokenUrl }],
            },
          ],
        },
        resource: searchTypes.map((type) => ({
          type,
          interaction: [{ code: "read" }, { code: "search-type" }],
          versioning: "versioned",
          readHistory: false,
          searchParam: Object.entries(searchParams[type]).map(([name, p]) => ({
            name,
            type: p.kind,
            documentation: p.doc,
          })),
          ...(type === "Patient" ? { operation: exportOperation("patient-export") } : {}),
          ...(type === "Group" ? { operation: exportOperation("group-export") } : {}),
        })),
        operation: exportOperation("export"),
      },
    ],
  };
}

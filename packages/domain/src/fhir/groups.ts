/**
 * The clinic's cohorts as FHIR Groups, for Bulk Data's `Group/{id}/$export`: one Group per
 * treatment kind of the catalogue, "every patient of the clinic with a treatment of this kind",
 * defined by its characteristic (a local treatment-kind code) rather than by a member list, which
 * at registry size would be the whole cohort in one resource. `actual: true` (real people, not a
 * description of a kind of person) with `quantity`, the clinic's count when it was read.
 */
import { treatmentKinds } from "../catalogue/treatments";
import { fhirId, local } from "./codes";
import type { Group } from "./types";

const PREFIX = "treatment-";

/** The Group id of a treatment kind: "treatment-bone-marrow-concentrate". */
export const groupIdOf = (kind: string) => `${PREFIX}${fhirId(kind)}`;

/** The treatment kind a Group id names, or undefined for an id that is not a Group of ours. */
export function groupKind(id: string): string | undefined {
  if (!id.startsWith(PREFIX)) return undefined;
  return treatmentKinds.find((k) => groupIdOf(k.id) === id)?.id;
}

/** Every Group id, in catalogue order. */
export const groupIds = (): string[] => treatmentKinds.map((k) => groupIdOf(k.id));

export function toFhirGroup(kind: string, quantity: number): Group & { id: string } {
  const info = treatmentKinds.find((k) => k.id === kind);
  const label = info?.label ?? kind;
  return {
    resourceType: "Group",
    id: groupIdOf(kind),
    type: "person",
    actual: true,
    code: { coding: [local("cohorts", "treatment-kind", "Patients by treatment kind")] },
    name: `Patients treated with ${label}`,
    quantity,
    characteristic: [
      {
        code: { coding: [local("cohorts", "treatment-kind", "Treatment kind")], text: "Treatment kind" },
        valueCodeableConcept: { coding: [local("treatments", kind, label)], text: label },
        exclude: false,
      },
    ],
  };
}

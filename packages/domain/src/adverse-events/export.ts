/**
 * An adverse event for the outside world: a MedWatch-style report (the fields of FDA Form 3500A's
 * sections that a clinic can fill: patient, event, product, reporter; JSON here, PDF drawn from
 * the same object by the server) and a FHIR R4 AdverseEvent. Identifiers stay internal ids; the
 * patient appears by initials, age and sex only, as on a MedWatch form.
 */
import { ageOn } from "../dates";
import type { AdverseEvent, Coding } from "../fhir/types";
import { procedureFacts } from "../pathway/procedure-words";
import { type AeKind, aeKindLabels, type ReportingClock, type Seriousness } from "./rules";

export type AdverseEventRecord = {
  id: string;
  kind: AeKind;
  onsetDate: string;
  awareDate: string;
  severity: number;
  seriousness: Seriousness[];
  relatedness: string | null;
  expected: boolean | null;
  outcome: string;
  actions: string | null;
  description: string | null;
  clock: ReportingClock;
  submittedAt: string | null;
  /** The record's version and when it last changed (FHIR meta.versionId and meta.lastUpdated). */
  version?: number;
  lastUpdated?: string;
  patient: { id: string; givenName: string; familyName: string; birthDate: string; sex: string };
  treatment: {
    id: string;
    kind: string;
    label: string;
    date: string;
    regulatoryPathway: string | null;
    /** The procedure record (pathway/procedure.ts), when one was kept. */
    procedure?: unknown;
  } | null;
  clinic: { name: string };
};

export function medwatchReport(e: AdverseEventRecord) {
  return {
    format: "evident-medwatch-style/1",
    note: "Structured after FDA Form 3500A sections A, B, D and G; not an official FDA submission.",
    a_patient: {
      initials: `${e.patient.givenName.charAt(0)}${e.patient.familyName.charAt(0)}`.toUpperCase(),
      ageAtEvent: ageOn(e.patient.birthDate, e.onsetDate),
      sex: e.patient.sex,
    },
    b_event: {
      type: aeKindLabels[e.kind],
      description: e.description,
      onsetDate: e.onsetDate,
      ctcaeGrade: e.severity,
      seriousness: e.seriousness,
      outcome: e.outcome,
      actionsTaken: e.actions,
    },
    d_product: e.treatment
      ? {
          treatment: e.treatment.label,
          kind: e.treatment.kind,
          date: e.treatment.date,
          /** What was done, in words (product, harvest site, dose, target, levels, guidance). */
          procedure: procedureFacts(e.treatment.procedure),
          likelyRegulatoryPathway: e.treatment.regulatoryPathway,
          relatedness: e.relatedness,
          expected: e.expected,
        }
      : null,
    g_reporter: { clinic: e.clinic.name, awareDate: e.awareDate },
    reporting: e.clock.required
      ? {
          required: true,
          withinDays: e.clock.days,
          dueDate: e.clock.dueDate,
          reason: e.clock.reason,
          submittedAt: e.submittedAt,
        }
      : { required: false, reason: e.clock.reason },
  };
}

const SERIOUS_SYSTEM = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
const SEVERITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
const OUTCOME_SYSTEM = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";

/**
 * Each kind as a SNOMED CT concept (AdverseEvent.event, beside the clinician's text). "other" has
 * no concept narrower than "adverse event" that would be true, so it keeps the text alone.
 */
const SNOMED = "http://snomed.info/sct";
export const aeKindSnomed: Record<AeKind, Coding | null> = {
  infection: { system: SNOMED, code: "40733004", display: "Infectious disease (disorder)" },
  nerve_injury: { system: SNOMED, code: "57182000", display: "Nerve injury (disorder)" },
  allergic_reaction: { system: SNOMED, code: "419076005", display: "Allergic reaction (disorder)" },
  pain_flare: { system: SNOMED, code: "22253000", display: "Pain (finding)" },
  harvest_site_complication: { system: SNOMED, code: "116223007", display: "Complication (disorder)" },
  other: null,
};

type AeOutcomeCode = "resolved" | "recovering" | "ongoing" | "resolvedWithSequelae" | "fatal" | "unknown";
const fhirOutcome: Record<string, AeOutcomeCode> = {
  recovered: "resolved",
  recovering: "recovering",
  "not-recovered": "ongoing",
  "recovered-with-sequelae": "resolvedWithSequelae",
  fatal: "fatal",
  unknown: "unknown",
};

/** FHIR R4 AdverseEvent (actual event), with the CTCAE grade as an extension-free code text. */
export function toFhirAdverseEvent(e: AdverseEventRecord): AdverseEvent & { id: string } {
  const serious = e.seriousness.length > 0;
  const coded = aeKindSnomed[e.kind];
  return {
    resourceType: "AdverseEvent",
    id: e.id,
    ...(e.version !== undefined && e.lastUpdated
      ? { meta: { versionId: String(e.version), lastUpdated: e.lastUpdated } }
      : {}),
    actuality: "actual",
    category: [
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/adverse-event-category",
            code: "AE",
            display: "Adverse Event",
          },
        ],
      },
    ],
    event: {
      ...(coded ? { coding: [{ ...coded }] } : {}),
      text: `${aeKindLabels[e.kind]}${e.description ? `: ${e.description}` : ""}`,
    },
    subject: { reference: `Patient/${e.patient.id}` },
    date: e.onsetDate,
    recordedDate: e.awareDate,
    seriousness: {
      coding: [
        {
          system: SERIOUS_SYSTEM,
          code: serious ? "Serious" : "Non-serious",
          display: serious ? "Serious" : "Non-serious",
        },
      ],
    },
    severity: {
      coding: [
        {
          system: SEVERITY_SYSTEM,
          code: e.severity <= 1 ? "mild" : e.severity === 2 ? "moderate" : "severe",
        },
      ],
      text: `CTCAE grade ${e.severity}`,
    },
    outcome: { coding: [{ system: OUTCOME_SYSTEM, code: fhirOutcome[e.outcome] ?? "unknown" }] },
    ...(e.treatment
      ? {
          suspectEntity: [
            {
              instance: { reference: `Procedure/${e.treatment.id}`, display: e.treatment.label },
              ...(e.relatedness
                ? {
                    causality: [
                      {
                        assessment: { text: `${e.relatedness} (clinician's judgement)` },
                      },
                    ],
                  }
                : {}),
            },
          ],
        }
      : {}),
  };
}

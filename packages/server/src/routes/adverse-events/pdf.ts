/**
 * The MedWatch-style report as a PDF: the same object as the JSON export, laid out by the shared
 * PDF layout (pdf/layout.ts) as labelled lines in the form's sections. Codes are printed as words
 * (seriousness criteria, outcome, relatedness, CTCAE grade), and the suspect treatment with what
 * was done (product, harvest site, dose, target, levels, guidance).
 */
import type { medwatchReport } from "@evident/domain/adverse-events/export";
import {
  type AeOutcome,
  aeOutcomeLabels,
  ctcaeGrades,
  type Relatedness,
  relatednessLabels,
  type Seriousness,
  seriousnessLabels,
} from "@evident/domain/adverse-events/rules";
import { pathwayLabels, type RegulatoryPathway } from "@evident/domain/regulatory";
import { createLayout, pageOf } from "../../pdf/layout";

type Report = ReturnType<typeof medwatchReport>;

const label = <K extends string>(labels: Record<K, string>, code: string | null | undefined) =>
  code === null || code === undefined ? null : (labels[code as K] ?? code);

export async function medwatchPdf(r: Report): Promise<Uint8Array> {
  const title = "Adverse event report (MedWatch-style)";
  const l = await createLayout({ title, lang: "en", footer: pageOf("en") });
  const { field } = l;

  l.text(title, { bold: true, size: 15, gap: 2 });
  l.text(r.note, { size: 8, grey: true, gap: 6 });
  l.heading("A. Patient");
  field("Initials", r.a_patient.initials);
  field("Age at event", r.a_patient.ageAtEvent);
  field("Sex", r.a_patient.sex);
  l.heading("B. Adverse event");
  field("Type", r.b_event.type);
  field("Description", r.b_event.description);
  field("Onset", r.b_event.onsetDate);
  const grade = ctcaeGrades[r.b_event.ctcaeGrade as keyof typeof ctcaeGrades];
  field("CTCAE grade", grade ? `${r.b_event.ctcaeGrade} (${grade})` : r.b_event.ctcaeGrade);
  field(
    "Seriousness (ICH E2A)",
    r.b_event.seriousness.map((s) => label<Seriousness>(seriousnessLabels, s)),
    { none: "Not serious" },
  );
  field("Outcome", label<AeOutcome>(aeOutcomeLabels, r.b_event.outcome));
  field("Actions taken", r.b_event.actionsTaken);
  l.heading("D. Suspect treatment");
  if (r.d_product) {
    const d = r.d_product;
    field("Treatment", d.treatment);
    field("Date", d.date);
    for (const f of d.procedure) field(f.label, f.value);
    if (d.procedure.length === 0) field("Procedure details", "not recorded");
    field("Likely regulatory pathway", label<RegulatoryPathway>(pathwayLabels, d.likelyRegulatoryPathway));
    field("Relatedness", label<Relatedness>(relatednessLabels, d.relatedness) ?? "not assessed");
    field("Expected", d.expected === null ? "not assessed" : d.expected ? "yes" : "no");
  } else field("Treatment", "none recorded");
  l.heading("G. Reporter");
  field("Clinic", r.g_reporter.clinic);
  field("Clinic aware on", r.g_reporter.awareDate);
  l.heading("Expedited reporting");
  field("Required", r.reporting.required ? "yes" : "no");
  field("Reason", r.reporting.reason);
  if (r.reporting.required) {
    field("Within (days)", r.reporting.withinDays);
    field("Due", r.reporting.dueDate);
    field("Submitted", r.reporting.submittedAt);
  }
  return l.save();
}

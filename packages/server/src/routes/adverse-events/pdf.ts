/**
 * The MedWatch-style report as a PDF (pdf-lib: pure JavaScript, no install scripts): the same
 * object as the JSON export, laid out as labelled lines in the form's sections. Standard fonts
 * only encode WinAnsi, so text is reduced to it.
 */
import type { medwatchReport } from "@evident/domain/adverse-events/export";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";

type Report = ReturnType<typeof medwatchReport>;

const winAnsi = (s: string) =>
  s
    .replace(/[‐-―]/g, "-")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[^\x20-\x7E\xA0-\xFF]/g, "?");

function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (`${line} ${word}`.trim().length > max) {
      out.push(line);
      line = word;
    } else line = `${line} ${word}`.trim();
  }
  if (line) out.push(line);
  return out;
}

export async function medwatchPdf(r: Report): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle("Adverse event report (MedWatch-style)");
  doc.setProducer("Evident");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([595, 842]);
  let y = 800;
  const line = (text: string, opts: { bold?: boolean; size?: number; indent?: number } = {}) => {
    const size = opts.size ?? 10;
    for (const l of wrap(winAnsi(text), opts.indent ? 95 : 100)) {
      if (y < 50) {
        page = doc.addPage([595, 842]);
        y = 800;
      }
      page.drawText(l, {
        x: 50 + (opts.indent ?? 0),
        y,
        size,
        font: opts.bold ? bold : font,
        color: rgb(0, 0, 0),
      });
      y -= size + 5;
    }
  };
  const field = (label: string, value: unknown) =>
    line(
      `${label}: ${value === null || value === undefined || value === "" ? "-" : Array.isArray(value) ? value.join(", ") || "none" : String(value)}`,
      { indent: 12 },
    );

  line("Adverse event report (MedWatch-style)", { bold: true, size: 15 });
  line(r.note, { size: 8 });
  y -= 6;
  line("A. Patient", { bold: true, size: 12 });
  field("Initials", r.a_patient.initials);
  field("Age at event", r.a_patient.ageAtEvent);
  field("Sex", r.a_patient.sex);
  line("B. Adverse event", { bold: true, size: 12 });
  field("Type", r.b_event.type);
  field("Description", r.b_event.description);
  field("Onset", r.b_event.onsetDate);
  field("CTCAE grade", r.b_event.ctcaeGrade);
  field("Seriousness (ICH E2A)", r.b_event.seriousness);
  field("Outcome", r.b_event.outcome);
  field("Actions taken", r.b_event.actionsTaken);
  line("D. Suspect treatment", { bold: true, size: 12 });
  if (r.d_product) {
    field("Treatment", r.d_product.treatment);
    field("Date", r.d_product.date);
    field("Likely regulatory pathway", r.d_product.likelyRegulatoryPathway);
    field("Relatedness", r.d_product.relatedness);
    field("Expected", r.d_product.expected === null ? "not assessed" : r.d_product.expected ? "yes" : "no");
  } else field("Treatment", "none recorded");
  line("G. Reporter", { bold: true, size: 12 });
  field("Clinic", r.g_reporter.clinic);
  field("Clinic aware on", r.g_reporter.awareDate);
  line("Expedited reporting", { bold: true, size: 12 });
  field("Required", r.reporting.required ? "yes" : "no");
  field("Reason", r.reporting.reason);
  if (r.reporting.required) {
    field("Within (days)", r.reporting.withinDays);
    field("Due", r.reporting.dueDate);
    field("Submitted", r.reporting.submittedAt);
  }
  return doc.save();
}

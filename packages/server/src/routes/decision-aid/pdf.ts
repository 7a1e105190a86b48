/**
 * The decision summary as a one-page PDF (pdf-lib: pure JavaScript, no install scripts), from the
 * same data as the portal's summary page (domain/evidence `decisionSummary`). Standard fonts only
 * encode WinAnsi, so text is reduced to it.
 */
import type { DecisionSummary } from "@evident/domain/evidence";
import { PDFDocument, type PDFFont, rgb, StandardFonts } from "pdf-lib";

const winAnsi = (s: string) =>
  s
    .replace(/[‐-―]/g, "-")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[≥]/g, ">=")
    .replace(/[^\x20-\x7E\xA0-\xFF]/g, "?");

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

export async function decisionSummaryPdf(s: DecisionSummary): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(s.title);
  doc.setProducer("Evident");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([595, 842]);
  const left = 48;
  const width = 595 - 2 * left;
  let y = 800;
  const text = (t: string, opts: { bold?: boolean; size?: number; gap?: number; grey?: boolean } = {}) => {
    const size = opts.size ?? 10;
    const f = opts.bold ? bold : font;
    for (const l of wrap(winAnsi(t), f, size, width)) {
      page.drawText(l, {
        x: left,
        y,
        size,
        font: f,
        color: opts.grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0),
      });
      y -= size + 3;
    }
    y -= opts.gap ?? 2;
  };
  text(s.title, { bold: true, size: 16, gap: 4 });
  text(s.versions, { size: 8, grey: true, gap: 10 });
  text("What matters to me", { bold: true, size: 12, gap: 2 });
  for (const v of s.values) text(`${v.statement}: ${v.rating}`);
  y -= 8;
  text(`The choice I am leaning toward: ${s.choice?.name ?? "I am not sure yet"}`, {
    bold: true,
    size: 12,
    gap: 2,
  });
  if (s.choice) {
    text(`How sure are the experts? ${s.choice.certaintyNote}`);
    if (s.choice.frequencies) text(s.choice.frequencies);
    text(`Time to work: ${s.choice.timeToEffect}`);
    text(`Cost: ${s.choice.cost}`);
    text(`Approval status: ${s.choice.status}`);
  }
  y -= 8;
  if (s.fitting.length > 0) {
    text("Choices that fit what matters most to you", { bold: true, size: 12, gap: 2 });
    text("This only lines up the facts with your answers. It does not rank the choices.", {
      size: 8,
      grey: true,
    });
    text(s.fitting.join(" · ").replace(/·/g, "-"));
    y -= 8;
  }
  if (s.questions) {
    text("My questions", { bold: true, size: 12, gap: 2 });
    text(s.questions);
    y -= 8;
  }
  text(s.funding, { size: 8, grey: true });
  return doc.save();
}

/**
 * The decision summary as a one-page PDF (pdf-lib: pure JavaScript, no install scripts), from the
 * same data as the portal's summary page (domain/evidence `decisionSummary`), in English or
 * Spanish. The standard fonts encode WinAnsi, which has every Spanish letter and mark (á é í ó ú
 * ü ñ ¿ ¡); what a font cannot encode (e.g. a patient's question in another script) is replaced,
 * by the font's own character set, so a PDF is always made.
 */
import type { DecisionSummary } from "@evident/domain/evidence";
import { PDFDocument, type PDFFont, rgb, StandardFonts } from "pdf-lib";

const fallback: Record<string, string> = { "≥": ">=", "≤": "<=", "\u2010": "-", "\u2011": "-" };

/** Text reduced to what `font` can encode: its characters kept, a few spelled out, the rest "?". */
export function forFont(font: PDFFont): (s: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (s) =>
    [...s]
      .map((ch) => {
        if (ch === "\n" || supported.has(ch.codePointAt(0) ?? 0)) return ch;
        return fallback[ch] ?? (/\s/.test(ch) ? " " : "?");
      })
      .join("");
}

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
  doc.setLanguage(s.lang);
  doc.setProducer("Evident");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const encodable = forFont(font);
  const page = doc.addPage([595, 842]);
  const left = 48;
  const width = 595 - 2 * left;
  let y = 800;
  const text = (t: string, opts: { bold?: boolean; size?: number; gap?: number; grey?: boolean } = {}) => {
    const size = opts.size ?? 10;
    const f = opts.bold ? bold : font;
    for (const l of wrap(encodable(t), f, size, width)) {
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
  const h = s.headings;
  text(s.title, { bold: true, size: 16, gap: 4 });
  text(s.versions, { size: 8, grey: true, gap: 10 });
  text(h.myValues, { bold: true, size: 12, gap: 2 });
  for (const v of s.values) text(`${v.statement}: ${v.rating}`);
  y -= 8;
  text(`${h.myLeaning}: ${s.leaning}`, { bold: true, size: 12, gap: 2 });
  if (s.choice) {
    text(`${h.certainty} ${s.choice.certaintyNote}`);
    if (s.choice.frequencies) text(s.choice.frequencies);
    text(`${h.timeToEffect}: ${s.choice.timeToEffect}`);
    text(`${h.cost}: ${s.choice.cost}`);
    text(`${h.status}: ${s.choice.status}`);
  }
  y -= 8;
  if (s.fitting.length > 0) {
    text(h.fits, { bold: true, size: 12, gap: 2 });
    text(h.fitsNote, { size: 8, grey: true });
    text(s.fitting.join(" - "));
    y -= 8;
  }
  if (s.questions) {
    text(h.myQuestions, { bold: true, size: 12, gap: 2 });
    text(s.questions);
    y -= 8;
  }
  text(s.funding, { size: 8, grey: true });
  return doc.save();
}

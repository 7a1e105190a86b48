/**
 * The decision summary as a one-page PDF, from the same data as the portal's summary page
 * (domain/evidence `decisionSummary`), in English or Spanish, laid out by the shared PDF layout
 * (pdf/layout.ts: fonts, wrapping, what a font cannot encode).
 */
import type { DecisionSummary } from "@evident/domain/evidence";
import { createLayout, pageOf } from "../../pdf/layout";

export async function decisionSummaryPdf(s: DecisionSummary): Promise<Uint8Array> {
  const l = await createLayout({ title: s.title, lang: s.lang, footer: pageOf(s.lang) });
  const h = s.headings;
  l.text(s.title, { bold: true, size: 16, gap: 4 });
  l.text(s.versions, { size: 8, grey: true, gap: 10 });
  l.text(h.myValues, { bold: true, size: 12, gap: 2 });
  for (const v of s.values) l.text(`${v.statement}: ${v.rating}`);
  l.space(8);
  l.text(`${h.myLeaning}: ${s.leaning}`, { bold: true, size: 12, gap: 2 });
  if (s.choice) {
    l.text(`${h.certainty} ${s.choice.certaintyNote}`);
    if (s.choice.frequencies) l.text(s.choice.frequencies);
    l.text(`${h.timeToEffect}: ${s.choice.timeToEffect}`);
    l.text(`${h.cost}: ${s.choice.cost}`);
    l.text(`${h.status}: ${s.choice.status}`);
  }
  l.space(8);
  if (s.fitting.length > 0) {
    l.text(h.fits, { bold: true, size: 12, gap: 2 });
    l.text(h.fitsNote, { size: 8, grey: true });
    l.text(s.fitting.join(" - "));
    l.space(8);
  }
  if (s.questions) {
    l.text(h.myQuestions, { bold: true, size: 12, gap: 2 });
    l.text(s.questions);
    l.space(8);
  }
  l.text(s.funding, { size: 8, grey: true });
  return l.save();
}

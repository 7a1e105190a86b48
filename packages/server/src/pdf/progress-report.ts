/**
 * The progress report (domain/progress-report) as a PDF of one or two pages, on the shared layout
 * (./layout.ts). Charts are drawn with pdf-lib's lines and circles, not images: each score by date
 * with its important-change line dashed, the back pain beside the typical course (middle half as a
 * band, middle value as a line), the diary's pain and opioid use.
 */
import type { ProgressReport } from "@evident/domain/progress-report";
import { type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { createLayout, grey, PAGE } from "./layout";

const ink = rgb(0.1, 0.3, 0.6);
const band = rgb(0.85, 0.88, 0.93);
const second = rgb(0.75, 0.35, 0.1);

type Box = { page: PDFPage; top: number; left: number; width: number };
type Series = { points: { x: number; y: number }[]; line: boolean; color: typeof ink };

/**
 * A small chart in `box`: y from `range`, x from 0 to 1; axis labels at the ends (`xLabels`, at
 * most a few, spaced so they never overlap); an optional dashed line at `target` and a band.
 */
function chart(
  box: Box,
  height: number,
  font: PDFFont,
  encodable: (s: string) => string,
  opts: {
    range: { min: number; max: number };
    series: Series[];
    target?: number | null;
    band?: { x: number; low: number; high: number }[];
    xLabels: { x: number; text: string }[];
    fmt: (n: number) => string;
  },
) {
  const { page } = box;
  const axisLeft = box.left + 28;
  const plotWidth = Math.min(box.width - 40, 420);
  const bottom = box.top - height + 14;
  const top = box.top - 4;
  const span = opts.range.max - opts.range.min || 1;
  const X = (x: number) => axisLeft + 6 + x * (plotWidth - 12);
  const Y = (y: number) => bottom + ((y - opts.range.min) / span) * (top - bottom);
  page.drawLine({
    start: { x: axisLeft, y: bottom },
    end: { x: axisLeft, y: top },
    thickness: 0.5,
    color: grey,
  });
  page.drawLine({
    start: { x: axisLeft, y: bottom },
    end: { x: axisLeft + plotWidth, y: bottom },
    thickness: 0.5,
    color: grey,
  });
  for (const v of [opts.range.min, opts.range.max]) {
    const t = encodable(opts.fmt(v));
    page.drawText(t, {
      x: axisLeft - 4 - font.widthOfTextAtSize(t, 7),
      y: Y(v) - 2,
      size: 7,
      font,
      color: grey,
    });
  }
  if (opts.band && opts.band.length > 0) {
    const b = opts.band;
    for (let i = 0; i + 1 < b.length; i++) {
      const a = b[i];
      const c = b[i + 1];
      if (!a || !c) continue;
      // Quadrilateral as an SVG path, pdf-lib's polygon primitive (its y axis points down).
      const path = `M ${X(a.x)} ${-Y(a.high)} L ${X(c.x)} ${-Y(c.high)} L ${X(c.x)} ${-Y(c.low)} L ${X(a.x)} ${-Y(a.low)} Z`;
      page.drawSvgPath(path, { x: 0, y: 0, color: band, borderWidth: 0 });
    }
    if (b.length === 1 && b[0])
      page.drawLine({
        start: { x: X(b[0].x), y: Y(b[0].low) },
        end: { x: X(b[0].x), y: Y(b[0].high) },
        thickness: 6,
        color: band,
      });
  }
  if (opts.target !== undefined && opts.target !== null)
    page.drawLine({
      start: { x: axisLeft, y: Y(opts.target) },
      end: { x: axisLeft + plotWidth, y: Y(opts.target) },
      thickness: 0.8,
      color: grey,
      dashArray: [3, 3],
    });
  for (const s of opts.series) {
    if (s.line)
      for (let i = 0; i + 1 < s.points.length; i++) {
        const a = s.points[i];
        const c = s.points[i + 1];
        if (a && c)
          page.drawLine({
            start: { x: X(a.x), y: Y(a.y) },
            end: { x: X(c.x), y: Y(c.y) },
            thickness: 1.2,
            color: s.color,
          });
      }
    for (const p of s.points) page.drawCircle({ x: X(p.x), y: Y(p.y), size: 2, color: s.color });
  }
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const l of opts.xLabels) {
    const t = encodable(l.text);
    const w = font.widthOfTextAtSize(t, 7);
    const x = Math.min(Math.max(X(l.x) - w / 2, axisLeft), axisLeft + plotWidth - w);
    if (x < lastEnd + 6) continue;
    page.drawText(t, { x, y: bottom - 10, size: 7, font, color: grey });
    lastEnd = x + w;
  }
}

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** x positions from 0 to 1 for dates; labels at the first and last date (and the middle when far apart). */
function dateScale(dates: readonly string[]) {
  const days = dates.map(dayNumber);
  const lo = Math.min(...days);
  const hi = Math.max(...days);
  const at = (d: string) => (hi === lo ? 0.5 : (dayNumber(d) - lo) / (hi - lo));
  const sorted = [...new Set(dates)].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  const labels = first && last ? [...new Set([first, last])].map((d) => ({ x: at(d), text: d })) : [];
  return { at, labels };
}

export async function progressReportPdf(r: ProgressReport): Promise<Uint8Array> {
  const w = r.words;
  const l = await createLayout({ title: `${r.title} - ${r.patient}`, lang: r.lang, footer: w.footer });
  // A chart the page's width, with room below for its axis labels.
  const draw = (height: number, opts: Parameters<typeof chart>[4]) => {
    chart(l.box(height), height, l.font, l.encodable, opts);
    l.space(8);
  };

  l.text(r.dated, { size: 9, grey: true, gap: 2 });
  l.text(r.title, { bold: true, size: 16, gap: 2 });
  l.text(r.patient, { size: 11, gap: 4 });
  l.text(r.limits, { size: 8, grey: true, gap: 6 });

  l.heading(r.words.scoresHeading, { keep: 80 });
  l.text(w.scoresNote, { size: 8, grey: true, gap: 4 });
  // Two scores a row: a title, the chart, the answers by date, the change against the MCID.
  const gutter = 16;
  const cellWidth = (PAGE.width - 2 * PAGE.margin - gutter) / 2;
  const chartHeight = 58;
  const cellTexts = (s: (typeof r.scores)[number]) => [
    { t: s.title, o: { bold: true, size: 9, gap: 1 } },
    { t: s.points.map((p) => `${p.date}: ${w.fmt(p.value)}`).join("  ·  "), o: { size: 7.5, gap: 1 } },
    { t: `${s.change} ${s.mcid}`, o: { size: 7.5, grey: true, gap: 6 } },
  ];
  const heightOf = (s: (typeof r.scores)[number]) =>
    chartHeight +
    cellTexts(s).reduce(
      (h, x) => h + l.linesIn(x.t, cellWidth, x.o).length * l.lineHeight(x.o.size) + x.o.gap,
      0,
    );
  for (let i = 0; i < r.scores.length; i += 2) {
    const row = r.scores.slice(i, i + 2);
    const b = l.box(Math.max(...row.map(heightOf)));
    row.forEach((s, j) => {
      const x = b.left + j * (cellWidth + gutter);
      const [title, values, change] = cellTexts(s);
      let top = b.top;
      if (title) top -= l.textIn(b.page, x, top, cellWidth, title.t, title.o);
      const scale = dateScale(s.points.map((p) => p.date));
      chart({ page: b.page, top, left: x, width: cellWidth }, chartHeight, l.font, l.encodable, {
        range: s.range,
        series: [
          { points: s.points.map((p) => ({ x: scale.at(p.date), y: p.value })), line: true, color: ink },
        ],
        target: s.target,
        xLabels: scale.labels,
        fmt: w.fmt,
      });
      top -= chartHeight;
      if (values) top -= l.textIn(b.page, x, top, cellWidth, values.t, values.o);
      if (change) l.textIn(b.page, x, top, cellWidth, change.t, change.o);
    });
    // The box's height ends at its last line's baseline; what follows starts a line lower.
    l.space(10);
  }

  l.heading(w.typicalHeading, { keep: 80 });
  l.paragraph(r.typical.text, { size: 9 });
  const tp = r.typical.points;
  if (tp.length > 0) {
    const x = (i: number) => (tp.length === 1 ? 0.5 : i / (tp.length - 1));
    const typicalShown = tp.some((p) => p.median !== null);
    draw(80, {
      range: { min: 0, max: 10 },
      band: tp.flatMap((p, i) =>
        p.q1 !== null && p.q3 !== null ? [{ x: x(i), low: p.q1, high: p.q3 }] : [],
      ),
      series: [
        ...(typicalShown
          ? [
              {
                points: tp.flatMap((p, i) => (p.median !== null ? [{ x: x(i), y: p.median }] : [])),
                line: true,
                color: grey,
              },
            ]
          : []),
        {
          points: tp.flatMap((p, i) => (p.own !== null ? [{ x: x(i), y: p.own }] : [])),
          line: false,
          color: ink,
        },
      ],
      xLabels: tp.map((p, i) => ({ x: x(i), text: p.label })),
      fmt: w.fmt,
    });
    // The chart's numbers, as the portal's table beside its chart gives them.
    if (typicalShown) {
      const n = (v: number | null) => (v === null ? "-" : w.fmt(v));
      l.table(
        w.typicalColumns.map((header, i) => ({ header, share: i === 0 ? 3 : 2 })),
        tp.map((p) => [
          p.label,
          n(p.own),
          n(p.median),
          p.q1 === null || p.q3 === null ? "-" : `${n(p.q1)}-${n(p.q3)}`,
        ]),
        8,
      );
    }
  }

  l.heading(w.diaryHeading, { keep: 60 });
  l.paragraph(r.diary.summary, { size: 9 });
  const d = r.diary.points;
  if (d.length > 0) {
    const scale = dateScale(d.map((p) => p.date));
    l.text(w.diaryPain, { size: 8, grey: true, gap: 1 });
    draw(56, {
      range: { min: 0, max: 10 },
      series: [
        { points: d.map((p) => ({ x: scale.at(p.date), y: p.backPain })), line: true, color: ink },
        { points: d.map((p) => ({ x: scale.at(p.date), y: p.legPain })), line: false, color: second },
      ],
      xLabels: scale.labels,
      fmt: w.fmt,
    });
    const top = Math.max(...d.map((p) => p.mme));
    if (top > 0) {
      l.text(w.mme, { size: 8, grey: true, gap: 1 });
      draw(48, {
        range: { min: 0, max: Math.ceil(top / 10) * 10 },
        series: [{ points: d.map((p) => ({ x: scale.at(p.date), y: p.mme })), line: true, color: second }],
        xLabels: scale.labels,
        fmt: w.fmt,
      });
    }
  }
  l.paragraph(r.diary.mme, { size: 9 });

  l.heading(w.treatmentsHeading, { keep: 20 });
  for (const t of r.treatments) l.text(t, { size: 9 });
  l.heading(w.adverseHeading, { keep: 20 });
  for (const e of r.adverseEvents) l.text(e, { size: 9 });
  l.heading(w.followUpsHeading, { keep: 20 });
  for (const f of r.followUps) l.text(f, { size: 9 });
  if (r.sources.length > 0) {
    l.heading(w.sourcesHeading, { size: 9, keep: 20 });
    for (const s of r.sources) l.text(s, { size: 7, grey: true, gap: 1 });
  }
  return l.save();
}

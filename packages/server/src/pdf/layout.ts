/**
 * The one page layout every PDF the server prints uses (the decision summary, the MedWatch-style
 * report, the progress report): A4, Helvetica, text wrapped by its measured width, headings,
 * paragraphs, labelled fields, simple tables, a page break when the next block does not fit, and
 * a footer with page numbers drawn once the page count is known.
 *
 * pdf-lib is pure JavaScript (no install scripts). The standard fonts encode WinAnsi, which has
 * every Spanish letter and mark (á é í ó ú ü ñ ¿ ¡); what a font cannot encode (e.g. a patient's
 * question in another script) is replaced, by the font's own character set, so a PDF is always
 * made.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";

const fallback: Record<string, string> = {
  "≥": ">=",
  "≤": "<=",
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-",
  "\u2009": " ",
  "\u202f": " ",
};

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

/** Lines of `text` no wider than `width` at `size` (a single word wider than that keeps its own line). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

export const PAGE = { width: 595, height: 842, margin: 48, top: 800, bottom: 56 } as const;
export const black = rgb(0, 0, 0);
export const grey = rgb(0.35, 0.35, 0.35);

export type TextOptions = { bold?: boolean; size?: number; gap?: number; grey?: boolean; indent?: number };

export type Layout = Awaited<ReturnType<typeof createLayout>>;

/**
 * A document to write from the top down. `footer(n, of)` gives each page's footer ("Page 1 of 2"),
 * drawn by `save()`.
 */
export async function createLayout(meta: {
  title: string;
  lang?: string;
  footer?: (page: number, of: number) => string;
}) {
  const doc = await PDFDocument.create();
  doc.setTitle(meta.title);
  if (meta.lang) doc.setLanguage(meta.lang);
  doc.setProducer("Evident");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const encodable = forFont(font);
  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y: number = PAGE.top;

  const newPage = () => {
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.top;
  };
  /** Starts a new page unless `height` points still fit above the footer. */
  const ensure = (height: number) => {
    if (y - height < PAGE.bottom) newPage();
  };
  const lineHeight = (size: number) => size + 3;

  /** Wrapped text; a page break falls between lines. */
  const text = (t: string, opts: TextOptions = {}) => {
    const size = opts.size ?? 10;
    const f = opts.bold ? bold : font;
    const indent = opts.indent ?? 0;
    for (const l of wrap(encodable(t), f, size, width - indent)) {
      ensure(lineHeight(size));
      page.drawText(l, { x: left + indent, y, size, font: f, color: opts.grey ? grey : black });
      y -= lineHeight(size);
    }
    y -= opts.gap ?? 2;
  };

  /** A heading kept with at least `keep` points of what follows it. */
  const heading = (t: string, opts: { size?: number; keep?: number } = {}) => {
    const size = opts.size ?? 12;
    ensure(lineHeight(size) + (opts.keep ?? 30));
    y -= 4;
    text(t, { bold: true, size, gap: 2 });
  };

  const paragraph = (t: string, opts: Omit<TextOptions, "bold"> = {}) => text(t, { gap: 4, ...opts });

  /** "Label: value", a dash for nothing, a list joined by commas. */
  const field = (label: string, value: unknown, opts: { indent?: number; none?: string } = {}) => {
    const shown =
      value === null || value === undefined || value === ""
        ? "-"
        : Array.isArray(value)
          ? value.join(", ") || (opts.none ?? "none")
          : String(value);
    text(`${label}: ${shown}`, { indent: opts.indent ?? 12 });
  };

  /**
   * A table: a bold header row, then the rows; each column gets its share of the width and its
   * cells wrap within it. The header is drawn again after a page break.
   */
  const table = (
    columns: readonly { header: string; share: number }[],
    rows: readonly string[][],
    size = 9,
  ) => {
    const total = columns.reduce((s, c) => s + c.share, 0);
    const xs: number[] = [];
    let x = left;
    for (const c of columns) {
      xs.push(x);
      x += (width * c.share) / total;
    }
    const colWidth = (i: number) => (width * (columns[i]?.share ?? 0)) / total - 6;
    const measureRow = (cells: readonly string[], f: PDFFont) => {
      const wrapped = cells.map((c, i) => wrap(encodable(c), f, size, colWidth(i)));
      const height = Math.max(1, ...wrapped.map((w) => w.length)) * lineHeight(size);
      return { wrapped, height };
    };
    const header = measureRow(
      columns.map((c) => c.header),
      bold,
    );
    const put = (r: { wrapped: string[][]; height: number }, f: PDFFont) => {
      r.wrapped.forEach((lines, i) => {
        lines.forEach((l, j) => {
          page.drawText(l, { x: xs[i] ?? left, y: y - j * lineHeight(size), size, font: f, color: black });
        });
      });
      y -= r.height;
    };
    const putHeader = () => {
      put(header, bold);
      page.drawLine({
        start: { x: left, y: y + size - 1 },
        end: { x: left + width, y: y + size - 1 },
        thickness: 0.5,
        color: grey,
      });
      y -= 2;
    };
    ensure(header.height + lineHeight(size) * 2);
    putHeader();
    for (const cells of rows) {
      const r = measureRow(cells, font);
      if (y - r.height < PAGE.bottom) {
        newPage();
        putHeader();
      }
      put(r, font);
    }
    y -= 4;
  };

  /**
   * Room of `height` points for a drawing (a chart): a new page if it does not fit; the drawing
   * gets the page and the top of its box, and the cursor moves below it.
   */
  const box = (height: number): { page: PDFPage; top: number; left: number; width: number } => {
    ensure(height);
    const at = { page, top: y, left, width };
    y -= height;
    return at;
  };

  /** Lines of `t` in a column `width` wide (for a box's height before drawing into it). */
  const linesIn = (t: string, width: number, opts: TextOptions = {}) =>
    wrap(encodable(t), opts.bold ? bold : font, opts.size ?? 10, width);

  /** Wrapped text in a column of a box (see `box`) from `top` down; returns the height used. */
  const textIn = (
    target: PDFPage,
    x: number,
    top: number,
    width: number,
    t: string,
    opts: TextOptions = {},
  ) => {
    const size = opts.size ?? 10;
    const lines = linesIn(t, width, opts);
    lines.forEach((l, i) => {
      target.drawText(l, {
        x,
        y: top - size - i * lineHeight(size),
        size,
        font: opts.bold ? bold : font,
        color: opts.grey ? grey : black,
      });
    });
    return lines.length * lineHeight(size) + (opts.gap ?? 2);
  };

  const space = (points: number) => {
    y -= points;
  };

  /** Draws the footers and returns the file. */
  const save = async (): Promise<Uint8Array> => {
    const pages = doc.getPages();
    if (meta.footer)
      pages.forEach((p, i) => {
        const t = encodable(meta.footer?.(i + 1, pages.length) ?? "");
        const w = font.widthOfTextAtSize(t, 8);
        p.drawText(t, { x: PAGE.width - PAGE.margin - w, y: 30, size: 8, font, color: grey });
      });
    return doc.save();
  };

  return {
    doc,
    font,
    bold,
    encodable,
    text,
    heading,
    paragraph,
    field,
    table,
    box,
    linesIn,
    textIn,
    lineHeight,
    space,
    ensure,
    save,
  };
}

/** The footer's words, in the document's language. */
export const pageOf = (lang: string) =>
  lang === "es"
    ? (n: number, of: number) => `Página ${n} de ${of}`
    : (n: number, of: number) => `Page ${n} of ${of}`;

/**
 * Downloads from the insights pages: a figure as SVG or PNG (drawn again off-screen at a fixed
 * width, so the file does not depend on the screen it was made on) and the numbers behind it as
 * CSV (the domain's spreadsheet-safe writer). Each file carries the figure's caption lines — which
 * cohort it was made from — so a figure passed on still says whom it describes. Files are made in
 * the browser: nothing more is asked of the server than the page already shows.
 */
import { type CsvValue, csvTable } from "@evident/domain/csv";

const NS = "http://www.w3.org/2000/svg";

function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: some browsers read the URL only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `text` broken into lines of at most `width` characters, at spaces where it can be. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = "";
    }
    line = line ? `${line} ${word}` : word;
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line) lines.push(line);
  return lines;
}

const LINE = 16;

/**
 * The chart `render` draws at `width` as a standalone SVG document: a white background, the
 * title, and the caption lines under the chart.
 */
export function standaloneSvg(
  render: (width: number) => Element,
  title: string,
  caption: readonly string[],
  width = 800,
): { svg: SVGSVGElement; width: number; height: number } | null {
  const chart = render(width);
  const inner = chart instanceof SVGSVGElement ? chart : chart.querySelector("svg");
  if (!inner) return null;
  const w = Number(inner.getAttribute("width")) || width;
  const h = Number(inner.getAttribute("height")) || 400;
  const lines = caption.flatMap((c) => wrapText(c, Math.floor(w / 6.6)));
  const height = h + (lines.length ? lines.length * LINE + 12 : 0);
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("xmlns", NS);
  svg.setAttribute("width", String(w));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${w} ${height}`);
  const heading = document.createElementNS(NS, "title");
  heading.textContent = title;
  const background = document.createElementNS(NS, "rect");
  for (const [k, v] of Object.entries({ width: "100%", height: "100%", fill: "#ffffff" }))
    background.setAttribute(k, v);
  inner.setAttribute("x", "0");
  inner.setAttribute("y", "0");
  svg.append(heading, background, inner);
  lines.forEach((text, i) => {
    const t = document.createElementNS(NS, "text");
    for (const [k, v] of Object.entries({
      x: "8",
      y: String(h + 8 + (i + 1) * LINE - 4),
      "font-family": "system-ui, sans-serif",
      "font-size": "12",
      fill: "#343a40",
    }))
      t.setAttribute(k, v);
    t.textContent = text;
    svg.append(t);
  });
  return { svg, width: w, height };
}

export function downloadSvg(
  filename: string,
  render: (width: number) => Element,
  title: string,
  caption: readonly string[] = [],
  width = 800,
): void {
  const made = standaloneSvg(render, title, caption, width);
  if (!made) return;
  const text = new XMLSerializer().serializeToString(made.svg);
  saveBlob(filename, new Blob([text], { type: "image/svg+xml" }));
}

/** The same SVG drawn onto a canvas at twice its size (sharp on high-density screens), saved as PNG. */
export async function downloadPng(
  filename: string,
  render: (width: number) => Element,
  title: string,
  caption: readonly string[] = [],
  width = 800,
): Promise<void> {
  const made = standaloneSvg(render, title, caption, width);
  if (!made) return;
  const text = new XMLSerializer().serializeToString(made.svg);
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.decoding = "sync";
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("the figure could not be drawn"));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = made.width * scale;
    canvas.height = made.height * scale;
    const context = canvas.getContext("2d");
    if (!context) return;
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (blob) saveBlob(filename, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The numbers as CSV; the caption lines (the cohort) in a `cohort` column of every row. */
export function downloadCsv(
  filename: string,
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  caption: readonly string[] = [],
): void {
  const text = caption.length
    ? csvTable(
        [...header, "cohort"],
        rows.map((r) => [...r, caption.join(". ")]),
      )
    : csvTable(header, rows);
  saveBlob(filename, new Blob([text], { type: "text/csv;charset=utf-8" }));
}

/**
 * Downloads from the insights pages: a figure as SVG (drawn again off-screen at a fixed width, so
 * the file does not depend on the screen it was made on) and the numbers behind it as CSV (the
 * domain's spreadsheet-safe writer). Files are made in the browser: nothing more is asked of the
 * server than the page already shows.
 */
import { type CsvValue, csvTable } from "@evident/domain/csv";

function save(filename: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: some browsers read the URL only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The chart `render` draws at `width`, saved as a standalone SVG file with a title. */
export function downloadSvg(
  filename: string,
  render: (width: number) => Element,
  title: string,
  width = 800,
) {
  const chart = render(width);
  const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector("svg");
  if (!svg) return;
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const heading = document.createElementNS("http://www.w3.org/2000/svg", "title");
  heading.textContent = title;
  svg.prepend(heading);
  save(filename, "image/svg+xml", new XMLSerializer().serializeToString(svg));
}

export function downloadCsv(
  filename: string,
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
) {
  save(filename, "text/csv;charset=utf-8", csvTable(header, rows));
}

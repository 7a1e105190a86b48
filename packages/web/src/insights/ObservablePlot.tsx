/**
 * An Observable Plot chart drawn at its container's real width, redrawn when the width changes,
 * inside a figure with a caption, the cohort it was drawn from, downloads (SVG, PNG, CSV) and a
 * "show the data" table: the table is the plot's text alternative for screen readers and for
 * anyone who wants the numbers.
 */
import { Box, Button, Collapse, Text } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { IconTable } from "@tabler/icons-react";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { FigureDownloads, type FigureFile } from "./FigureDownloads";

export function ObservablePlot({
  render,
  label,
}: {
  /** Builds the chart for a width in pixels; keep it stable (useCallback) to avoid redrawing. */
  render: (width: number) => Element;
  /** A one-line description of what the chart shows, read out in place of it. */
  label: string;
}) {
  const { ref, width } = useElementSize();
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = holder.current;
    if (!target || width < 50) return;
    const chart = render(Math.floor(width));
    // The container carries the description (role="img"); Plot's own labels on its groups are
    // not allowed on elements without a role, and would be read out as noise.
    for (const el of [chart, ...chart.querySelectorAll("[aria-label], [aria-description]")]) {
      el.removeAttribute("aria-label");
      el.removeAttribute("aria-description");
    }
    chart.setAttribute("aria-hidden", "true");
    // With a legend Plot returns a <figure>, whose default side margins (40px) would squeeze it.
    if (chart instanceof HTMLElement || chart instanceof SVGElement) chart.style.margin = "0";
    target.replaceChildren(chart);
    return () => chart.remove();
  }, [render, width]);
  return (
    <Box ref={ref} w="100%">
      <div ref={holder} role="img" aria-label={label} style={{ overflow: "hidden" }} />
    </Box>
  );
}

export function PlotFigure({
  caption,
  label,
  render,
  children,
  table,
  footer,
  file,
  answer,
}: {
  caption: ReactNode;
  label: string;
  /** One chart; or pass several as children (each an ObservablePlot with its own label). */
  render?: (width: number) => Element;
  children?: ReactNode;
  /** The same numbers as a table (shown on request). */
  table: ReactNode;
  /** Shown under the plot, always (e.g. numbers at risk). */
  footer?: ReactNode;
  /** The figure as files (SVG, PNG, CSV), offered under it with the cohort line. */
  file: FigureFile;
  /** The answer the figure was drawn from, for its cohort caption (./CohortLine). */
  answer: unknown;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" size="sm" c="dimmed" mb="xs">
        {caption}
      </Text>
      {render ? <ObservablePlot render={render} label={label} /> : children}
      {footer}
      <FigureDownloads file={file} answer={answer} />
      <Button
        variant="subtle"
        size="compact-sm"
        mt="xs"
        leftSection={<IconTable size={16} aria-hidden />}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? "Hide the data table" : "Show the data as a table"}
      </Button>
      <Collapse expanded={open}>
        <div id={id}>{open && table}</div>
      </Collapse>
    </Box>
  );
}

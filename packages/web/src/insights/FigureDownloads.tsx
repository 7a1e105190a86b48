/**
 * Under every figure: the cohort it was made from, then three downloads — the figure as SVG and
 * as PNG, and the numbers behind it as CSV — each file carrying the same cohort line.
 */
import type { CsvValue } from "@evident/domain/csv";
import { Button, Group } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { CohortLine, useCohortLines } from "./CohortLine";
import { downloadCsv, downloadPng, downloadSvg } from "./download";

export type FigureFile = {
  /** File name without extension ("outcomes-change-odi"). */
  name: string;
  /** The figure's title, written into the SVG. */
  title: string;
  render: (width: number) => Element;
  csv: () => { header: readonly string[]; rows: readonly (readonly CsvValue[])[] };
};

export function FigureDownloads({ file, answer }: { file: FigureFile; answer?: unknown }) {
  const caption = useCohortLines(answer);
  const icon = <IconDownload size={16} aria-hidden />;
  return (
    <>
      <CohortLine answer={answer} />
      <Group gap="xs" mt="xs" role="group" aria-label={`Download: ${file.title}`}>
        <Button
          variant="light"
          size="compact-sm"
          leftSection={icon}
          onClick={() => downloadSvg(`${file.name}.svg`, file.render, file.title, caption)}
        >
          Download the figure (SVG)
        </Button>
        <Button
          variant="light"
          size="compact-sm"
          leftSection={icon}
          onClick={() => void downloadPng(`${file.name}.png`, file.render, file.title, caption)}
        >
          Download the figure (PNG)
        </Button>
        <Button
          variant="light"
          size="compact-sm"
          leftSection={icon}
          onClick={() => {
            const { header, rows } = file.csv();
            downloadCsv(`${file.name}.csv`, header, rows, caption);
          }}
        >
          Download the numbers (CSV)
        </Button>
      </Group>
    </>
  );
}

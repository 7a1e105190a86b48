/**
 * The candidacy form's imaging fields, with what came from the patient's latest imaging study
 * marked as such (and still editable): disc height and levels are filled in; the study's
 * Pfirrmann grade is shown beside the modified-grade field but not copied, since the scales
 * differ (see candidacyImaging.ts).
 */
import { spinalLevels } from "@evident/domain";
import { Checkbox, Group, NumberInput, SimpleGrid, Text, Title } from "@mantine/core";
import { formatDate } from "../../components/format";
import type { CandidacyValues } from "./candidacyForm";
import type { ImagingPrefill } from "./candidacyImaging";

const modalityLabel: Record<string, string> = { mri: "MRI", ct: "CT", xray: "X-ray" };

/** The starting values with the study's disc height and levels, where it has them. */
export function withImaging(v: CandidacyValues, prefill: ImagingPrefill | null): CandidacyValues {
  if (!prefill) return v;
  return {
    ...v,
    levels: prefill.levelsFrom === "imaging" && prefill.levels.length > 0 ? prefill.levels : v.levels,
    discHeightRetainedPercent: prefill.discHeightRetainedPercent ?? v.discHeightRetainedPercent,
  };
}

const sameLevels = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

export function ImagingFields({
  v,
  set,
  prefill,
}: {
  v: CandidacyValues;
  set: <K extends keyof CandidacyValues>(k: K, value: CandidacyValues[K]) => void;
  prefill: ImagingPrefill | null;
}) {
  const from = prefill ? `imaging on ${formatDate(prefill.study.date)}` : null;
  const height = prefill?.discHeightRetainedPercent ?? null;
  const levelWords = (ls: readonly string[]) => ls.map((l) => l.replace("-", "–")).join(", ");
  return (
    <>
      <Title order={3} size="h5">
        Imaging
      </Title>
      {prefill && (
        <Text size="sm" data-testid="imaging-prefill">
          Filled in from {from} ({modalityLabel[prefill.study.modality] ?? prefill.study.modality}). Check and
          change anything that is not right.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput
          label="Modified Pfirrmann grade (1–8)"
          description={
            prefill && prefill.pfirrmann.length > 0
              ? `Imaging on ${formatDate(prefill.study.date)}: ${prefill.pfirrmann.map((p) => `grade ${p.grade} of 5 at ${p.level.replace("-", "–")}`).join(", ")} (original scale, not copied). Enter the modified grade from the report.`
              : undefined
          }
          min={1}
          max={8}
          allowDecimal={false}
          value={v.pfirrmannGrade ?? ""}
          onChange={(x) => set("pfirrmannGrade", typeof x === "number" ? x : null)}
        />
        <NumberInput
          label="Disc height retained (%)"
          description={
            height === null
              ? undefined
              : v.discHeightRetainedPercent === height
                ? `From ${from}`
                : `Changed; ${from} says ${height}%`
          }
          min={0}
          max={100}
          value={v.discHeightRetainedPercent ?? ""}
          onChange={(x) => set("discHeightRetainedPercent", typeof x === "number" ? x : null)}
        />
      </SimpleGrid>
      <Checkbox.Group
        label="Symptomatic degenerated levels"
        description={
          prefill?.levelsFrom === "imaging" && prefill.levels.length > 0
            ? sameLevels(v.levels, prefill.levels)
              ? `From ${from}`
              : `Changed; ${from} shows ${levelWords(prefill.levels)}`
            : undefined
        }
        value={v.levels}
        onChange={(x) => set("levels", x)}
      >
        <Group gap="md" mt={4}>
          {spinalLevels.map((l) => (
            <Checkbox key={l} value={l} label={l.replace("-", "–")} />
          ))}
        </Group>
      </Checkbox.Group>
    </>
  );
}

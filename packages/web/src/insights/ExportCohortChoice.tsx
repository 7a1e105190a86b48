/**
 * The cohort of a research export: a saved cohort (the latest version of each the caller can use,
 * GET /cohorts), whose one-line definition is written into the export as cohort.txt, or the ad hoc
 * filters below it. The filters' option lists are here too, for the page's filter fields.
 */
import { conditions, treatmentKinds } from "@evident/domain";
import { NativeSelect, Text } from "@mantine/core";
import { useSavedCohorts } from "../api/research";

export const conditionData = conditions.map((c) => ({ value: c.id, label: c.label }));
export const kindData = treatmentKinds.map((k) => ({ value: k.id, label: k.label }));
const capital = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;
export const sexData = ["female", "male", "other", "unknown"].map((s) => ({ value: s, label: capital(s) }));
export const startBackData = ["low", "medium", "high"].map((s) => ({
  value: s,
  label: `${capital(s)} risk`,
}));

/** The request fields the page puts errors under. */
export const cohortFields = [
  "cohortId",
  "cohort.sexes",
  "cohort.ageBands",
  "cohort.conditions",
  "cohort.treatmentKinds",
  "cohort.startBackGroups",
  "cohort.treatedFrom",
  "cohort.treatedTo",
];

export function SavedCohortChoice(props: {
  value: string;
  onChange: (id: string) => void;
  disabled: boolean;
  error?: string;
}) {
  const cohorts = useSavedCohorts();
  const items = cohorts.data?.items ?? [];
  const chosen = items.find((c) => c.id === props.value);
  return (
    <>
      <NativeSelect
        label="Saved cohort"
        description={
          cohorts.isError
            ? "The saved cohorts could not be loaded; use the filters below."
            : "Its definition and version are written into the export (cohort.txt)."
        }
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        disabled={props.disabled || cohorts.isPending}
        error={props.error}
        data={[
          { value: "", label: "None: use the filters below" },
          ...items.map((c) => ({ value: c.id, label: `${c.name} (v${c.version})` })),
        ]}
      />
      {chosen && (
        <Text size="sm" aria-live="polite">
          {chosen.line}
        </Text>
      )}
    </>
  );
}

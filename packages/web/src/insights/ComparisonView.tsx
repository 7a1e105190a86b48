/**
 * The adjusted comparison: pick a treatment, a comparator, a questionnaire, a timepoint and how
 * extreme weights are truncated, then compare. A plain form (native selects and a submit button)
 * so it works from the keyboard and with a screen reader; a refusal from the server (too few
 * patients, the same treatment twice) is shown under the field it names. It opens on a pair the
 * outcomes report (same cohort) shows has enough patients (comparison-start.ts), so the first
 * thing a researcher sees is a result rather than a refusal.
 */
import { timepoints, treatmentKinds } from "@evident/domain";
import type { ComparisonQuery, TruncationChoice } from "@evident/domain/api";
import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { isApiError } from "../api/client";
import { LoadError, Loading } from "../components/QueryStates";
import { usePageCohort } from "./CohortLine";
import { ComparisonResult } from "./ComparisonResult";
import { comparisonStart } from "./comparison-start";
import { coreMeasures as MEASURES } from "./measure-choice";
import { useComparison, useOutcomes } from "./queries";

const truncations: { value: TruncationChoice; label: string }[] = [
  { value: "p1-p99", label: "At the 1st and 99th percentiles" },
  { value: "p5-p95", label: "At the 5th and 95th percentiles" },
  { value: "none", label: "Not truncated" },
];

/** The pair when the report names none with enough patients (the server's refusal then says why). */
const fallback: ComparisonQuery = {
  treatment: "bone_marrow_concentrate",
  comparator: "exercise_physiotherapy",
  instrument: "odi",
  timepoint: "12m",
  truncate: "p1-p99",
};

export function ComparisonView() {
  const cohort = usePageCohort().query;
  const report = useOutcomes(cohort);
  const [draft, setDraft] = useState<ComparisonQuery>(fallback);
  const [submitted, setSubmitted] = useState<ComparisonQuery | null>(null);
  // The first comparison waits for the report, then opens on a pair with enough patients.
  const reportData = report.data;
  const reportFailed = report.isError;
  useEffect(() => {
    if (submitted !== null || (!reportData && !reportFailed)) return;
    const start = (reportData && comparisonStart(reportData)) || fallback;
    setDraft(start);
    setSubmitted(start);
  }, [submitted, reportData, reportFailed]);
  const query = useComparison(submitted, cohort);
  const set = (field: keyof ComparisonQuery) => (e: { currentTarget: { value: string } }) => {
    // Read the value now: the event's currentTarget is gone by the time the updater runs.
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [field]: value }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted({ ...draft });
  };
  const refused = isApiError(query.error) && query.error.status === 400 ? query.error : null;
  const issue = (field: string) => refused?.issues.find((i) => i.path === field)?.message;
  const kinds = treatmentKinds.map((k) => ({ value: k.id, label: k.label }));

  return (
    <Stack gap="md">
      <Paper
        withBorder
        radius="md"
        p={{ base: "sm", sm: "md" }}
        component="section"
        aria-labelledby="compare-h"
      >
        <Text id="compare-h" fw={650} mb={4}>
          Compare two first treatments
        </Text>
        <Text size="sm" c="dimmed" mb="sm">
          Patients whose first treatment in an episode was one or the other, weighted so their age, sex,
          baseline score, symptom duration and condition balance.
        </Text>
        <form onSubmit={submit} aria-labelledby="compare-h">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <NativeSelect
              label="Treatment"
              value={draft.treatment}
              onChange={set("treatment")}
              data={kinds}
              error={issue("treatment")}
            />
            <NativeSelect
              label="Compared with"
              value={draft.comparator}
              onChange={set("comparator")}
              data={kinds}
              error={issue("comparator")}
            />
            <NativeSelect
              label="Questionnaire"
              value={draft.instrument}
              onChange={set("instrument")}
              data={MEASURES.map((m) => ({ value: m.id, label: m.label }))}
              error={issue("instrument")}
            />
            <NativeSelect
              label="Timepoint"
              value={draft.timepoint}
              onChange={set("timepoint")}
              data={timepoints.map((t) => ({ value: t.id, label: t.label }))}
              error={issue("timepoint")}
            />
            <NativeSelect
              label="Truncate extreme weights"
              value={draft.truncate}
              onChange={set("truncate")}
              data={truncations}
              error={issue("truncate")}
            />
          </SimpleGrid>
          <Group mt="sm">
            <Button type="submit" loading={query.isFetching}>
              Compare
            </Button>
          </Group>
        </form>
      </Paper>
      {submitted === null || (query.isPending && query.isFetching) ? (
        <Loading label="Fitting the propensity model…" />
      ) : refused ? (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle aria-hidden />}
          title="This comparison cannot be made"
          role="alert"
        >
          <Stack gap={4}>
            {refused.issues.map((i) => (
              <Text size="sm" key={`${i.path}:${i.message}`}>
                {i.message.charAt(0).toUpperCase() + i.message.slice(1)}.
              </Text>
            ))}
            <Text size="sm" c="dimmed">
              Try a timepoint with more answers (6 or 12 months), or a commoner treatment.
            </Text>
          </Stack>
        </Alert>
      ) : query.isError ? (
        <LoadError error={query.error} retry={() => query.refetch()} what="comparison" />
      ) : query.data ? (
        <ComparisonResult report={query.data} />
      ) : null}
    </Stack>
  );
}

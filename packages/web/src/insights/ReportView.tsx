/**
 * The "change and responders" section for the page's cohort and chosen measures: mean change from
 * baseline with its 95% CI per treatment and timepoint (small multiples on a shared scale, for one
 * change measure at a time, downloadable as SVG, PNG and CSV), the chosen measures' responder rules
 * with their sources, then one table per treatment with the follow-up counts, completeness, n, mean
 * change and responders. A cohort too small to show, or one nobody matches, says so.
 */
import { Alert, EmptyState, List, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { IconChartDots, IconUsersGroup } from "@tabler/icons-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { formatDate } from "../components/format";
import { LoadError, Loading } from "../components/QueryStates";
import { ChangePlot } from "./ChangePlot";
import { usePageCohort } from "./CohortLine";
import { changeChart, changeHeader, changeRows } from "./change-chart";
import { FigureDownloads } from "./FigureDownloads";
import { KindOutcomes } from "./KindOutcomes";
import { MeasurePicker, MeasureRules } from "./MeasurePicker";
import {
  improvementText,
  isChangeMeasure,
  measureById,
  measuresFromParam,
  measuresParam,
  measureTitle,
  plotLimit,
} from "./measure-choice";
import { plotSeries } from "./plotData";
import { useOutcomes } from "./queries";

function Empty({ title, description }: { title: string; description: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <EmptyState icon={<IconUsersGroup aria-hidden />} title={title} description={description} py="xl" />
    </Paper>
  );
}

export function ReportView() {
  const [params, setParams] = useSearchParams();
  const { query, measures } = usePageCohort();
  const chosen = measuresFromParam(params.get("measures"));
  const report = useOutcomes(query, measures);
  const changeIds = chosen.filter(isChangeMeasure);
  const [wanted, setWanted] = useState<string>("odi");
  const measure = changeIds.includes(wanted) ? wanted : (changeIds[0] ?? null);
  const def = measure ? measureById(measure) : undefined;
  const series = useMemo(
    () => (report.data && measure ? plotSeries(report.data.rows, measure) : []),
    [report.data, measure],
  );
  const label = measure ? measureTitle(measure) : "";
  const render = useMemo(() => changeChart(series, label, def ? plotLimit(def) : 10), [series, label, def]);
  // The address updates after a navigation, not at once: two quick clicks must build on each
  // other, so the choice asked for last is kept until the address has caught up with it.
  // (Cleared in an effect, not while rendering: a render the router starts may not be committed.)
  const asked = useRef<string | null>(null);
  const inAddress = params.get("measures") ?? "";
  useEffect(() => {
    if (asked.current === inAddress) asked.current = null;
  }, [inAddress]);
  const toggle = (id: string, on: boolean) => {
    const base = asked.current !== null ? measuresFromParam(asked.current || null) : chosen;
    const ids = base.filter((m) => m !== id);
    const value = measuresParam(on ? [...ids, id] : ids);
    asked.current = value ?? "";
    setParams(
      (latest) => {
        const next = new URLSearchParams(latest);
        if (value) next.set("measures", value);
        else next.delete("measures");
        return next;
      },
      { replace: true },
    );
  };

  if (report.isPending) return <Loading label="Loading the outcomes report…" />;
  if (report.isError)
    return <LoadError error={report.error} retry={() => report.refetch()} what="outcomes report" />;
  const r = report.data;
  const kinds = [...new Set(r.rows.map((x) => x.treatmentKind))];
  const filtered = r.cohort !== null;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {r.patients === null
          ? "Fewer than 11 patients"
          : `${r.patients} ${r.patients === 1 ? "patient" : "patients"}`}{" "}
        with a recorded treatment · as of {formatDate(r.asOf)}
      </Text>
      <Alert color="gray" variant="light" title="About these figures">
        <List size="sm" spacing={4}>
          {r.notes.map((n) => (
            // The caveat about causation is the one no reader may miss.
            <List.Item key={n} fw={/uncontrolled|caus/i.test(n) ? 650 : undefined}>
              {n}
            </List.Item>
          ))}
        </List>
      </Alert>
      <MeasurePicker chosen={chosen} onToggle={toggle} />
      {filtered && r.patients === null ? (
        <Empty
          title="Too few patients to show"
          description="This cohort has 1 to 10 patients. Figures from so few could single someone out, so none are shown: widen the filters."
        />
      ) : filtered && (r.patients === 0 || r.rows.length === 0) ? (
        <Empty
          title="No patients match this cohort"
          description="No patient with a recorded treatment meets every filter (rows with 1 to 10 follow-ups due are left out). Widen or clear the filters."
        />
      ) : r.rows.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <EmptyState
            icon={<IconChartDots aria-hidden />}
            title="No outcomes yet"
            description="Figures appear once patients have a recorded treatment and their follow-ups come due."
            py="xl"
          />
        </Paper>
      ) : (
        <>
          <Paper
            withBorder
            radius="md"
            p={{ base: "sm", sm: "md" }}
            component="section"
            aria-labelledby="plot-h"
          >
            <Stack gap="xs" mb="sm">
              <div>
                <Title order={2} size="h4" id="plot-h">
                  Mean change from baseline
                </Title>
                <Text size="sm" c="dimmed">
                  Points are means, bars are 95% confidence intervals.
                </Text>
              </div>
              {changeIds.length > 1 && measure && (
                <NativeSelect
                  label="Measure in the plot"
                  value={measure}
                  onChange={(e) => setWanted(e.currentTarget.value)}
                  data={changeIds.map((id) => ({ value: id, label: measureTitle(id) }))}
                  maw={420}
                />
              )}
            </Stack>
            {!measure || !def ? (
              <Text size="sm" c="dimmed" py="md">
                The global impression of change is a share of answers, not a change from baseline: it is in
                the tables below.
              </Text>
            ) : series.length === 0 ? (
              <Text size="sm" c="dimmed" py="md">
                No treatment has at least {r.minimumCell} patients with both a baseline and a follow-up answer
                for {label} yet.
              </Text>
            ) : (
              <>
                <ChangePlot
                  series={series}
                  unit="points"
                  label={label}
                  limit={plotLimit(def)}
                  improvement={improvementText(def)}
                />
                <FigureDownloads
                  file={{
                    name: `outcomes-change-${measure}-${r.asOf}`,
                    title: `${label}: mean change from baseline by treatment (95% CI)`,
                    render,
                    csv: () => ({ header: changeHeader, rows: changeRows(series, measure) }),
                  }}
                />
              </>
            )}
          </Paper>
          <MeasureRules chosen={chosen} />
          <Title order={2} size="h3" mt="sm">
            By treatment
          </Title>
          {kinds.map((k) => (
            <KindOutcomes
              key={k}
              kind={k}
              rows={r.rows.filter((x) => x.treatmentKind === k)}
              minimumCell={r.minimumCell}
              measures={chosen}
            />
          ))}
        </>
      )}
    </Stack>
  );
}

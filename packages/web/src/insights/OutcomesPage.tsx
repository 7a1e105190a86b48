/**
 * Outcomes: does a treatment work, and how sure can we be? Five views of the same registry, one
 * per tab (the tab is in the address, so a view can be linked to): change and responders, the
 * distribution of change, surgery-free survival, an adjusted comparison of two treatments, and
 * clinic benchmarking (a funnel plot over the network).
 * The honest-reporting notes lead the page whatever the tab: before/after figures are not
 * evidence that a treatment caused the change, adjustment cannot remove unmeasured confounding,
 * and cell therapies are investigational. Researchers see the same page on all clinics pooled.
 * A cohort panel above the tabs narrows every view to the same cohort, kept in the address.
 */
import { Alert, Badge, List, Stack, Tabs } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useSearchParams } from "react-router";
import { useMe } from "../api/queries";
import { PageHeader } from "../components/PageHeader";
import { usePageTitle } from "../components/usePageTitle";
import { BenchmarkView } from "./BenchmarkView";
import { CohortPanel } from "./CohortPanel";
import { ComparisonView } from "./ComparisonView";
import { DistributionView } from "./DistributionView";
import { ReportView } from "./ReportView";
import { SurvivalView } from "./SurvivalView";

const views = [
  { id: "change", label: "Change and responders" },
  { id: "distribution", label: "Distribution of change" },
  { id: "survival", label: "Surgery-free survival" },
  { id: "comparison", label: "Adjusted comparison" },
  { id: "benchmarks", label: "Clinic benchmarking" },
] as const;
type View = (typeof views)[number]["id"];

export function OutcomesPage() {
  usePageTitle("Outcomes");
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const requested = params.get("view");
  const view: View = views.some((v) => v.id === requested) ? (requested as View) : "change";
  const pooled = me.data?.kind === "staff" && me.data.role === "researcher";

  return (
    <Stack gap="md" maw={1280}>
      <PageHeader
        title="Outcomes"
        description="How patients fared after each treatment, with the uncertainty and the missing follow-ups beside every figure."
        actions={
          me.data && (
            <Badge variant="light" color={pooled ? "grape" : "blue"} size="lg">
              {pooled ? "All clinics pooled, de-identified" : "Your clinic"}
            </Badge>
          )
        }
      />
      <Alert
        color="blue"
        icon={<IconInfoCircle aria-hidden />}
        title="How to read these figures"
        variant="light"
      >
        <List size="sm" spacing={4}>
          <List.Item fw={650}>
            Before-and-after changes include natural recovery, regression to the mean and placebo effects:
            they do not show that a treatment works.
          </List.Item>
          <List.Item>
            Adjusted comparisons balance the characteristics we measured; they cannot rule out differences we
            did not measure.
          </List.Item>
          <List.Item>
            Cell therapies (bone-marrow concentrate, adipose-derived cells, cultured or donor cells) and PRP
            are investigational: no stem-cell, other cell or PRP product is FDA-approved for back pain.
          </List.Item>
        </List>
      </Alert>
      <CohortPanel />
      <Tabs
        value={view}
        onChange={(v) => {
          // The cohort and the measures stay in the address from tab to tab.
          const next = new URLSearchParams(params);
          if (v && v !== "change") next.set("view", v);
          else next.delete("view");
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {views.map((v) => (
            <Tabs.Tab key={v.id} value={v.id}>
              {v.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="change">
          <ReportView />
        </Tabs.Panel>
        <Tabs.Panel value="distribution">
          <DistributionView />
        </Tabs.Panel>
        <Tabs.Panel value="survival">
          <SurvivalView />
        </Tabs.Panel>
        <Tabs.Panel value="comparison">
          <ComparisonView />
        </Tabs.Panel>
        <Tabs.Panel value="benchmarks">
          <BenchmarkView />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/**
 * Data quality: each rule with what it checks and how many records it found in the newest run
 * (nightly, or "Run now" for administrators). Staff open a rule to see the records, each a link to
 * the patient's record; researchers see every clinic's counts summed, and no record.
 */

import type { QualityReport, QualityRuleResult } from "@evident/domain/api";
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconCircleCheck, IconRefresh } from "@tabler/icons-react";
import { Link } from "react-router";
import { useQuality, useRunQuality } from "../api/quality";
import { useMe } from "../api/queries";
import { formatDateTime } from "../components/format";
import { can, type StaffMe } from "../components/Guards";
import { PageHeader } from "../components/PageHeader";
import { LoadError, Loading } from "../components/QueryStates";
import { usePageTitle } from "../components/usePageTitle";

/** Records listed under a rule before "and N more": enough to work through, small enough to read. */
const SHOWN = 100;

const recordLabel: Record<NonNullable<QualityRuleResult["records"]>[number]["type"], string> = {
  patient: "Patient",
  treatment: "Treatment",
  "follow-up": "Follow-up",
  response: "Answers",
};

function Records({ rule }: { rule: QualityRuleResult }) {
  const records = rule.records ?? [];
  return (
    <Accordion variant="contained" chevronPosition="left">
      <Accordion.Item value={rule.id}>
        <Accordion.Control>
          Show the {rule.count} record{rule.count === 1 ? "" : "s"}
        </Accordion.Control>
        <Accordion.Panel>
          <List spacing={6} size="sm" listStyleType="none" ml={0} pl={0}>
            {records.slice(0, SHOWN).map((r) => (
              <List.Item key={`${r.type}:${r.id}`}>
                <Group gap="xs" wrap="nowrap" align="baseline">
                  <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }}>
                    {recordLabel[r.type]}
                  </Badge>
                  <Anchor component={Link} to={`/patients/${r.patientId}`} size="sm">
                    {r.note}
                  </Anchor>
                </Group>
              </List.Item>
            ))}
          </List>
          {records.length > SHOWN && (
            <Text size="sm" c="dimmed" mt="xs">
              and {records.length - SHOWN} more.
            </Text>
          )}
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

function RuleCard({ rule }: { rule: QualityRuleResult }) {
  const titleId = `rule-${rule.id}`;
  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }} component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={2} size="h4" id={titleId}>
            {rule.title}
          </Title>
          <Badge
            size="lg"
            color={rule.count === 0 ? "teal" : "red.9"}
            variant={rule.count === 0 ? "light" : "filled"}
            style={{ flexShrink: 0 }}
            aria-label={`${rule.count} found`}
          >
            {rule.count}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {rule.description}
        </Text>
        {rule.records && rule.count > 0 && <Records rule={rule} />}
      </Stack>
    </Paper>
  );
}

function Summary({ report }: { report: QualityReport }) {
  const total = report.rules.reduce((n, r) => n + r.count, 0);
  const asOf = formatDateTime(report.asOf);
  if (report.asOf === null)
    return (
      <Alert color="gray" title="Not checked yet">
        No clinic has been checked yet. The checks run every night.
      </Alert>
    );
  if (total === 0)
    return (
      <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title="No problems found">
        Every rule passed on the records as of {asOf}.
      </Alert>
    );
  return (
    <Text size="sm">
      {total} finding{total === 1 ? "" : "s"} across {report.rules.filter((r) => r.count > 0).length} rules,
      as of {asOf}.
    </Text>
  );
}

function pageDescription(report: QualityReport): string {
  if (report.scope === "pooled")
    return `Counts from the newest check of each clinic (${report.clinics ?? 0}), summed. Only each clinic's staff see which records.`;
  const checked = report.patientsChecked === undefined ? "" : ` of ${report.patientsChecked} patients`;
  const how = report.trigger === "nightly" ? "nightly check" : "check";
  return `Checks of the clinic's records that change what the outcomes show. From the ${how}${checked} on ${formatDateTime(report.asOf)}.`;
}

export function QualityPage() {
  usePageTitle("Data quality");
  const me = useMe().data as StaffMe | null | undefined;
  const quality = useQuality();
  const run = useRunQuality();
  const mayRun = me ? can(me, "clinic:configure") : false;
  return (
    <>
      <PageHeader
        title="Data quality"
        description={quality.data ? pageDescription(quality.data) : undefined}
        actions={
          mayRun && (
            <Button
              leftSection={<IconRefresh aria-hidden size={16} />}
              onClick={() => run.mutate()}
              loading={run.isPending}
            >
              Run now
            </Button>
          )
        }
      />
      {quality.isPending ? (
        <Loading label="Loading the checks…" />
      ) : quality.isError ? (
        <LoadError error={quality.error} retry={() => quality.refetch()} what="data-quality checks" />
      ) : (
        <Stack gap="md">
          {run.isError && (
            <Alert color="red" title="The checks did not run">
              {run.error.message}
            </Alert>
          )}
          <div aria-live="polite">
            <Summary report={quality.data} />
          </div>
          {quality.data.rules.map((rule) => (
            <RuleCard key={rule.id} rule={rule} />
          ))}
        </Stack>
      )}
    </>
  );
}

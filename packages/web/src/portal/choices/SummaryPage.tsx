/**
 * The one-page summary to bring to the visit: what matters to the patient, the choice they lean
 * toward with its key facts (numbers with their time frame, certainty and status), the choices
 * whose facts fit what they rated highest (never a ranking), and their questions. Prints on one
 * page (print CSS hides the portal's frame).
 */
import {
  fittingOptions,
  frequencySentence,
  importantValues,
  localizedOption,
  summaryWords,
} from "@evident/domain/evidence";
import { Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconDownload, IconPrinter } from "@tabler/icons-react";
import { Link } from "react-router";
import { useMyDecisions } from "../../api/decisions";
import { formatLongDate } from "../../components/format";
import { LoadError, Loading } from "../../components/QueryStates";
import { usePageTitle } from "../../components/usePageTitle";
import classes from "../../decision-aid/DecisionAid.module.css";
import { useAidLanguage } from "../../decision-aid/language";
import { useChoiceCopy } from "./copy";

export function SummaryPage() {
  const t = useChoiceCopy();
  const a = useAidLanguage();
  usePageTitle(t.summaryTitle);
  const decisions = useMyDecisions();
  if (decisions.isPending) return <Loading />;
  if (decisions.isError)
    return <LoadError error={decisions.error} retry={() => decisions.refetch()} what="summary" />;
  const d = decisions.data.items[0];
  if (!d)
    return (
      <Stack gap="sm">
        <Title order={1} size="h2">
          {t.summaryTitle}
        </Title>
        <Text>{t.noSummary}</Text>
        <Button component={Link} to="/portal/choices">
          {t.toChoices}
        </Button>
      </Stack>
    );
  const chosen = a.option(d.choice);
  const important = importantValues(d.values);
  const fitting = fittingOptions(d.values).map((o) => localizedOption(o, a.lang));
  const frequencies = chosen ? frequencySentence(chosen, a.lang) : null;

  return (
    <Stack gap="md" className={classes.summary}>
      <div>
        <Title order={1} size="h2">
          {t.summaryTitle}
        </Title>
        <Text size="sm" mt={4}>
          {t.summaryIntro}
        </Text>
        <Text size="xs" c="dimmed">
          {summaryWords[a.lang].versions(
            formatLongDate(d.decidedAt, a.lang),
            d.contentVersion,
            d.valuesVersion,
          )}
        </Text>
      </div>
      <Group gap="sm" data-noprint>
        <Button leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
          {t.print}
        </Button>
        <Button
          component="a"
          href={`/api/v1/portal/decisions/${d.id}/summary.pdf?lang=${a.lang}`}
          download
          variant="light"
          leftSection={<IconDownload size={18} aria-hidden />}
        >
          {t.download}
        </Button>
        <Button component={Link} to="/portal/choices/values" variant="default">
          {t.changeAnswers}
        </Button>
      </Group>
      <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="values-h">
        <Title order={2} size="h4" id="values-h" mb={4}>
          {t.myValues}
        </Title>
        <Table fz="sm" verticalSpacing={2}>
          <Table.Tbody>
            {a.values.values.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Th scope="row" fw={500}>
                  {v.statement}
                </Table.Th>
                <Table.Td>{a.values.scale.labels[d.values[v.id] ?? 0]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="leaning-h">
        <Title order={2} size="h4" id="leaning-h" mb={4}>
          {t.myLeaning}: {chosen ? chosen.name : t.unsure}
        </Title>
        {chosen && (
          <Stack gap={4}>
            <Text size="sm">
              {a.w.certainty} {chosen.certaintyNote}
            </Text>
            {frequencies && <Text size="sm">{frequencies}</Text>}
            <Text size="sm">
              {t.timeToWork}: {a.speedLabels[chosen.speed]}. {t.cost}: {a.costLabels[chosen.cost.band]}.{" "}
              {t.status}: {chosen.regulatoryStatus}
            </Text>
          </Stack>
        )}
      </Paper>
      {important.length > 0 && (
        <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="fits-h">
          <Title order={2} size="h4" id="fits-h" mb={4}>
            {t.fits}
          </Title>
          <Text size="xs" c="dimmed" mb={4}>
            {t.fitsNote}
          </Text>
          <Text size="sm">{fitting.length ? fitting.map((o) => o.name).join(" · ") : t.noneFits}</Text>
        </Paper>
      )}
      {d.questions && (
        <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="questions-h">
          <Title order={2} size="h4" id="questions-h" mb={4}>
            {t.myQuestions}
          </Title>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {d.questions}
          </Text>
        </Paper>
      )}
      <Text size="xs" c="dimmed">
        {a.content.funding}
      </Text>
    </Stack>
  );
}

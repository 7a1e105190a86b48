/**
 * "All choices at a glance": for every option the figure of a fair test (both groups, what was
 * counted and when, each count framed both ways with its group size and likely range), how sure
 * the experts are or why there is no rating, time to work, cost and approval status (IPDAS: the
 * same facts for every option, compared like with like). A before-and-after figure is never shown
 * here (domain evidence/figures.ts `glanceFigure`). The clinic's wide screen gets a table; a phone
 * and the portal's one column get a list of the same facts, so nothing scrolls sideways.
 */
import {
  type DecisionOption,
  figureWords,
  glanceFigure,
  type OptionGroup,
  rowDetail,
} from "@evident/domain/evidence";
import { List, Paper, Stack, Table, Text } from "@mantine/core";
import classes from "./DecisionAid.module.css";
import { useAidLanguage } from "./language";

function Figure({ option }: { option: DecisionOption }) {
  const { lang, p } = useAidLanguage();
  const f = figureWords[lang];
  const g = glanceFigure(option);
  if (g.kind === "none") return <Text size="sm">{f.noComparison[g.reason]}</Text>;
  if (g.kind === "average")
    return (
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          {p.measured(g.average)}
        </Text>
        <Text size="sm">{g.average.summary}</Text>
      </Stack>
    );
  const t = g.table;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {p.howMany(t)}
      </Text>
      <List size="sm" spacing={2}>
        {t.rows.map((r) => {
          const detail = rowDetail(r, lang);
          return (
            <List.Item key={r.label}>
              <Text span size="sm" fw={600}>
                {r.label}:
              </Text>{" "}
              {f.short(r)}
              {detail && (
                <Text span size="xs" c="dimmed">
                  {` (${detail})`}
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}

/** The certainty label, or why there is none. */
export function useCertaintyLabel(): (o: DecisionOption) => string {
  const { lang, certaintyLabels } = useAidLanguage();
  return (o) =>
    o.certainty ? certaintyLabels[o.certainty] : figureWords[lang].noRating[o.noRating ?? "not-graded"];
}

function Status({ option }: { option: DecisionOption }) {
  const { p } = useAidLanguage();
  return option.investigational ? (
    <Text span size="xs" fw={700} c="orange.9" bg="orange.0" px={8} py={2} className={classes.flag}>
      {p.experimentalNotApproved}
    </Text>
  ) : (
    p.inUse
  );
}

function GlanceTable({ options }: { options: readonly DecisionOption[] }) {
  const { w, p, speedLabels, costLabels } = useAidLanguage();
  const certainty = useCertaintyLabel();
  return (
    <Table
      striped
      verticalSpacing={6}
      fz="sm"
      layout="fixed"
      className={classes.compare}
      aria-labelledby="compare-h"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="16%">
            {p.choice}
          </Table.Th>
          <Table.Th scope="col" w="38%">
            {w.mainNumber}
          </Table.Th>
          <Table.Th scope="col" w="13%">
            {w.certainty}
          </Table.Th>
          <Table.Th scope="col" w="11%">
            {w.timeToEffect}
          </Table.Th>
          <Table.Th scope="col" w="9%">
            {w.cost}
          </Table.Th>
          <Table.Th scope="col" w="13%">
            {w.status}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {options.map((o) => (
          <Table.Tr key={o.id} data-glance={o.id}>
            <Table.Th scope="row" fw={600}>
              <a href={`#option-${o.id}`}>{o.name}</a>
            </Table.Th>
            <Table.Td>
              <Figure option={o} />
            </Table.Td>
            <Table.Td>{certainty(o)}</Table.Td>
            <Table.Td>{speedLabels[o.speed]}</Table.Td>
            <Table.Td>{costLabels[o.cost.band]}</Table.Td>
            <Table.Td>
              <Status option={o} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className={classes.fact}>
      <Text component="dt" size="xs" fw={700} c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

function GlanceList({ options }: { options: readonly DecisionOption[] }) {
  const { w, speedLabels, costLabels } = useAidLanguage();
  const certainty = useCertaintyLabel();
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }} aria-labelledby="compare-h">
      {options.map((o) => (
        <Paper key={o.id} component="li" withBorder radius="md" p="sm" data-glance={o.id}>
          <Text fw={700} mb={4}>
            <a href={`#option-${o.id}`}>{o.name}</a>
          </Text>
          <dl className={classes.facts}>
            <Fact label={w.mainNumber}>
              <Figure option={o} />
            </Fact>
            <Fact label={w.certainty}>{certainty(o)}</Fact>
            <Fact label={w.timeToEffect}>{speedLabels[o.speed]}</Fact>
            <Fact label={w.cost}>{costLabels[o.cost.band]}</Fact>
            <Fact label={w.status}>
              <Status option={o} />
            </Fact>
          </dl>
        </Paper>
      ))}
    </Stack>
  );
}

/** `wide`: the clinic workspace, a table from the small breakpoint up; otherwise always the list. */
export function Glance({ group, wide }: { group: OptionGroup | "all"; wide: boolean }) {
  const { w, options: all } = useAidLanguage();
  const options = all.filter((o) => group === "all" || o.group === group);
  return (
    <>
      <Text size="sm">{w.compareIntro}</Text>
      {wide ? (
        <>
          <Table.ScrollContainer minWidth={860} visibleFrom="sm">
            <GlanceTable options={options} />
          </Table.ScrollContainer>
          <Stack hiddenFrom="sm">
            <GlanceList options={options} />
          </Stack>
        </>
      ) : (
        <GlanceList options={options} />
      )}
    </>
  );
}

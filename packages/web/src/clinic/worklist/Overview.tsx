/**
 * The worklist's first view, everything on one screen, most urgent first: adverse events whose
 * expedited report is due (overdue first), open tasks (emergency, urgent, then by deadline: the
 * triage and call-the-patient tasks among them), and follow-ups whose window is open or about to
 * open, closing soonest first — an answer after the window is lost to the outcomes.
 */
import { type AeKind, aeKindLabels } from "@evident/domain/adverse-events/rules";
import { Anchor, Badge, Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useAeClocks } from "../../api/adverse-events";
import { useTasks } from "../../api/triage";
import { useDueFollowUps } from "../../api/worklist";
import { formatDate, localToday } from "../../components/format";
import { LoadError, Loading } from "../../components/QueryStates";
import { FollowUpTable } from "./FollowUpTable";
import { Due } from "./TaskQueue";

/** The overview shows the follow-ups closing soonest; the Follow-ups view lists them all. */
const OVERVIEW_FOLLOW_UPS = 15;
/** And the most urgent tasks; All tasks lists every one. */
const OVERVIEW_TASKS = 15;

const priorityColor: Record<string, string> = {
  emergency: "red",
  urgent: "orange",
  soon: "blue",
  routine: "gray",
};

function Section({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count: number;
  children: React.ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        <Badge variant="light" color={count > 0 ? "blue" : "gray"}>
          {count}
        </Badge>
      </Group>
      {children}
    </Card>
  );
}

export function Overview() {
  const today = localToday();
  const clocks = useAeClocks();
  const tasks = useTasks("open");
  const followUps = useDueFollowUps();
  if (clocks.isPending || tasks.isPending || followUps.isPending)
    return <Loading label="Loading the worklist…" />;
  if (clocks.isError || tasks.isError || followUps.isError)
    return (
      <LoadError
        error={clocks.error ?? tasks.error ?? followUps.error}
        retry={() => {
          void clocks.refetch();
          void tasks.refetch();
          void followUps.refetch();
        }}
        what="worklist"
      />
    );
  const aes = [...clocks.data.items].sort(
    (a, b) => Number(b.clock.status === "overdue") - Number(a.clock.status === "overdue"),
  );
  return (
    <Stack>
      <Section id="wl-ae" title="Adverse-event reports due" count={aes.length}>
        {aes.length === 0 ? (
          <Text size="sm" c="dimmed">
            No expedited report is due.
          </Text>
        ) : (
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {aes.map((e) => (
              <Group key={e.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                <div>
                  <Anchor component={Link} to={`/patients/${e.patientId}`} fw={600}>
                    {e.patientName}
                  </Anchor>
                  <Text size="sm">
                    {aeKindLabels[e.kind as AeKind] ?? e.kind}, CTCAE grade {e.severity} · {e.clock.days}-day
                    report
                  </Text>
                </div>
                <Badge color={e.clock.status === "overdue" ? "red" : "orange"} style={{ flex: "none" }}>
                  {e.clock.status === "overdue" ? "Overdue since" : "Due"} {formatDate(e.clock.dueDate ?? "")}
                </Badge>
              </Group>
            ))}
          </Stack>
        )}
      </Section>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section id="wl-tasks" title="Tasks" count={tasks.data.items.length}>
            {tasks.data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                No open task.
              </Text>
            ) : (
              <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
                {tasks.data.items.slice(0, OVERVIEW_TASKS).map((t) => (
                  <Stack
                    key={t.id}
                    component="li"
                    gap={2}
                    pb={6}
                    style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
                  >
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text fw={600} size="sm">
                        {t.patientId ? (
                          <Anchor component={Link} to={`/patients/${t.patientId}`} inherit>
                            {t.title}
                          </Anchor>
                        ) : (
                          t.title
                        )}
                      </Text>
                      <Badge
                        color={priorityColor[t.priority] ?? "gray"}
                        variant="light"
                        style={{ flex: "none" }}
                      >
                        {t.priority}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t.patientName ? `${t.patientName} · ` : ""}
                      {t.assignedRole}
                    </Text>
                    <Due task={t} size="xs" />
                  </Stack>
                ))}
              </Stack>
            )}
            {tasks.data.items.length > OVERVIEW_TASKS && (
              <Anchor component={Link} to="/worklist?view=tasks" size="sm" mt="xs" display="inline-block">
                All {tasks.data.items.length} tasks
              </Anchor>
            )}
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section id="wl-fu" title="Follow-ups due" count={followUps.data.items.length}>
            {followUps.data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                No follow-up is open or opening this week.
              </Text>
            ) : (
              <>
                <FollowUpTable
                  items={followUps.data.items.slice(0, OVERVIEW_FOLLOW_UPS)}
                  today={today}
                  caption="Follow-ups due"
                />
                {followUps.data.items.length > OVERVIEW_FOLLOW_UPS && (
                  <Anchor
                    component={Link}
                    to="/worklist?view=follow-ups"
                    size="sm"
                    mt="xs"
                    display="inline-block"
                  >
                    All {followUps.data.items.length} follow-ups
                  </Anchor>
                )}
              </>
            )}
          </Section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

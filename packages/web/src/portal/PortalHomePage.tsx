/** The patient's home: what to do now (with a clear Start), what comes next, and what is done. */
import type { FollowUpView, PortalHome } from "@evident/domain/api";
import { Button, Card, EmptyState, Group, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCalendarEvent, IconCircleCheck, IconClipboardCheck, IconMoodSmile } from "@tabler/icons-react";
import { Link, useLocation } from "react-router";
import { usePortalHome } from "../api/queries";
import { formatLongDate, localToday, relativeDays } from "../components/format";
import { LoadError, Loading } from "../components/QueryStates";
import { groupSittings } from "../components/sittings";
import { usePageTitle } from "../components/usePageTitle";
import { copy } from "./copy";
import { whenLabel } from "./words";

function DueCard({ f }: { f: FollowUpView }) {
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      style={{ borderColor: "var(--mantine-color-blue-8)", borderWidth: 2 }}
    >
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={44} radius="xl" variant="light" aria-hidden>
            <IconClipboardCheck size={26} />
          </ThemeIcon>
          <div>
            <Title order={3} size="h4">
              {whenLabel(f.timepoint)}
            </Title>
            <Text size="sm">{copy.answerBy(formatLongDate(f.windowEnd))}</Text>
          </div>
        </Group>
        <Text>{copy.dueSummary(f.instruments.length)}</Text>
        <Button
          component={Link}
          to={`/portal/questionnaire/${f.id}`}
          size="lg"
          fullWidth
          aria-label={`Start: ${whenLabel(f.timepoint)}`}
        >
          Start
        </Button>
      </Stack>
    </Card>
  );
}

function Upcoming({ items, today }: { items: FollowUpView[]; today: string }) {
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
      {items.map((f) => (
        <Card key={f.id} component="li" withBorder radius="md" padding="sm">
          <Group gap="sm" wrap="nowrap">
            <IconCalendarEvent size={22} aria-hidden style={{ flex: "none" }} />
            <div>
              <Text fw={600}>{whenLabel(f.timepoint)}</Text>
              <Text size="sm">
                Opens {formatLongDate(f.windowStart)} ({relativeDays(f.windowStart, today)})
              </Text>
            </div>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function Done({ completed }: { completed: PortalHome["completed"] }) {
  const sittings = groupSittings(completed);
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
      {sittings.map((s) => {
        const pain = s.byInstrument.nrs_back?.score;
        const odi = s.byInstrument.odi?.score;
        return (
          <Card key={s.key} component="li" withBorder radius="md" padding="sm">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <IconCircleCheck
                size={22}
                aria-hidden
                color="var(--mantine-color-green-9)"
                style={{ flex: "none" }}
              />
              <div>
                <Text fw={600}>{whenLabel(s.timepoint)}</Text>
                <Text size="sm">Sent on {formatLongDate(s.completedAt)}</Text>
                {(pain != null || odi != null) && (
                  <Text size="sm" c="dimmed">
                    {[
                      pain != null ? `Back pain ${pain} out of 10` : null,
                      odi != null ? `Daily life score ${Math.round(odi)} out of 100` : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                )}
              </div>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}

export function PortalHomePage() {
  usePageTitle("Your portal");
  const home = usePortalHome();
  const justSent = (useLocation().state as { sent?: boolean } | null)?.sent === true;
  if (home.isPending) return <Loading />;
  if (home.isError) return <LoadError error={home.error} retry={() => home.refetch()} what="your page" />;
  const h = home.data;
  const today = localToday();

  return (
    <Stack gap="xl">
      <div>
        <Title order={1} size="h2">
          Hello, {h.patient.givenName}
        </Title>
        <Text c="dimmed" mt={4}>
          {copy.homeIntro(h.clinic.name)}
        </Text>
      </div>

      <Stack gap="sm" component="section" aria-labelledby="now-h">
        <Title order={2} size="h3" id="now-h">
          To do now
        </Title>
        {h.due.length > 0 ? (
          h.due.map((f) => <DueCard key={f.id} f={f} />)
        ) : (
          <Card withBorder radius="lg" padding="md">
            <EmptyState
              icon={<IconMoodSmile aria-hidden />}
              title={justSent ? copy.allDone : copy.nothingDue}
              description={copy.nextByEmail}
              size="sm"
            />
          </Card>
        )}
      </Stack>

      {h.upcoming.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="next-h">
          <Title order={2} size="h3" id="next-h">
            Coming next
          </Title>
          <Upcoming items={h.upcoming} today={today} />
        </Stack>
      )}

      {h.completed.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="done-h">
          <Title order={2} size="h3" id="done-h">
            Done
          </Title>
          <Done completed={h.completed} />
        </Stack>
      )}
    </Stack>
  );
}

/** The patient's home: what to do now (with a clear Start), what comes next, and what is done. */
import type { FollowUpView, PortalHome } from "@evident/domain/api";
import { Button, Card, EmptyState, Group, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import {
  IconCalendarEvent,
  IconCircleCheck,
  IconClipboardCheck,
  IconLock,
  IconMoodSmile,
} from "@tabler/icons-react";
import { Link, useLocation } from "react-router";
import { usePortalHome } from "../api/queries";
import { usePortalIntake } from "../api/triage";
import { formatLongDate, localToday, relativeDays } from "../components/format";
import { LoadError, Loading } from "../components/QueryStates";
import { groupSittings } from "../components/sittings";
import { usePageTitle } from "../components/usePageTitle";
import { useConsentCopy } from "./consent-copy";
import { EmergencyScreen } from "./intake/Advice";
import { IntakeSection } from "./intake/IntakeSection";
import { useIntakeWords } from "./intake/language";
import { useCopy, useLanguage } from "./language";
import { LibraryCard } from "./library/LibraryLinks";
import { whenLabel } from "./words";

/** A due follow-up; `locked` while the safety questions come first (they open it). */
/** The consent forms: read, sign, or take back a consent (ConsentPage). */
function ConsentCard() {
  const t = useConsentCopy();
  return (
    <Card withBorder radius="lg" padding="md">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text fw={600}>{t.homeTitle}</Text>
          <Text size="sm">{t.homeText}</Text>
        </div>
        <Button component={Link} to="/portal/consent" variant="light" style={{ flex: "none" }}>
          {t.homeButton}
        </Button>
      </Group>
    </Card>
  );
}

function DueCard({ f, locked }: { f: FollowUpView; locked: boolean }) {
  const t = useCopy();
  const safety = useIntakeWords().t;
  const { lang } = useLanguage();
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      style={locked ? undefined : { borderColor: "var(--mantine-color-blue-8)", borderWidth: 2 }}
    >
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={44} radius="xl" variant="light" aria-hidden>
            <IconClipboardCheck size={26} />
          </ThemeIcon>
          <div>
            <Title order={3} size="h4">
              {whenLabel(f.timepoint, lang)}
            </Title>
            <Text size="sm">{t.answerBy(formatLongDate(f.windowEnd, lang))}</Text>
          </div>
        </Group>
        <Text>{t.dueSummary(f.instruments.length)}</Text>
        {locked ? (
          <Group gap="sm" wrap="nowrap" align="flex-start" data-locked>
            <IconLock size={22} aria-hidden style={{ flex: "none" }} />
            <div>
              <Text fw={600}>{safety.lockedTitle}</Text>
              <Text size="sm">{safety.lockedText}</Text>
            </div>
          </Group>
        ) : (
          <Button
            component={Link}
            to={`/portal/questionnaire/${f.id}`}
            size="lg"
            fullWidth
            aria-label={`${t.start}: ${whenLabel(f.timepoint, lang)}`}
          >
            {t.start}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function Upcoming({ items, today }: { items: FollowUpView[]; today: string }) {
  const t = useCopy();
  const { lang } = useLanguage();
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
      {items.map((f) => (
        <Card key={f.id} component="li" withBorder radius="md" padding="sm">
          <Group gap="sm" wrap="nowrap">
            <IconCalendarEvent size={22} aria-hidden style={{ flex: "none" }} />
            <div>
              <Text fw={600}>{whenLabel(f.timepoint, lang)}</Text>
              <Text size="sm">
                {t.opens(formatLongDate(f.windowStart, lang))} ({relativeDays(f.windowStart, today, lang)})
              </Text>
            </div>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function Done({ completed }: { completed: PortalHome["completed"] }) {
  const t = useCopy();
  const { lang } = useLanguage();
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
                <Text fw={600}>{whenLabel(s.timepoint, lang)}</Text>
                <Text size="sm">{t.sentOn(formatLongDate(s.completedAt, lang))}</Text>
                {(pain != null || odi != null) && (
                  <Text size="sm" c="dimmed">
                    {[
                      pain != null ? t.backPainScore(pain) : null,
                      odi != null ? t.dailyLifeScore(Math.round(odi)) : null,
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
  const t = useCopy();
  const home = usePortalHome();
  const intake = usePortalIntake();
  const justSent = (useLocation().state as { sent?: boolean } | null)?.sent === true;
  if (home.isPending || intake.isPending) return <Loading />;
  // An emergency at intake stops the flow: until a clinician has reviewed it, the portal shows
  // only what to do now.
  const latest = intake.data?.latest;
  if (latest && latest.tier === "emergency" && !latest.reviewed) return <EmergencyScreen intake={latest} />;
  if (home.isError) return <LoadError error={home.error} retry={() => home.refetch()} what="your page" />;
  const h = home.data;
  const today = localToday();

  return (
    <Stack gap="xl">
      <div>
        <Title order={1} size="h2">
          {t.hello(h.patient.givenName)}
        </Title>
        <Text c="dimmed" mt={4}>
          {t.homeIntro(h.clinic.name)}
        </Text>
      </div>

      {intake.data && <IntakeSection state={intake.data} />}

      <Stack gap="sm" component="section" aria-labelledby="now-h">
        <Title order={2} size="h3" id="now-h">
          {t.toDoNow}
        </Title>
        {h.due.length > 0 ? (
          h.due.map((f) => <DueCard key={f.id} f={f} locked={intake.data?.safetyQuestionsFirst === true} />)
        ) : (
          <Card withBorder radius="lg" padding="md">
            <EmptyState
              icon={<IconMoodSmile aria-hidden />}
              title={justSent ? t.allDone : t.nothingDue}
              description={t.nextByEmail}
              size="sm"
            />
          </Card>
        )}
      </Stack>

      <Card withBorder radius="lg" padding="md">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Text fw={600}>Your recovery</Text>
            <Text size="sm">What to expect week by week, and how you are doing.</Text>
          </div>
          <Button component={Link} to="/portal/recovery" variant="light" style={{ flex: "none" }}>
            Open timeline
          </Button>
        </Group>
      </Card>

      <Card withBorder radius="lg" padding="md">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Text fw={600}>Pain diary</Text>
            <Text size="sm">Write down today's pain and medicines in a minute.</Text>
          </div>
          <Button component={Link} to="/portal/diary" variant="light" style={{ flex: "none" }}>
            Open diary
          </Button>
        </Group>
      </Card>

      <LibraryCard />
      <ConsentCard />

      <Card withBorder radius="lg" padding="md">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Text fw={600}>Something wrong?</Text>
            <Text size="sm">Fever, a red or leaking wound, new weakness: tell the clinic now.</Text>
          </div>
          <Button component={Link} to="/portal/problem" variant="light" color="red" style={{ flex: "none" }}>
            Report a problem
          </Button>
        </Group>
      </Card>

      {h.upcoming.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="next-h">
          <Title order={2} size="h3" id="next-h">
            {t.comingNext}
          </Title>
          <Upcoming items={h.upcoming} today={today} />
        </Stack>
      )}

      {h.completed.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="done-h">
          <Title order={2} size="h3" id="done-h">
            {t.done}
          </Title>
          <Done completed={h.completed} />
        </Stack>
      )}
    </Stack>
  );
}

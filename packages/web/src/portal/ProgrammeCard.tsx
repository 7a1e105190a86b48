/**
 * The exercise or therapy programme on the recovery page: the plan the clinic wrote down, this
 * programme week's sessions against it, the total so far, and a chip for each of the last seven
 * days of the programme that the patient ticks when they did a session (or unticks a mistake).
 * Each tick is saved at once; the server keeps one per day, so a double tap changes nothing.
 */
import { addDays } from "@evident/domain";
import type { ProgrammeView, RecoveryView } from "@evident/domain/api";
import { Card, Chip, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { formatLongDate, localToday } from "../components/format";
import { useLanguage } from "./language";
import { useProgrammeCopy } from "./programme-copy";

/** The last seven days that belong to the programme, oldest first, up to today. */
export function tickableDays(p: Pick<ProgrammeView, "startDate" | "endDate">, today: string): string[] {
  const days: string[] = [];
  for (let i = 6; i >= 0; i--) {
    const d = addDays(today, -i);
    if (d >= p.startDate && d <= p.endDate) days.push(d);
  }
  return days;
}

function dayLabel(date: string, lang: "en" | "es"): string {
  const d = new Date(`${date}T12:00:00Z`);
  return new Intl.DateTimeFormat(lang === "es" ? "es-ES" : "en-GB", {
    weekday: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(d);
}

export function ProgrammeCard({ programme: p }: { programme: ProgrammeView }) {
  const t = useProgrammeCopy();
  const { lang } = useLanguage();
  const qc = useQueryClient();
  const today = localToday();
  const mark = useMutation({
    mutationFn: ({ date, done }: { date: string; done: boolean }) =>
      done
        ? api.put<ProgrammeView>(`/portal/programme/sessions/${date}`, {})
        : api.delete<ProgrammeView>(`/portal/programme/sessions/${date}`),
    // The recovery page is cached per language: update every copy.
    onSuccess: (programme) =>
      qc.setQueriesData<RecoveryView>({ queryKey: ["portal", "recovery"] }, (r) =>
        r ? { ...r, programme } : r,
      ),
  });
  const days = p.status === "running" ? tickableDays(p, today) : [];
  const done = new Set(p.sessions);
  return (
    <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="programme-h">
      <Stack gap="xs">
        <Title order={2} size="h3" id="programme-h">
          {t.title}
        </Title>
        <Text size="sm">{t.plan(p.programme, p.sessionsPerWeek, p.weeks)}</Text>
        {p.status === "upcoming" && <Text size="sm">{t.startsOn(formatLongDate(p.startDate, lang))}</Text>}
        {p.status === "ended" && (
          <Text size="sm">{t.endedOn(formatLongDate(p.endDate, lang), p.total.done, p.total.planned)}</Text>
        )}
        {p.status === "running" && p.week !== null && p.thisWeek && (
          <>
            <Text fw={650}>{t.weekOf(p.week, p.weeks)}</Text>
            <Text size="sm">{t.thisWeek(p.thisWeek.done, p.thisWeek.planned)}</Text>
            <Progress.Root size="lg">
              <Progress.Section
                value={Math.min(100, (100 * p.thisWeek.done) / p.thisWeek.planned)}
                aria-label={t.thisWeek(p.thisWeek.done, p.thisWeek.planned)}
                color="teal.8"
              />
            </Progress.Root>
            <Text size="sm">{t.soFar(p.total.done, p.total.planned)}</Text>
            <Progress.Root>
              <Progress.Section
                value={(100 * p.total.done) / p.total.planned}
                aria-label={t.soFar(p.total.done, p.total.planned)}
                color="blue.8"
              />
            </Progress.Root>
            {p.weeksPast > 0 && (
              <Text size="sm" c="dimmed">
                {t.weeksOnPlan(p.weeksOnPlan, p.weeksPast)}
              </Text>
            )}
            <Text size="sm" mt="xs" id="programme-days">
              {t.tickHelp}
            </Text>
            <Group gap={6} role="group" aria-labelledby="programme-days">
              {days.map((d) => (
                <Chip
                  key={d}
                  checked={done.has(d)}
                  disabled={mark.isPending}
                  onChange={(checked) => mark.mutate({ date: d, done: checked })}
                  color="teal.8"
                  variant="outline"
                  size="md"
                >
                  {dayLabel(d, lang)}
                </Chip>
              ))}
            </Group>
            {mark.isError && (
              <Text size="sm" c="red.8" role="alert">
                {t.saveFailed}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

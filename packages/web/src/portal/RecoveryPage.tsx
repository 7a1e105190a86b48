/**
 * The recovery timeline, phone first: where the patient is since their latest treatment (the
 * phases of that treatment's family, each with its warning signs, sources and certainty), what is
 * due now, an exercise programme's sessions to tick off (ProgrammeCard), and their own back pain
 * against the typical course of this clinic's patients like them (TypicalCourse). In the portal's language: the page's words from recovery-copy.ts, the phases'
 * words from the domain (pathway/recovery-es.ts); the sources stay as published.
 */
import { type TreatmentKind, withEmergencyNumber } from "@evident/domain";
import type { RecoveryView } from "@evident/domain/api";
import { localizedPhase } from "@evident/domain/pathway/recovery-es";
import { Alert, Anchor, Badge, Button, Card, List, Stack, Text, Timeline, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api } from "../api/client";
import { useEmergencyNumber } from "../api/queries";
import { formatLongDate } from "../components/format";
import { LoadError, Loading } from "../components/QueryStates";
import { usePageTitle } from "../components/usePageTitle";
import { useLanguage } from "./language";
import { ProgrammeCard } from "./ProgrammeCard";
import { treatmentNamesEs, useRecoveryCopy } from "./recovery-copy";
import { TypicalCourse } from "./TypicalCourse";
import { timepointShort } from "./words";

export function RecoveryPage() {
  const t = useRecoveryCopy();
  const { lang } = useLanguage();
  const emergencyNumber = useEmergencyNumber();
  usePageTitle(t.title);
  const q = useQuery({
    queryKey: ["portal", "recovery", lang],
    queryFn: () => api.get<RecoveryView>(`/portal/recovery?lang=${lang}`),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} retry={() => q.refetch()} what={t.yourRecovery} />;
  const r = q.data;
  const phases = r.phases.map((p) => withEmergencyNumber(localizedPhase(p, lang), emergencyNumber));
  const active = phases.findIndex((p) => p.id === r.currentPhaseId);
  const treatmentName = (kind: string, label: string) =>
    lang === "es" ? (treatmentNamesEs[kind as TreatmentKind] ?? label) : label;
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/portal" size="sm">
          {t.backHome}
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          {t.title}
        </Title>
        {r.treatment ? (
          <Text c="dimmed" mt={4}>
            {t.treatedOn(
              treatmentName(r.treatment.kind, r.treatment.label),
              formatLongDate(r.treatment.date, lang),
            )}
            {r.day !== null && r.day >= 0 ? ` · ${t.dayN(r.day)}` : ""}
          </Text>
        ) : (
          <Text mt={4}>{t.noTreatment}</Text>
        )}
        {/* A plain link: the server prints the patient's own report in the language shown. */}
        <Anchor
          href={`/api/v1/portal/progress-report.pdf?lang=${lang}`}
          download
          size="sm"
          mt={4}
          display="block"
        >
          {t.progressReport}
        </Anchor>
      </div>
      {r.due.length > 0 && (
        <Card
          withBorder
          radius="lg"
          padding="md"
          style={{ borderColor: "var(--mantine-color-blue-8)", borderWidth: 2 }}
        >
          <Text fw={600}>{t.dueNow}</Text>
          {r.due.map((f) => (
            <Button key={f.id} component={Link} to={`/portal/questionnaire/${f.id}`} mt="xs" fullWidth>
              {t.questionnaireFor(timepointShort(f.timepoint, lang))}
            </Button>
          ))}
        </Card>
      )}
      {r.programme && <ProgrammeCard programme={r.programme} />}
      {r.treatment && phases.length === 0 && <Text size="sm">{t.noPhases}</Text>}
      {phases.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="phases-h">
          <Title order={2} size="h3" id="phases-h">
            {t.whatToExpect}
          </Title>
          <Timeline active={active} bulletSize={22} lineWidth={3}>
            {phases.map((p) => (
              <Timeline.Item
                key={p.id}
                title={
                  <Text fw={650} component="h3" size="md" m={0}>
                    {p.title}
                    {p.id === r.currentPhaseId && (
                      <Badge ml="xs" size="sm" variant="filled">
                        {t.youAreHere}
                      </Badge>
                    )}
                  </Text>
                }
              >
                <Text size="sm">{p.text}</Text>
                {p.tasks.length > 0 && (
                  <List size="sm" mt={4}>
                    {p.tasks.map((task) => (
                      <List.Item key={task}>{task}</List.Item>
                    ))}
                  </List>
                )}
                {p.warning && (
                  <Alert color="red" variant="light" mt="xs" p="xs" title={t.callIf}>
                    <Text size="sm">{p.warning}</Text>
                  </Alert>
                )}
                <Text size="xs" c="dimmed" mt={4}>
                  {t.certainty[p.certainty] ?? p.certainty}.
                  {p.sources.length > 0 && ` ${t.sources} ${p.sources.map((s) => s.text).join("; ")}`}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
      {r.treatment && (
        <Stack gap="xs" component="section" aria-labelledby="course-h">
          <Title order={2} size="h3" id="course-h">
            {t.courseTitle}
          </Title>
          <TypicalCourse r={r} t={t} />
        </Stack>
      )}
      <Button component={Link} to="/portal/problem" variant="light" color="red">
        {t.reportProblem}
      </Button>
    </Stack>
  );
}

/**
 * The recovery timeline, phone first: where the patient is since their latest treatment (the
 * phases, each with its sources and certainty), what is due now, and their own back pain against
 * the typical course of registry patients who had the same treatment. English only for now.
 */
import { timepointLabel } from "@evident/domain";
import type { RecoveryView } from "@evident/domain/api";
import { LineChart } from "@mantine/charts";
import { Anchor, Badge, Box, Button, Card, List, Stack, Text, Timeline, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api } from "../api/client";
import { formatLongDate } from "../components/format";
import { LoadError, Loading } from "../components/QueryStates";
import { usePageTitle } from "../components/usePageTitle";

const certaintyLook: Record<string, string> = {
  guideline: "Based on guidelines",
  "trial evidence": "Based on trials",
  "expert opinion": "Based on expert opinion",
};

function Course({ r }: { r: RecoveryView }) {
  const points = [...new Set([...r.typical.map((t) => t.timepoint), ...r.own.map((o) => o.timepoint)])];
  if (points.length === 0)
    return <Text size="sm">Your back pain scores appear here once you answer your questionnaires.</Text>;
  const order = ["baseline", "2w", "6w", "3m", "6m", "12m", "24m"];
  points.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const data = points.map((tp) => ({
    when: timepointLabel(tp),
    you: r.own.find((o) => o.timepoint === tp)?.score ?? null,
    typical: r.typical.find((t) => t.timepoint === tp)?.median ?? null,
  }));
  const summary = data
    .map((d) => `${d.when}: you ${d.you ?? "no answer"}, typical ${d.typical ?? "not enough data"}`)
    .join("; ");
  const n = Math.max(0, ...r.typical.map((t) => t.n));
  return (
    <Stack gap="xs">
      <Box component="figure" m={0} aria-label={`Back pain, 0 to 10. ${summary}.`}>
        <Box aria-hidden="true">
          <LineChart
            h={200}
            data={data}
            dataKey="when"
            yAxisProps={{ domain: [0, 10] }}
            withLegend
            connectNulls
            series={[
              { name: "you", label: "You", color: "blue.8" },
              { name: "typical", label: "Typical (middle value)", color: "gray.6", strokeDasharray: "5 5" },
            ]}
          />
        </Box>
      </Box>
      <Text size="xs" c="dimmed">
        “Typical” is the middle value of {n > 0 ? `up to ${n}` : "other"} registry patients who had the same
        treatment, shown only where at least 5 answered. It is not a forecast for you. Back pain often changes
        on its own, so a change over time does not show that a treatment caused it.
      </Text>
    </Stack>
  );
}

export function RecoveryPage() {
  usePageTitle("Your recovery");
  const q = useQuery({
    queryKey: ["portal", "recovery"],
    queryFn: () => api.get<RecoveryView>("/portal/recovery"),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} retry={() => q.refetch()} what="your recovery" />;
  const r = q.data;
  const active = r.phases.findIndex((p) => p.id === r.currentPhaseId);
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/portal" size="sm">
          ← Back to your page
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          Your recovery
        </Title>
        {r.treatment ? (
          <Text c="dimmed" mt={4}>
            {r.treatment.label} on {formatLongDate(r.treatment.date, "en")}
            {r.day !== null && r.day >= 0 ? ` · day ${r.day}` : ""}
          </Text>
        ) : (
          <Text mt={4}>No treatment is recorded yet. Your timeline starts on the day of your treatment.</Text>
        )}
      </div>
      {r.due.length > 0 && (
        <Card
          withBorder
          radius="lg"
          padding="md"
          style={{ borderColor: "var(--mantine-color-blue-8)", borderWidth: 2 }}
        >
          <Text fw={600}>Due now</Text>
          {r.due.map((f) => (
            <Button key={f.id} component={Link} to={`/portal/questionnaire/${f.id}`} mt="xs" fullWidth>
              {timepointLabel(f.timepoint)} questionnaire
            </Button>
          ))}
        </Card>
      )}
      {r.phases.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="phases-h">
          <Title order={2} size="h3" id="phases-h">
            What to expect
          </Title>
          <Timeline active={active} bulletSize={22} lineWidth={3}>
            {r.phases.map((p) => (
              <Timeline.Item
                key={p.id}
                title={
                  <Text fw={650} component="h3" size="md" m={0}>
                    {p.title}
                    {p.id === r.currentPhaseId && (
                      <Badge ml="xs" size="sm" variant="filled">
                        You are here
                      </Badge>
                    )}
                  </Text>
                }
              >
                <Text size="sm">{p.text}</Text>
                {p.tasks.length > 0 && (
                  <List size="sm" mt={4}>
                    {p.tasks.map((t) => (
                      <List.Item key={t}>{t}</List.Item>
                    ))}
                  </List>
                )}
                <Text size="xs" c="dimmed" mt={4}>
                  {certaintyLook[p.certainty] ?? p.certainty}. Sources:{" "}
                  {p.sources.map((s) => s.text).join("; ")}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
      {r.treatment && (
        <Stack gap="xs" component="section" aria-labelledby="course-h">
          <Title order={2} size="h3" id="course-h">
            Your back pain and the typical course
          </Title>
          <Course r={r} />
        </Stack>
      )}
      <Button component={Link} to="/portal/problem" variant="light" color="red">
        Report a problem
      </Button>
    </Stack>
  );
}

/**
 * The patient's saved values and the choice they lean toward, with the guide version they saw and
 * the language they read it in.
 */
import { findOption, valuesClarification } from "@evident/domain/evidence";
import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { usePatientDecisions } from "../../api/decisions";
import { formatDateTime } from "../../components/format";

export function DecisionSection({ patientId }: { patientId: string }) {
  const decisions = usePatientDecisions(patientId);
  const d = decisions.data?.items[0];
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: "sm", sm: "md" }}
      component="section"
      aria-labelledby="decision-h"
    >
      <Title order={2} size="h4" id="decision-h" mb="sm">
        Decision aid
      </Title>
      {d ? (
        <Stack gap={4}>
          <Text size="sm">
            Leaning toward:{" "}
            <Text span fw={600}>
              {findOption(d.choice)?.name ?? "Not sure yet"}
            </Text>
          </Text>
          <Text size="sm">
            Matters most:{" "}
            {valuesClarification.values
              .filter((v) => (d.values[v.id] ?? 0) >= 3)
              .map((v) => v.statement.toLowerCase())
              .join(", ") || "nothing rated highly"}
          </Text>
          {d.questions && <Text size="sm">Questions: {d.questions}</Text>}
          <Text size="xs" c="dimmed">
            Saved {formatDateTime(d.decidedAt)} in the {d.source} · guide {d.contentVersion} · values{" "}
            {d.valuesVersion}
            {d.language === "es" && " · read in Spanish"}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No choice saved yet. The decision aid opens in the portal after the safety questions.
        </Text>
      )}
      <Anchor
        component={Link}
        to={`/decision-aid?patient=${patientId}`}
        size="sm"
        mt="xs"
        display="inline-block"
      >
        Open the decision aid for this patient
      </Anchor>
    </Paper>
  );
}

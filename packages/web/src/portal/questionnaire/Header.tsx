/**
 * The top of a questionnaire: when it is for, where the patient is (a labelled progress bar), a
 * way to stop and come back, whether the answers so far are saved (announced politely), and, on
 * the Spanish portal, why the questions are in English.
 */
import { Alert, Anchor, Group, Progress, Text, Title } from "@mantine/core";
import { IconLanguage } from "@tabler/icons-react";
import { Link } from "react-router";
import { useCopy, useLanguage } from "../language";
import { whenLabel } from "../words";
import type { SaveStatus } from "./useQuestionnaire";

export function QuestionnaireHeader({
  timepoint,
  position,
  done,
  total,
  status,
  heading = false,
}: {
  timepoint: string;
  /** "Question 3 of 59", "12 of 59 answered" or "Check your answers". */
  position: string;
  done: number;
  total: number;
  status: SaveStatus;
  /** On the one-page form the timepoint is the page's heading (the phone's is the question's title). */
  heading?: boolean;
}) {
  const t = useCopy();
  const { lang } = useLanguage();
  const saveText =
    status === "saving" ? t.saving : status === "saved" ? t.saved : status === "failed" ? t.saveFailed : "";
  return (
    <div>
      {heading ? (
        <Title order={1} size="h2" mb={4}>
          {whenLabel(timepoint, lang)}
        </Title>
      ) : (
        <Text size="sm" c="dimmed">
          {whenLabel(timepoint, lang)}
        </Text>
      )}
      <Group justify="space-between" align="baseline" wrap="nowrap">
        <Text size="sm" fw={600} id="progress-label">
          {position}
        </Text>
        <Anchor component={Link} to="/portal" size="sm">
          {t.finishLater}
        </Anchor>
      </Group>
      <Progress.Root size="md" mt={6}>
        <Progress.Section value={total === 0 ? 0 : (done / total) * 100} aria-labelledby="progress-label" />
      </Progress.Root>
      <Text size="xs" c={status === "failed" ? "red.9" : "dimmed"} mt={4} aria-live="polite" mih={18}>
        {saveText}
      </Text>
      {t.instrumentLanguage && (
        <Alert mt="xs" color="blue" icon={<IconLanguage aria-hidden />} p="xs">
          <Text size="sm">
            <span lang="en">Spanish wording pending licensed translation.</span> {t.instrumentLanguage}
          </Text>
        </Alert>
      )}
    </div>
  );
}

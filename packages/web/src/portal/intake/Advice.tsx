/**
 * What the patient is told after the safety questions. An emergency fills the page with what to
 * do now and nothing else (no questionnaires, no choices of care): the flow stops there until a
 * clinician has reviewed. Other tiers say what happens next.
 */
import type { PortalIntakeView } from "@evident/domain/api";
import { Alert, Button, Card, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconPhone, IconStethoscope } from "@tabler/icons-react";
import { useIntakeWords } from "./language";

export function EmergencyScreen({ intake }: { intake: PortalIntakeView }) {
  const { t, advice } = useIntakeWords();
  const a = advice(intake);
  return (
    <Stack gap="lg" data-testid="emergency-screen">
      <Alert
        color="red"
        variant="filled"
        radius="lg"
        icon={<IconAlertTriangle size={32} aria-hidden />}
        styles={{ title: { fontSize: "var(--mantine-font-size-xl)" } }}
        title={
          <Title order={1} size="h2" c="white">
            {a.title}
          </Title>
        }
      >
        <Text size="lg" c="white" fw={600}>
          {a.whatToDo}
        </Text>
      </Alert>
      <Button
        component="a"
        href="tel:911"
        size="xl"
        color="red"
        fullWidth
        leftSection={<IconPhone size={24} aria-hidden />}
      >
        {t.callEmergency}
      </Button>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="why-h">
        <Title order={2} size="h4" id="why-h" mb={4}>
          {t.whyTitle}
        </Title>
        <Text>{a.why}</Text>
      </Card>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="safety-h">
        <Title order={2} size="h4" id="safety-h" mb={4}>
          {t.safetyTitle}
        </Title>
        <Text>{a.safetyNet}</Text>
      </Card>
    </Stack>
  );
}

/** The advice of an urgent, soon or no-flag intake, as a card on the portal page. */
export function AdviceCard({ intake, headingLevel = 2 }: { intake: PortalIntakeView; headingLevel?: 1 | 2 }) {
  const { t, advice } = useIntakeWords();
  const a = advice(intake);
  const tone = a.tier === "urgent" ? "orange" : a.tier === "soon" ? "blue" : "green";
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      style={{ borderColor: `var(--mantine-color-${tone}-8)`, borderWidth: 2 }}
      data-testid="intake-advice"
    >
      <Stack gap="sm">
        <Title order={headingLevel} size={headingLevel === 1 ? "h2" : "h3"}>
          <IconStethoscope size={22} aria-hidden style={{ verticalAlign: "-3px", marginRight: 6 }} />
          {a.title}
        </Title>
        <Text>{a.whatToDo}</Text>
        <Text c="dimmed" size="sm">
          {a.why}
        </Text>
        {a.tier !== "none" && <Text size="sm">{intake.reviewed ? t.reviewedNote : t.waitingNote}</Text>}
        <Text size="sm" fw={600}>
          {a.safetyNet}
        </Text>
      </Stack>
    </Card>
  );
}

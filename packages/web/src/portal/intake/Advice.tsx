/**
 * What the patient is told after the safety questions. An emergency fills the page with what to
 * do now and nothing else (no questionnaires, no choices of care): the flow stops there until a
 * clinician has reviewed. "Not sure" about an emergency sign gets call-now advice with the
 * clinic's emergency number one tap away. Other results say what happens next. Every result lists
 * the questions the patient was not sure about, in their words, so they know what is meant.
 */
import type { PortalIntakeView } from "@evident/domain/api";
import { intakeQuestions } from "@evident/domain/triage";
import { Alert, Button, Card, List, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconPhone, IconStethoscope } from "@tabler/icons-react";
import { WarningSignsLink } from "../library/LibraryLinks";
import { useIntakeWords } from "./language";

function CallButton({ variant = "filled" }: { variant?: "filled" | "outline" }) {
  const { t, emergencyNumber } = useIntakeWords();
  return (
    <Button
      component="a"
      href={`tel:${emergencyNumber}`}
      size="xl"
      color="red"
      variant={variant}
      fullWidth
      leftSection={<IconPhone size={24} aria-hidden />}
    >
      {t.callEmergency(emergencyNumber)}
    </Button>
  );
}

/** The questions answered "not sure", in the patient's words. */
function UnsureList({ intake }: { intake: PortalIntakeView }) {
  const { t, question } = useIntakeWords();
  if (intake.unsure.length === 0) return null;
  const asked = intakeQuestions.filter((q) => (intake.unsure as readonly string[]).includes(q.id));
  return (
    <section aria-labelledby="unsure-h" data-testid="unsure-questions">
      <Title order={2} size="h5" id="unsure-h" mb={4}>
        {t.unsureTitle}
      </Title>
      <List size="sm" spacing={4} mb={4}>
        {asked.map((q) => (
          <List.Item key={q.id}>{question(q).text}</List.Item>
        ))}
      </List>
      <Text size="sm">{t.unsureText}</Text>
    </section>
  );
}

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
      <CallButton />
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
      <WarningSignsLink />
    </Stack>
  );
}

const tones = { "call-now": "red", today: "orange", urgent: "orange", soon: "blue" } as const;

/** The advice of an intake that is not an emergency, as a card on the portal page. */
export function AdviceCard({ intake, headingLevel = 2 }: { intake: PortalIntakeView; headingLevel?: 1 | 2 }) {
  const { t, advice } = useIntakeWords();
  const a = advice(intake);
  const tone = a.kind === "emergency" || a.kind === "none" ? "green" : tones[a.kind];
  const callNow = a.kind === "call-now" && !intake.reviewed;
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      style={{ borderColor: `var(--mantine-color-${tone}-8)`, borderWidth: 2 }}
      data-testid="intake-advice"
      data-advice={a.kind}
    >
      <Stack gap="sm">
        <Title order={headingLevel} size={headingLevel === 1 ? "h2" : "h3"}>
          {callNow ? (
            <IconAlertTriangle size={22} aria-hidden style={{ verticalAlign: "-3px", marginRight: 6 }} />
          ) : (
            <IconStethoscope size={22} aria-hidden style={{ verticalAlign: "-3px", marginRight: 6 }} />
          )}
          {a.title}
        </Title>
        <Text fw={callNow ? 600 : undefined}>{a.whatToDo}</Text>
        <UnsureList intake={intake} />
        {callNow && <CallButton variant="outline" />}
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

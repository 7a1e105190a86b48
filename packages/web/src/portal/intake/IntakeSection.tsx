/** The portal home's first section: the safety questions, their advice, or the choices of care. */
import type { PortalIntakeState } from "@evident/domain/api";
import { Button, Card, Stack, Text, Title } from "@mantine/core";
import { IconScale, IconShieldCheck } from "@tabler/icons-react";
import { Link } from "react-router";
import { AdviceCard } from "./Advice";
import { useIntakeWords } from "./language";

export function IntakeSection({ state }: { state: PortalIntakeState }) {
  const { t } = useIntakeWords();
  const latest = state.latest;
  if (!latest)
    return (
      <Card
        withBorder
        radius="lg"
        padding="lg"
        style={{ borderColor: "var(--mantine-color-blue-8)", borderWidth: 2 }}
        component="section"
        aria-labelledby="intake-h"
      >
        <Stack gap="sm">
          <Text size="sm" fw={700} c="blue.9">
            {t.stepOne}
          </Text>
          <Title order={2} size="h3" id="intake-h" mt={-8}>
            <IconShieldCheck size={22} aria-hidden style={{ verticalAlign: "-3px", marginRight: 6 }} />
            {t.startCardTitle}
          </Title>
          <Text>{t.startCardText}</Text>
          <Button component={Link} to="/portal/intake" size="lg" fullWidth>
            {t.start}
          </Button>
        </Stack>
      </Card>
    );
  return (
    <Stack gap="sm">
      {latest.tier !== "none" && !latest.reviewed && <AdviceCard intake={latest} />}
      {state.decisionAidOpen && (
        <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="choices-h">
          <Stack gap="sm">
            <Title order={2} size="h3" id="choices-h">
              <IconScale size={22} aria-hidden style={{ verticalAlign: "-3px", marginRight: 6 }} />
              {t.choicesTitle}
            </Title>
            <Text>{t.choicesText}</Text>
            <Button component={Link} to="/portal/choices" size="lg" variant="light" fullWidth>
              {t.openChoices}
            </Button>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

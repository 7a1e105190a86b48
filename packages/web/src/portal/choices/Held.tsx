/** Shown instead of the decision aid while it is closed for the patient (safety questions first). */
import type { PortalIntakeState } from "@evident/domain/api";
import { Button, Card, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useAidLanguage } from "../../decision-aid/language";
import { useIntakeWords } from "../intake/language";

export function Held({ state }: { state: PortalIntakeState }) {
  const intake = useIntakeWords().t;
  const { w } = useAidLanguage();
  return (
    <Card withBorder radius="lg" padding="lg">
      <Stack gap="sm">
        <Title order={1} size="h2">
          {w.heldTitle}
        </Title>
        <Text>{state.decisionAidHeldFor === "no-intake" ? w.heldNoIntake : w.heldReview}</Text>
        <Button
          component={Link}
          to={state.decisionAidHeldFor === "no-intake" ? "/portal/intake" : "/portal"}
          size="lg"
        >
          {state.decisionAidHeldFor === "no-intake" ? intake.start : w.backHome}
        </Button>
      </Stack>
    </Card>
  );
}

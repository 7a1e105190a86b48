/** Red flags first: a new patient is sent to the safety questions before any questionnaire. */
import { Button, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { usePageTitle } from "../../components/usePageTitle";
import { useIntakeCopy } from "./intake-copy";

export function SafetyQuestionsFirst() {
  const intakeCopy = useIntakeCopy();
  usePageTitle(intakeCopy.firstTitle);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {intakeCopy.firstTitle}
      </Title>
      <Text>{intakeCopy.firstText}</Text>
      <Button component={Link} to="/portal/intake" size="lg" fullWidth>
        {intakeCopy.start}
      </Button>
    </Stack>
  );
}

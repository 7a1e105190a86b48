/** The decision aid as patients see it, for clinicians to go through with them. */
import { Stack } from "@mantine/core";
import { PageHeader } from "../components/PageHeader";
import { usePageTitle } from "../components/usePageTitle";
import { DecisionAidView } from "../decision-aid/DecisionAidView";

export function DecisionAidPage() {
  usePageTitle("Decision aid");
  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title="Decision aid"
        description="What patients see after the safety questions: every option in the same template, with this clinic's own results where at least 30 patients were measured."
      />
      <DecisionAidView wide />
    </Stack>
  );
}

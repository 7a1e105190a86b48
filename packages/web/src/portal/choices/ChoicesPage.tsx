/** The decision aid in the portal: every choice side by side, then on to what matters to you. */
import { Button, Stack, Title } from "@mantine/core";
import { Link } from "react-router";
import { usePortalIntake } from "../../api/triage";
import { LoadError, Loading } from "../../components/QueryStates";
import { usePageTitle } from "../../components/usePageTitle";
import { DecisionAidView } from "../../decision-aid/DecisionAidView";
import { useAidLanguage } from "../../decision-aid/language";
import { ChoicesLibraryLinks } from "../library/LibraryLinks";
import { Held } from "./Held";

export function ChoicesPage() {
  const { w } = useAidLanguage();
  usePageTitle(w.title);
  const state = usePortalIntake();
  if (state.isPending) return <Loading />;
  if (state.isError) return <LoadError error={state.error} retry={() => state.refetch()} what="page" />;
  if (!state.data.decisionAidOpen) return <Held state={state.data} />;
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {w.title}
      </Title>
      <ChoicesLibraryLinks />
      <DecisionAidView />
      <Button component={Link} to="/portal/choices/values" size="lg" fullWidth>
        {w.next}
      </Button>
    </Stack>
  );
}

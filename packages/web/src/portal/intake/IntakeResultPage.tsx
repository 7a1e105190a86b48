/** After the safety questions: what to do now (an emergency shows nothing else). */
import { Button, Stack } from "@mantine/core";
import { Link, Navigate } from "react-router";
import { usePortalIntake } from "../../api/triage";
import { LoadError, Loading } from "../../components/QueryStates";
import { usePageTitle } from "../../components/usePageTitle";
import { WarningSignsLink } from "../library/LibraryLinks";
import { AdviceCard, EmergencyScreen } from "./Advice";
import { useIntakeWords } from "./language";

export function IntakeResultPage() {
  const state = usePortalIntake();
  const { t, advice } = useIntakeWords();
  const latest = state.data?.latest;
  usePageTitle(latest ? advice(latest).title : t.pageTitle);
  if (state.isPending) return <Loading />;
  if (state.isError) return <LoadError error={state.error} retry={() => state.refetch()} what="page" />;
  if (!latest) return <Navigate to="/portal/intake" replace />;
  if (latest.tier === "emergency" && !latest.reviewed) return <EmergencyScreen intake={latest} />;
  return (
    <Stack gap="lg">
      <AdviceCard intake={latest} headingLevel={1} />
      <WarningSignsLink />
      {state.data.decisionAidOpen && (
        <Button component={Link} to="/portal/choices" size="lg" fullWidth>
          {t.openChoices}
        </Button>
      )}
      <Button component={Link} to="/portal" variant="default" size="md" fullWidth>
        {t.backHome}
      </Button>
    </Stack>
  );
}

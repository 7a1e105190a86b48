/**
 * The safety questions (red-flag intake) in the portal, in the patient's language: the form
 * (IntakeForm), then what to do now on the result page.
 */
import { Text, Title } from "@mantine/core";
import { useNavigate } from "react-router";
import { useSubmitIntake } from "../../api/triage";
import { usePageTitle } from "../../components/usePageTitle";
import { IntakeForm } from "./IntakeForm";
import { useIntakeWords } from "./language";

export function IntakePage() {
  const { t } = useIntakeWords();
  usePageTitle(t.pageTitle);
  const navigate = useNavigate();
  const submit = useSubmitIntake();
  return (
    <IntakeForm
      send={(answers, onError) =>
        submit.mutate(
          { answers },
          { onSuccess: () => navigate("/portal/intake/result", { replace: true }), onError },
        )
      }
      pending={submit.isPending}
      failed={submit.isError}
      intro={
        <div>
          <Title order={1} size="h2">
            {t.title}
          </Title>
          <Text mt={4}>{t.intro}</Text>
        </div>
      }
    />
  );
}

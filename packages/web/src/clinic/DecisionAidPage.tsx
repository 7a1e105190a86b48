/**
 * The decision aid as patients see it, for clinicians to go through with them. Opened from a
 * patient's page (`?patient=<id>`), the clinic's numbers are for people like that patient;
 * without, they count everyone treated here.
 */
import { Anchor, Stack } from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { usePatient } from "../api/clinic-queries";
import { PageHeader } from "../components/PageHeader";
import { usePageTitle } from "../components/usePageTitle";
import { DecisionAidView } from "../decision-aid/DecisionAidView";

export function DecisionAidPage() {
  usePageTitle("Decision aid");
  const patientId = useSearchParams()[0].get("patient") ?? undefined;
  const patient = usePatient(patientId ?? "", { enabled: patientId !== undefined });
  const name = patient.data ? `${patient.data.givenName} ${patient.data.familyName}` : null;
  return (
    <Stack gap={0} maw={1400}>
      <PageHeader
        title="Decision aid"
        description={
          patientId ? (
            <>
              What patients see after the safety questions, with this clinic's results for people like{" "}
              <Anchor component={Link} to={`/patients/${patientId}`} inherit>
                {name ?? "this patient"}
              </Anchor>{" "}
              where at least 30 were measured.
            </>
          ) : (
            "What patients see after the safety questions: every option in the same template, with this clinic's own results where at least 30 patients were measured."
          )
        }
      />
      <DecisionAidView wide patientId={patientId} />
    </Stack>
  );
}

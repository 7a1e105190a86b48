/** One patient's record: their answers and trend, who they are, treatments and follow-ups. */
import type { FollowUpView, TreatmentView } from "@evident/domain/api";
import { Alert, Anchor, Button, Grid, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconClipboardPlus,
  IconFileTypePdf,
  IconVaccine,
} from "@tabler/icons-react";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { isApiError } from "../../api/client";
import { usePatient } from "../../api/clinic-queries";
import { usePatientTriage } from "../../api/triage";
import { ageFrom, localToday } from "../../components/format";
import { can, useStaff } from "../../components/Guards";
import { PageHeader } from "../../components/PageHeader";
import { LoadError, Loading } from "../../components/QueryStates";
import { usePageTitle } from "../../components/usePageTitle";
import { AdverseEventsSection } from "./AdverseEventsSection";
import { AnswersSection } from "./AnswersSection";
import { CandidacySection } from "./CandidacySection";
import { ConsentsSection } from "./ConsentsSection";
import { DecisionSection } from "./DecisionSection";
import { DetailsCard } from "./DetailsCard";
import { DiarySection } from "./DiarySection";
import { EnterAnswersModal } from "./EnterAnswersModal";
import { FollowUpsSection } from "./FollowUpsSection";
import { ImagingSection } from "./ImagingSection";
import { RecordTreatmentModal } from "./RecordTreatmentModal";
import { StoriesSection } from "./StoriesSection";
import { TreatmentsSection } from "./TreatmentsSection";
import { ProcedureBlockAlert, TriageSection } from "./TriageSection";

const sexLabel: Record<string, string> = {
  female: "Female",
  male: "Male",
  other: "Other",
  unknown: "Sex not recorded",
};

export function PatientPage() {
  const { id = "" } = useParams();
  const me = useStaff();
  const patient = usePatient(id);
  const triage = usePatientTriage(id);
  const [treatOpened, treat] = useDisclosure(false);
  const [answering, setAnswering] = useState<FollowUpView | null>(null);
  const [correcting, setCorrecting] = useState<TreatmentView | null>(null);
  const p = patient.data;
  usePageTitle(p ? `${p.givenName} ${p.familyName}` : "Patient");

  const back = (
    <Anchor
      component={Link}
      to="/patients"
      size="sm"
      mb="xs"
      underline="hover"
      style={{ alignSelf: "flex-start" }}
    >
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden /> Patients
      </Group>
    </Anchor>
  );
  if (patient.isPending) return <Loading label="Loading patient…" />;
  if (!p)
    return isApiError(patient.error) && (patient.error.status === 404 || patient.error.status === 400) ? (
      // Nothing at this address (a GET's 400 is a mistyped id): trying again cannot help.
      <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="No such patient" role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">This patient was not found, or you do not have access to it.</Text>
          <Anchor component={Link} to="/patients" size="sm">
            Go to the patient list
          </Anchor>
        </Stack>
      </Alert>
    ) : (
      <LoadError error={patient.error} retry={() => patient.refetch()} what="patient" />
    );

  const age = ageFrom(p.birthDate, localToday());
  const open = p.followUps.find((f) => f.status === "open");
  const mayTreat = can(me, "treatments:write");
  const mayAnswer = can(me, "responses:write");
  // Setting the candidacy gate aside needs the standing to sign candidacy (access/policy.ts).
  const mayOverride = can(me, "candidacy:sign");
  const description = [
    age === null ? null : `${age} years`,
    sexLabel[p.sex] ?? p.sex,
    p.mrn ? `MRN ${p.mrn}` : "No MRN",
  ]
    .filter(Boolean)
    .join(" · ");

  const treatButton = mayTreat && (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconVaccine size={16} aria-hidden />}
      onClick={treat.open}
    >
      Record treatment
    </Button>
  );
  const answerButton = mayAnswer && open && (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconClipboardPlus size={16} aria-hidden />}
      onClick={() => setAnswering(open)}
    >
      Enter answers
    </Button>
  );

  return (
    <Stack gap={0} maw={1280}>
      {back}
      <PageHeader
        title={`${p.givenName} ${p.familyName}`}
        description={description}
        actions={
          // A plain download: the server prints it in the patient's language.
          <Button
            component="a"
            href={`/api/v1/patients/${p.id}/progress-report.pdf`}
            download
            size="xs"
            variant="light"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
          >
            Progress report (PDF)
          </Button>
        }
      />
      <ProcedureBlockAlert reason={triage.data?.procedureBlock ?? null} />
      {/* The answers take the full width (a column per questionnaire); on a phone the patient's
          details come first. */}
      <Grid gap="md">
        <Grid.Col span={12} order={{ base: 2, md: 1 }}>
          <AnswersSection patient={p} action={answerButton} mayCorrect={mayAnswer} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 3 }}>
          <Stack gap="md">
            <TriageSection patientId={p.id} mayReview={can(me, "triage:review")} mayEnter={mayAnswer} />
            <DetailsCard patient={p} mayInvite={can(me, "patients:invite")} />
            <TreatmentsSection
              patient={p}
              action={treatButton}
              onCorrect={mayTreat ? setCorrecting : undefined}
            />
            <CandidacySection patient={p} maySign={can(me, "candidacy:sign")} />
            <ConsentsSection patientId={p.id} mayWrite={can(me, "patients:write")} />
            <DecisionSection patientId={p.id} />
            <StoriesSection
              patientId={p.id}
              treatments={p.treatments}
              mayWrite={can(me, "patients:write")}
              mayApprove={me.role === "clinician"}
            />
            <AdverseEventsSection patient={p} mayWrite={mayTreat} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 3, md: 2 }}>
          <Stack gap="md">
            <FollowUpsSection patient={p} onEnter={mayAnswer ? setAnswering : undefined} />
            <DiarySection patientId={p.id} />
            {/* In the wide column: the before-and-after table and charts need the width. */}
            <ImagingSection patientId={p.id} mayWrite={mayTreat} />
          </Stack>
        </Grid.Col>
      </Grid>
      {mayTreat && (
        <RecordTreatmentModal
          patientId={p.id}
          opened={treatOpened}
          onClose={treat.close}
          mayOverride={mayOverride}
        />
      )}
      {mayTreat && correcting && (
        <RecordTreatmentModal
          key={`${correcting.id}:${correcting.version}`}
          patientId={p.id}
          treatment={correcting}
          mayOverride={mayOverride}
          opened
          onClose={() => setCorrecting(null)}
        />
      )}
      {mayAnswer && (
        <EnterAnswersModal
          patientId={p.id}
          followUp={answering}
          responses={p.responses}
          onClose={() => setAnswering(null)}
        />
      )}
    </Stack>
  );
}

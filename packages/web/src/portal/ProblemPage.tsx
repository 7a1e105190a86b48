/**
 * "Report a problem", phone first. After sending, the advice is shown at once: for fever or new
 * weakness after a procedure, an urgent call to action (the clinic's clinicians also get an urgent
 * task). In English or Spanish, as the portal's language is set.
 */

import { withEmergencyNumber } from "@evident/domain";
import {
  type ProblemSymptom,
  problemAdviceEs,
  problemSymptomLabels,
  problemSymptomLabelsEs,
  problemSymptoms,
} from "@evident/domain/adverse-events/patient-report";
import { ProblemReportCreate, type ProblemReportResult } from "@evident/domain/api";
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { useReportProblem } from "../api/adverse-events";
import { useEmergencyNumber } from "../api/queries";
import { FormAlert } from "../components/FormAlert";
import { localToday } from "../components/format";
import { formErrors } from "../components/serverErrors";
import { usePageTitle } from "../components/usePageTitle";
import { schemaErrors } from "../components/zodErrors";
import { useCareCopy } from "./care-copy";
import { useLanguage } from "./language";

function Advice({ result }: { result: ProblemReportResult }) {
  const t = useCareCopy();
  const { lang } = useLanguage();
  const emergencyNumber = useEmergencyNumber();
  const advice = withEmergencyNumber(
    lang === "es" ? problemAdviceEs[result.urgent ? "urgent" : "routine"] : result.advice,
    emergencyNumber,
  );
  const certainty =
    result.advice.certainty === "expert judgement" ? t.expertJudgement : result.advice.certainty;
  return (
    <Alert
      color={result.urgent ? "red" : "blue"}
      variant={result.urgent ? "filled" : "light"}
      icon={result.urgent ? <IconAlertTriangle aria-hidden /> : <IconInfoCircle aria-hidden />}
      title={advice.title}
      role={result.urgent ? "alert" : "status"}
    >
      <Text size="md">{advice.text}</Text>
      <Text size="xs" mt="xs">
        {t.adviceCertainty(certainty)}
      </Text>
    </Alert>
  );
}

export function ProblemPage() {
  const t = useCareCopy();
  const emergencyNumber = useEmergencyNumber();
  const { lang } = useLanguage();
  const symptomLabels = lang === "es" ? problemSymptomLabelsEs : problemSymptomLabels;
  usePageTitle(t.problemTitle);
  const today = localToday();
  const [symptoms, setSymptoms] = useState<string[]>([]);
  const [onsetDate, setOnset] = useState(today);
  const [details, setDetails] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [result, setResult] = useState<ProblemReportResult | null>(null);
  const report = useReportProblem();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = {
      symptoms: symptoms as ProblemSymptom[],
      onsetDate,
      ...(details.trim() ? { details: details.trim() } : {}),
    };
    const found = schemaErrors(ProblemReportCreate, body);
    if (symptoms.length === 0) found.symptoms = t.tickOne;
    setErrors(found);
    setGeneral([]);
    if (Object.keys(found).length > 0) return;
    report.mutate(body, {
      onSuccess: setResult,
      onError: (err) => {
        const r = formErrors(err, ["symptoms", "onsetDate", "details"]);
        setErrors(r.fields);
        setGeneral(r.general);
      },
    });
  };

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/portal" size="sm">
          {t.backHome}
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          {t.problemTitle}
        </Title>
        <Text c="dimmed" mt={4}>
          {t.problemIntro(emergencyNumber)}
        </Text>
      </div>
      {result ? (
        <Stack>
          <Advice result={result} />
          <Button component={Link} to="/portal" variant="default">
            {t.backHomeButton}
          </Button>
        </Stack>
      ) : (
        <Card withBorder radius="lg" padding="md" component="form" onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormAlert messages={general} title={t.problemNotSent} />
            <Checkbox.Group
              label={t.whatIsWrong}
              description={t.tickAll}
              value={symptoms}
              onChange={setSymptoms}
              error={errors.symptoms}
              required
            >
              <Stack gap="sm" mt="xs">
                {problemSymptoms.map((s) => (
                  <Checkbox key={s} value={s} label={symptomLabels[s]} size="md" />
                ))}
              </Stack>
            </Checkbox.Group>
            <TextInput
              label={t.sinceWhen}
              type="date"
              max={today}
              value={onsetDate}
              onChange={(e) => setOnset(e.currentTarget.value)}
              error={errors.onsetDate}
              required
            />
            <Textarea
              label={t.anythingElse}
              description={t.anythingElseHint}
              autosize
              minRows={2}
              value={details}
              onChange={(e) => setDetails(e.currentTarget.value)}
              error={errors.details}
            />
            <Button type="submit" size="lg" color="red" loading={report.isPending} fullWidth>
              {t.sendToClinic}
            </Button>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

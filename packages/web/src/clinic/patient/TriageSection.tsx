/**
 * The patient's red-flag triage for the clinician: the latest intake's tier and each flag with
 * what it may suggest, what to do, the answers that raised it and its sources; the review (which
 * lifts the hold on procedures and the decision aid, and for an emergency or urgent flag needs a
 * note of what was done); earlier intakes; and the STarT Back care route.
 */
import type { IntakeView, PatientTriage } from "@evident/domain/api";
import { clinicianActions } from "@evident/domain/triage";
import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import { usePatientTriage, useReviewIntake } from "../../api/triage";
import { formatDateTime } from "../../components/format";
import { LoadError, Loading } from "../../components/QueryStates";
import { EnterIntakeModal } from "./EnterIntakeModal";
import { answerWords, FlagAnswers, flagKey } from "./FlagAnswers";
import { tierBadgeLabel, tierColor, tierFill } from "./tierLook";

const groupLabel = { low: "Low risk", medium: "Medium risk", high: "High risk" } as const;

function Review({
  patientId,
  intake,
  mayReview,
}: {
  patientId: string;
  intake: IntakeView;
  mayReview: boolean;
}) {
  const review = useReviewIntake(patientId);
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  if (intake.review)
    return (
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconCircleCheck
          size={18}
          color="var(--mantine-color-green-9)"
          aria-hidden
          style={{ flex: "none" }}
        />
        <Text size="sm">
          Reviewed by {intake.review.by.name}, {formatDateTime(intake.review.at)}
          {intake.review.note ? `: ${intake.review.note}` : ""}
        </Text>
      </Group>
    );
  if (intake.tier === "none") return null;
  if (!mayReview)
    return (
      <Text size="sm" c="dimmed">
        Waiting for a clinician's review.
      </Text>
    );
  const needsNote = clinicianActions[intake.tier].reviewNeedsNote;
  const submit = () => {
    if (needsNote && !note.trim()) {
      setMissing(true);
      return;
    }
    review.mutate({ intakeId: intake.id, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <Stack gap="xs">
      <Textarea
        label="Review note"
        description={`What you did: e.g. spoke to the patient, seen in the emergency department, imaging ordered.${
          needsNote ? ` Required for ${intake.tier === "emergency" ? "an emergency" : "an urgent"} flag.` : ""
        }`}
        required={needsNote}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        error={missing ? "Say what was done before marking the triage reviewed." : undefined}
        onChange={(e) => {
          setNote(e.currentTarget.value);
          setMissing(false);
        }}
      />
      {review.isError && (
        <Text size="sm" c="red.9" role="alert">
          {review.error.message}
        </Text>
      )}
      <Button
        size="xs"
        color={tierFill[intake.tier]}
        loading={review.isPending}
        onClick={submit}
        style={{ alignSelf: "flex-start" }}
      >
        Mark triage reviewed
      </Button>
    </Stack>
  );
}

function Intake({
  patientId,
  intake,
  mayReview,
}: {
  patientId: string;
  intake: IntakeView;
  mayReview: boolean;
}) {
  const said = (value: boolean | "unsure") =>
    Object.entries(intake.answers)
      .filter(([, v]) => v === value)
      .map(([k]) => answerWords(k));
  const yes = said(true);
  const notSure = said("unsure");
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge
          color={intake.tier === "none" ? tierColor.none : tierFill[intake.tier]}
          variant={intake.tier === "none" || intake.review ? "light" : "filled"}
        >
          {tierBadgeLabel(intake.tier, intake.review !== null)}
        </Badge>
        <Text size="xs" c="dimmed">
          {formatDateTime(intake.submittedAt)} ·{" "}
          {intake.enteredBy
            ? `entered by ${intake.enteredBy.name} for the patient`
            : "answered by the patient in the portal"}{" "}
          · rules {intake.rulesVersion}
        </Text>
      </Group>
      <Text size="sm">
        Age {String(intake.answers.age)}, pain for {String(intake.answers.painDurationWeeks)}{" "}
        {intake.answers.painDurationWeeks === 1 ? "week" : "weeks"}.
        {yes.length > 0 ? ` Said yes to: ${yes.join(", ")}.` : ""}
        {notSure.length > 0 ? ` Not sure about: ${notSure.join(", ")}.` : ""}
        {yes.length === 0 && notSure.length === 0 ? " Said no to every red-flag question." : ""}
      </Text>
      {intake.flags.length > 0 && (
        <List size="sm" spacing={6} aria-label="Red flags">
          {intake.flags.map((f) => (
            <List.Item key={flagKey(f)}>
              <Text size="sm" fw={600} span>
                {f.suggests}
              </Text>{" "}
              <Badge size="xs" color={tierColor[f.tier]} variant="light">
                {f.tier}
              </Badge>
              <Text size="sm">{f.action}</Text>
              <FlagAnswers flag={f} />
              <Text size="xs" c="dimmed">
                Source: {f.source.map((s) => s.label).join("; ")}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {intake.tier !== "none" && (
        <Text size="xs" c="dimmed">
          {intake.clinicianAction}
        </Text>
      )}
      <Review patientId={patientId} intake={intake} mayReview={mayReview} />
    </Stack>
  );
}

function CareRoute({ triage }: { triage: PatientTriage }) {
  const r = triage.careRoute;
  return (
    <Stack gap={4} component="section" aria-labelledby="route-h">
      <Title order={3} size="h5" id="route-h">
        Care route (STarT Back)
      </Title>
      {r ? (
        <>
          <Text size="sm">
            <Text span fw={600}>
              {groupLabel[r.group]}
            </Text>{" "}
            (total {r.total}/9, distress {r.subscale}/5, {formatDateTime(r.answeredAt)}): {r.route.label}
          </Text>
          {r.heldForTriage && (
            <Text size="xs" c="orange.9">
              Red flags wait for review: deal with them before routing care.
            </Text>
          )}
          <Text size="xs" c="dimmed">
            Hill et al., Lancet 2011 (the STarT Back trial); NICE NG59.
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          No STarT Back answers yet: add it to the baseline questionnaires to route care.
        </Text>
      )}
    </Stack>
  );
}

export function ProcedureBlockAlert({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title="Elective procedures on hold"
      mb="md"
      role="alert"
    >
      No injection, cell therapy or operation can be recorded: {reason}.
    </Alert>
  );
}

export function TriageSection({
  patientId,
  mayReview,
  mayEnter,
}: {
  patientId: string;
  mayReview: boolean;
  /** May enter the safety answers a patient gives by phone or at the desk. */
  mayEnter: boolean;
}) {
  const triage = usePatientTriage(patientId);
  const [entering, setEntering] = useState(false);
  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }} component="section" aria-labelledby="triage-h">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id="triage-h">
          Red-flag triage
        </Title>
        {mayEnter && (
          <Button size="xs" variant="light" onClick={() => setEntering(true)}>
            Enter safety answers
          </Button>
        )}
      </Group>
      {mayEnter && (
        <EnterIntakeModal patientId={patientId} opened={entering} onClose={() => setEntering(false)} />
      )}
      {triage.isPending ? (
        <Loading label="Loading triage…" />
      ) : triage.isError ? (
        <LoadError error={triage.error} retry={() => triage.refetch()} what="triage" />
      ) : (
        <Stack gap="md">
          {triage.data.intakes.length === 0 ? (
            <Text size="sm" c="dimmed">
              The patient has not answered the safety questions yet. They are asked first in the portal; if
              the patient gives them by phone or at the desk, enter them here.
            </Text>
          ) : (
            <>
              <Intake patientId={patientId} intake={triage.data.intakes[0]!} mayReview={mayReview} />
              {triage.data.intakes.length > 1 && (
                <Text size="xs" c="dimmed">
                  Earlier:{" "}
                  {triage.data.intakes
                    .slice(1)
                    .map(
                      (i) =>
                        `${tierBadgeLabel(i.tier, Boolean(i.review))} (${formatDateTime(i.submittedAt)}${i.review ? ", reviewed" : ""})`,
                    )
                    .join("; ")}
                </Text>
              )}
            </>
          )}
          <CareRoute triage={triage.data} />
        </Stack>
      )}
    </Paper>
  );
}

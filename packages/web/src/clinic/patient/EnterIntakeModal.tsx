/**
 * Staff enter the safety answers a patient gives by phone or at the desk: the portal's own form
 * (same questions, same answer ids), judged by the same rules with the same consequences, and
 * stored as entered by this staff member on the patient's behalf. "Not sure" is an answer: staff
 * record it rather than guess no. Afterwards it shows the tier, the flags and what the portal tells
 * the patient (with the clinic's emergency number), so staff can say it now: for an emergency, to
 * go to an emergency department or call that number.
 */
import type { StaffIntakeResult } from "@evident/domain/api";
import { Alert, Badge, Button, Group, List, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useEnterIntake } from "../../api/triage";
import { AppModal } from "../../components/AppModal";
import { IntakeForm } from "../../portal/intake/IntakeForm";
import { FlagAnswers, flagKey } from "./FlagAnswers";
import { tierColor, tierFill, tierLabel } from "./tierLook";

function Result({ result, onDone }: { result: StaffIntakeResult; onDone: () => void }) {
  const { intake, patientAdvice: advice } = result;
  const emergency = intake.tier === "emergency";
  const tellNow = emergency || advice.kind === "call-now";
  // The form was long: bring the result into view and put the focus on it.
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    top.current?.scrollIntoView({ block: "start" });
    top.current?.focus();
  }, []);
  return (
    <Stack gap="md">
      <Group gap="xs" ref={top} tabIndex={-1} style={{ scrollMarginTop: 80 }}>
        <Badge
          color={intake.tier === "none" ? tierColor.none : tierFill[intake.tier]}
          variant={intake.tier === "none" ? "light" : "filled"}
        >
          {tierLabel[intake.tier]}
        </Badge>
        <Text size="sm">Saved as entered by {intake.enteredBy?.name ?? "you"} for the patient.</Text>
      </Group>
      <Alert
        color={emergency ? "red" : intake.tier === "none" ? "green" : "orange"}
        icon={emergency ? <IconAlertTriangle aria-hidden /> : undefined}
        title={tellNow ? "Tell the patient now" : "What the patient is told"}
        role={tellNow ? "alert" : undefined}
      >
        <Stack gap={4}>
          <Text fw={700}>{advice.title}</Text>
          <Text size="sm">{advice.whatToDo}</Text>
          <Text size="sm">{advice.why}</Text>
        </Stack>
      </Alert>
      {intake.flags.length > 0 && (
        <List size="sm" spacing={4} aria-label="Red flags found">
          {intake.flags.map((f) => (
            <List.Item key={flagKey(f)}>
              <Text size="sm" span fw={600}>
                {f.suggests}
              </Text>
              : {f.action} <FlagAnswers flag={f} />
            </List.Item>
          ))}
        </List>
      )}
      {intake.tier !== "none" && (
        <Text size="sm" c="dimmed">
          {intake.clinicianAction}
        </Text>
      )}
      <Button onClick={onDone} style={{ alignSelf: "flex-start" }}>
        Done
      </Button>
    </Stack>
  );
}

export function EnterIntakeModal({
  patientId,
  opened,
  onClose,
}: {
  patientId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const enter = useEnterIntake(patientId);
  const [result, setResult] = useState<StaffIntakeResult | null>(null);
  const close = () => {
    setResult(null);
    enter.reset();
    onClose();
  };
  return (
    <AppModal opened={opened} onClose={close} title="Safety questions for the patient" size="lg">
      {result ? (
        <Result result={result} onDone={close} />
      ) : (
        <IntakeForm
          size="md"
          topicLevel={3}
          submitLabel="Save the patient's answers"
          pending={enter.isPending}
          failed={enter.isError}
          send={(answers, onError) => enter.mutate({ answers }, { onSuccess: setResult, onError })}
          intro={
            <Text size="sm">
              Read each question to the patient as it is written and record their answer, on the phone or at
              the desk. If they do not know, record Not sure: never No. The age comes from the birth date on
              record. The same rules apply as in the portal: an emergency opens a task due now, messages the
              clinicians and holds procedures. The answers are saved as entered by you for the patient.
            </Text>
          }
        />
      )}
    </AppModal>
  );
}

/**
 * Record an adverse event: kind, onset, CTCAE grade, ICH E2A seriousness, relatedness,
 * expectedness, outcome and actions. The reporting clock it starts is shown before saving.
 */
import { toIsoDate, treatmentKind } from "@evident/domain";
import {
  aeKindLabels,
  aeKinds,
  aeOutcomes,
  ctcaeGrades,
  relatedness,
  reportingClock,
  type Seriousness,
  seriousnessCriteria,
  seriousnessLabels,
} from "@evident/domain/adverse-events/rules";
import { AdverseEventCreate, type PatientDetail } from "@evident/domain/api";
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useRecordAdverseEvent } from "../../api/adverse-events";
import { AppModal } from "../../components/AppModal";
import { FormAlert } from "../../components/FormAlert";
import { formatDate, localToday } from "../../components/format";
import { formErrors } from "../../components/serverErrors";
import { schemaErrors } from "../../components/zodErrors";

type Values = {
  kind: string;
  onsetDate: string;
  severity: string;
  seriousness: string[];
  relatedness: string;
  expected: string;
  outcome: string;
  actions: string;
  description: string;
  treatmentId: string;
};

const fields = [
  "kind",
  "onsetDate",
  "severity",
  "seriousness",
  "relatedness",
  "expected",
  "outcome",
  "actions",
  "description",
  "treatmentId",
  "problemReportId",
];
const words = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replaceAll("-", " ");

function toBody(v: Values, problemReportId: string | null) {
  return {
    kind: v.kind || undefined,
    onsetDate: v.onsetDate,
    severity: v.severity ? Number(v.severity) : undefined,
    seriousness: v.seriousness,
    relatedness: v.relatedness === "" ? null : v.relatedness,
    expected: v.expected === "" ? null : v.expected === "yes",
    outcome: v.outcome || undefined,
    ...(v.actions.trim() ? { actions: v.actions.trim() } : {}),
    ...(v.description.trim() ? { description: v.description.trim() } : {}),
    ...(v.treatmentId ? { treatmentId: v.treatmentId } : {}),
    ...(problemReportId ? { problemReportId } : {}),
  };
}

export function RecordAdverseEventModal({
  patient,
  problemReportId,
  opened,
  onClose,
}: {
  patient: PatientDetail;
  problemReportId: string | null;
  opened: boolean;
  onClose: () => void;
}) {
  const record = useRecordAdverseEvent(patient.id);
  const [general, setGeneral] = useState<string[]>([]);
  const latest = [...patient.treatments].sort((a, b) => b.date.localeCompare(a.date))[0];
  const form = useForm<Values>({
    initialValues: {
      kind: "",
      onsetDate: localToday(),
      severity: "",
      seriousness: [],
      relatedness: "",
      expected: "",
      outcome: "",
      actions: "",
      description: "",
      treatmentId: latest?.id ?? "",
    },
    validate: (v) => schemaErrors(AdverseEventCreate, toBody(v, problemReportId)),
  });
  const clock = reportingClock({
    seriousness: form.values.seriousness as Seriousness[],
    expected: form.values.expected === "" ? null : form.values.expected === "yes",
    relatedness: (form.values.relatedness || null) as never,
    awareDate: toIsoDate(new Date()),
  });
  const close = () => {
    form.reset();
    setGeneral([]);
    onClose();
  };
  const submit = form.onSubmit((v) => {
    record.mutate(toBody(v, problemReportId) as AdverseEventCreate, {
      onSuccess: (e) => {
        notifications.show({
          color: "green",
          title: "Adverse event recorded",
          message: e.clock.required
            ? `Expedited report due by ${formatDate(e.clock.dueDate ?? "")}.`
            : "No expedited report is needed.",
        });
        close();
      },
      onError: (err) => {
        const r = formErrors(err, fields);
        form.setErrors(r.fields);
        setGeneral(r.general);
      },
    });
  });
  const choose = (values: readonly string[], label: (v: string) => string = words) => [
    { value: "", label: "Choose…", disabled: true },
    ...values.map((v) => ({ value: v, label: label(v) })),
  ];
  return (
    <AppModal opened={opened} onClose={close} title="Record adverse event" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert messages={general} title="The adverse event was not recorded" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Kind"
              required
              data={choose(aeKinds, (k) => aeKindLabels[k as keyof typeof aeKindLabels])}
              data-autofocus
              {...form.getInputProps("kind")}
            />
            <TextInput
              label="Onset"
              type="date"
              required
              max={localToday()}
              {...form.getInputProps("onsetDate")}
            />
            <NativeSelect
              label="Severity (CTCAE grade)"
              required
              data={choose(
                ["1", "2", "3", "4", "5"],
                (g) => `${g}: ${ctcaeGrades[Number(g) as 1].split(":")[0]}`,
              )}
              {...form.getInputProps("severity")}
            />
            <NativeSelect
              label="Treatment it followed"
              data={[
                { value: "", label: "None" },
                ...patient.treatments.map((t) => ({
                  value: t.id,
                  label: `${treatmentKind(t.kind)?.label ?? t.kind}, ${t.date}`,
                })),
              ]}
              {...form.getInputProps("treatmentId")}
            />
            <NativeSelect
              label="Relatedness to the treatment"
              data={[
                { value: "", label: "Not yet assessed" },
                ...relatedness.map((r) => ({ value: r, label: words(r) })),
              ]}
              {...form.getInputProps("relatedness")}
            />
            <NativeSelect
              label="Expected (listed in consent and product information)"
              data={[
                { value: "", label: "Not yet assessed" },
                { value: "yes", label: "Expected" },
                { value: "no", label: "Unexpected" },
              ]}
              {...form.getInputProps("expected")}
            />
            <NativeSelect
              label="Outcome"
              required
              data={choose(aeOutcomes)}
              {...form.getInputProps("outcome")}
            />
          </SimpleGrid>
          <Checkbox.Group
            label="Seriousness (ICH E2A)"
            description="Tick every criterion met; none means not serious"
            {...form.getInputProps("seriousness")}
          >
            <Stack gap={6} mt={6}>
              {seriousnessCriteria.map((c) => (
                <Checkbox key={c} value={c} label={seriousnessLabels[c]} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Textarea
            label="What happened"
            description="Optional"
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          <Textarea
            label="Actions taken"
            description="Optional"
            autosize
            minRows={2}
            {...form.getInputProps("actions")}
          />
          <Alert
            color={clock.required ? "orange" : "gray"}
            title="Reporting clock (ICH E2A)"
            aria-live="polite"
          >
            {clock.required
              ? `Expedited report due by ${formatDate(clock.dueDate)}. Why: ${clock.reason}.`
              : `No expedited report: ${clock.reason}.`}{" "}
            Whether the clinic must report depends on its regulatory position; this is not legal advice.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={record.isPending}>
              Record adverse event
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

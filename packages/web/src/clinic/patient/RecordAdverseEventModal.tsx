/**
 * Record an adverse event: kind, onset, CTCAE grade, ICH E2A seriousness, relatedness,
 * expectedness, outcome and actions. The reporting clock it starts is shown before saving.
 * Given an event, the same form updates it (follow-up: the outcome, grade or relatedness
 * changed): prefilled, with a reason for the change, and the clock as the update leaves it.
 */
import { toIsoDate, treatmentKind } from "@evident/domain";
import {
  aeKindLabels,
  aeKinds,
  aeOutcomes,
  clockAfterUpdate,
  ctcaeGrades,
  type Relatedness,
  relatedness,
  reportingClock,
  type Seriousness,
  seriousnessCriteria,
  seriousnessLabels,
} from "@evident/domain/adverse-events/rules";
import {
  AdverseEventCreate,
  AdverseEventUpdate,
  type AdverseEventView,
  type PatientDetail,
} from "@evident/domain/api";
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
import { isApiError } from "../../api/client";
import { useUpdateAdverseEvent } from "../../api/records";
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
  reason: string;
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
  "reason",
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

/** The form's values for a saved event (editing), or a blank event following the latest treatment. */
function valuesOf(e: AdverseEventView | null, latestTreatmentId: string): Values {
  if (!e)
    return {
      kind: "",
      onsetDate: localToday(),
      severity: "",
      seriousness: [],
      relatedness: "",
      expected: "",
      outcome: "",
      actions: "",
      description: "",
      treatmentId: latestTreatmentId,
      reason: "",
    };
  return {
    kind: e.kind,
    onsetDate: e.onsetDate,
    severity: String(e.severity),
    seriousness: e.seriousness,
    relatedness: e.relatedness ?? "",
    expected: e.expected === null ? "" : e.expected ? "yes" : "no",
    outcome: e.outcome,
    actions: e.actions ?? "",
    description: e.description ?? "",
    treatmentId: e.treatmentId ?? "",
    reason: "",
  };
}

export function RecordAdverseEventModal({
  patient,
  problemReportId,
  event = null,
  opened,
  onClose,
}: {
  patient: PatientDetail;
  problemReportId: string | null;
  /** The saved event to update; none to record a new one. */
  event?: AdverseEventView | null;
  opened: boolean;
  onClose: () => void;
}) {
  const record = useRecordAdverseEvent(patient.id);
  const update = useUpdateAdverseEvent(patient.id);
  const [general, setGeneral] = useState<string[]>([]);
  const latest = [...patient.treatments].sort((a, b) => b.date.localeCompare(a.date))[0];
  const editing = event !== null;
  const form = useForm<Values>({
    initialValues: valuesOf(event, latest?.id ?? ""),
    validate: (v) =>
      editing
        ? schemaErrors(AdverseEventUpdate, { ...toBody(v, null), version: event.version, reason: v.reason })
        : schemaErrors(AdverseEventCreate, toBody(v, problemReportId)),
  });
  const after = {
    seriousness: form.values.seriousness as Seriousness[],
    expected: form.values.expected === "" ? null : form.values.expected === "yes",
    relatedness: (form.values.relatedness || null) as Relatedness | null,
  };
  const today = toIsoDate(new Date());
  const next = event
    ? clockAfterUpdate(
        {
          seriousness: event.seriousness as Seriousness[],
          expected: event.expected,
          relatedness: event.relatedness as Relatedness | null,
          startDate: event.clock.startDate,
          dueDate: event.clock.dueDate,
          submittedAt: event.clock.submittedAt,
        },
        after,
        today,
      )
    : null;
  const computed = reportingClock({ ...after, awareDate: next?.startDate ?? today });
  const clock = computed.required && next?.dueDate ? { ...computed, dueDate: next.dueDate } : computed;
  const submittedAt = next?.submittedAt ?? null;
  const close = () => {
    form.reset();
    setGeneral([]);
    onClose();
  };
  const failed = (err: unknown) => {
    if (isApiError(err) && err.status === 409) {
      setGeneral([
        "Someone changed this event after you opened it. Close this form and open it again to see their change, then make yours.",
      ]);
      return;
    }
    const r = formErrors(err, fields);
    form.setErrors(r.fields);
    setGeneral(r.general);
  };
  const submit = form.onSubmit((v) => {
    if (event) {
      const body = { ...toBody(v, null), version: event.version, reason: v.reason.trim() };
      update.mutate(
        { id: event.id, body: body as AdverseEventUpdate },
        {
          onSuccess: (e) => {
            notifications.show({
              color: "green",
              title: "Adverse event updated",
              message: e.clock.required
                ? e.clock.status === "submitted"
                  ? "The expedited report was already submitted."
                  : `Expedited report due by ${formatDate(e.clock.dueDate ?? "")}.`
                : "No expedited report is needed.",
            });
            close();
          },
          onError: failed,
        },
      );
      return;
    }
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
      onError: failed,
    });
  });
  const choose = (values: readonly string[], label: (v: string) => string = words) => [
    { value: "", label: "Choose…", disabled: true },
    ...values.map((v) => ({ value: v, label: label(v) })),
  ];
  return (
    <AppModal
      opened={opened}
      onClose={close}
      title={editing ? "Update adverse event" : "Record adverse event"}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert
            messages={general}
            title={editing ? "The adverse event was not updated" : "The adverse event was not recorded"}
          />
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
          {editing && (
            <Textarea
              label="Reason for the change"
              description="Kept with the earlier version, e.g. “wound check: healed”"
              required
              autosize
              minRows={1}
              {...form.getInputProps("reason")}
            />
          )}
          <Alert
            color={clock.required ? "orange" : "gray"}
            title="Reporting clock (ICH E2A)"
            aria-live="polite"
          >
            {clock.required
              ? submittedAt
                ? `Expedited report submitted on ${formatDate(submittedAt)}. Why one was needed: ${clock.reason}.`
                : `Expedited report due by ${formatDate(clock.dueDate)}${
                    next?.restarted ? ", counted from today, the day it became known to qualify" : ""
                  }. Why: ${clock.reason}.`
              : `No expedited report: ${clock.reason}.`}{" "}
            Whether the clinic must report depends on its regulatory position; this is not legal advice.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={record.isPending || update.isPending}>
              {editing ? "Save update" : "Record adverse event"}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

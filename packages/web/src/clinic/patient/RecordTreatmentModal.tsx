/**
 * Record a treatment and what was done (the procedure record, whose fields follow the treatment's
 * category). Choosing a cell therapy shows its regulatory note (investigational, not FDA-approved
 * for back pain) and the likely regulatory pathway its facts lead to before anything is saved, so
 * the record never implies approval.
 */
import { TreatmentCategory, treatmentKind, treatmentKinds } from "@evident/domain";
import { TreatmentCreate } from "@evident/domain/api";
import { checkProcedure, type ProcedureRecord } from "@evident/domain/pathway/procedure";
import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";
import { useRecordTreatment } from "../../api/queries";
import { AppModal } from "../../components/AppModal";
import { FormAlert } from "../../components/FormAlert";
import { localToday } from "../../components/format";
import { formErrors } from "../../components/serverErrors";
import { schemaErrors } from "../../components/zodErrors";
import { ProcedureFields } from "./ProcedureFields";
import { emptyProcedure, type ProcedureValues, procedureBody } from "./procedureForm";

const groupLabel: Record<string, string> = {
  [TreatmentCategory.conservative]: "Conservative care",
  [TreatmentCategory.injection]: "Injections",
  [TreatmentCategory.cellTherapy]: "Cell therapy (investigational)",
  [TreatmentCategory.surgery]: "Surgery",
  [TreatmentCategory.other]: "Other",
};

const kindGroups = Object.entries(groupLabel).map(([category, group]) => ({
  group,
  items: treatmentKinds.filter((k) => k.category === category).map((k) => ({ value: k.id, label: k.label })),
}));

type Values = { kind: string; date: string; notes: string; procedure: ProcedureValues };

const procedureFields = Object.keys(emptyProcedure).map((k) => `procedure.${k}`);

export function RecordTreatmentModal({
  patientId,
  opened,
  onClose,
}: {
  patientId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const record = useRecordTreatment(patientId);
  const [general, setGeneral] = useState<string[]>([]);
  const today = localToday();
  const form = useForm<Values>({
    initialValues: { kind: "", date: today, notes: "", procedure: emptyProcedure },
    validate: (v) => {
      const body = toBody(v);
      const errors = schemaErrors(TreatmentCreate, body);
      if (body.procedure && Object.keys(errors).length === 0)
        for (const i of checkProcedure(v.kind, body.procedure as ProcedureRecord))
          errors[i.path] ??= i.message;
      if (!v.kind) errors.kind = "Choose the treatment.";
      if (!v.date) errors.date = "Enter the date of the treatment.";
      return errors;
    },
  });
  const info = treatmentKind(form.values.kind);

  const close = () => {
    form.reset();
    setGeneral([]);
    onClose();
  };

  const submit = form.onSubmit((v) => {
    setGeneral([]);
    // validate() ran the same schema on this body, so it has the API's shape.
    record.mutate(toBody(v) as TreatmentCreate, {
      onSuccess: (t) => {
        notifications.show({
          color: "green",
          title: "Treatment recorded",
          message: `${treatmentKind(t.kind)?.label ?? t.kind} on ${t.date}. Follow-ups are scheduled by the clinic's measurement plan.`,
        });
        close();
      },
      onError: (e) => {
        const r = formErrors(e, ["kind", "date", "notes", "procedure.category", ...procedureFields]);
        form.setErrors(r.fields);
        setGeneral(r.general);
      },
    });
  });

  return (
    <AppModal opened={opened} onClose={close} title="Record treatment" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert messages={general} title="The treatment was not recorded" />
          <NativeSelect
            label="Treatment"
            required
            data={[{ value: "", label: "Choose…", disabled: true }, ...kindGroups]}
            data-autofocus
            {...form.getInputProps("kind")}
          />
          {info?.regulatoryNote && (
            <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} title="Investigational treatment">
              {info.regulatoryNote}
            </Alert>
          )}
          <TextInput
            label="Date"
            description="The day it was given (or is booked, up to a year ahead)"
            type="date"
            required
            {...form.getInputProps("date")}
          />
          <ProcedureFields form={form} />
          <Textarea
            label="Notes"
            description="Optional"
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps("notes")}
          />
          <Text size="sm" c="dimmed">
            Saving schedules the follow-up questionnaires of the clinic's measurement plan (2 and 6 weeks, 3,
            6, 12 and 24 months after this date).
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={record.isPending}>
              Record treatment
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function toBody(v: Values) {
  const notes = v.notes.trim();
  const procedure = procedureBody(v.kind, v.procedure);
  return {
    kind: v.kind as (typeof treatmentKinds)[number]["id"],
    date: v.date,
    ...(notes ? { notes } : {}),
    ...(procedure ? { procedure } : {}),
  };
}

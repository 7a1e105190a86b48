/**
 * Record a treatment and what was done (the procedure record, whose fields follow the treatment's
 * category). Choosing a cell therapy shows its regulatory note (investigational, not FDA-approved
 * for back pain) and the likely regulatory pathway its facts lead to before anything is saved, so
 * the record never implies approval, and the candidacy gate: the eligible assessment it will rest
 * on, or why it is refused and the override with a reason (CandidacyGateFields). Given a saved
 * treatment, the same form corrects it: prefilled, with a reason; a new date moves the follow-ups
 * and keeps answers already given.
 */
import { TreatmentCategory, timepointLabel, treatmentKind, treatmentKinds } from "@evident/domain";
import {
  type TreatmentCorrected,
  TreatmentCorrection,
  TreatmentCreate,
  type TreatmentView,
} from "@evident/domain/api";
import { checkProcedure, type ProcedureRecord } from "@evident/domain/pathway/procedure";
import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useCandidacy } from "../../api/candidacy";
import { isApiError } from "../../api/client";
import { useRecordTreatment } from "../../api/clinic-queries";
import { useConsentDocuments, usePatientConsents } from "../../api/consent";
import { useCorrectTreatment } from "../../api/records";
import { AppModal } from "../../components/AppModal";
import { FormAlert } from "../../components/FormAlert";
import { formatDate, localToday } from "../../components/format";
import { formErrors } from "../../components/serverErrors";
import { schemaErrors } from "../../components/zodErrors";
import { CandidacyGateFields, type GateState, gateRefuses, gateState } from "./CandidacyGateFields";
import {
  ConsentGateFields,
  type ConsentGateState,
  consentGateRefuses,
  consentGateState,
} from "./ConsentGateFields";
import { ProcedureFields } from "./ProcedureFields";
import {
  emptyProcedure,
  type ProcedureValues,
  procedureBody,
  procedureValues,
  withKindTissue,
} from "./procedureForm";

const groupLabel: Record<string, string> = {
  [TreatmentCategory.conservative]: "Conservative care",
  [TreatmentCategory.injection]: "Injections and needle procedures",
  [TreatmentCategory.cellTherapy]: "Cell and blood-derived injections (investigational)",
  [TreatmentCategory.surgery]: "Surgery",
  [TreatmentCategory.other]: "Other",
};

const kindGroups = Object.entries(groupLabel).map(([category, group]) => ({
  group,
  items: treatmentKinds.filter((k) => k.category === category).map((k) => ({ value: k.id, label: k.label })),
}));

type Values = {
  kind: string;
  date: string;
  notes: string;
  procedure: ProcedureValues;
  reason: string;
  override: boolean;
  candidacyOverride: { reason: string };
  consentOverrideOn: boolean;
  consentOverride: { reason: string };
};

const procedureFields = Object.keys(emptyProcedure).map((k) => `procedure.${k}`);

/** What a correction did to the follow-ups, in a sentence. */
function scheduleNote(t: TreatmentCorrected): string {
  const s = t.schedule;
  if (s.moved === 0) return "The follow-ups are unchanged.";
  const parts = [`Follow-ups moved to fit ${formatDate(t.date)}; answers already given are kept.`];
  if (s.completedOutsideWindow.length > 0)
    parts.push(
      `Answers for ${s.completedOutsideWindow.map(timepointLabel).join(", ")} now fall outside their window.`,
    );
  if (s.cancelled > 0) parts.push(`${s.cancelled} follow-up(s) of an earlier treatment were cancelled.`);
  if (s.reinstated > 0) parts.push(`${s.reinstated} follow-up(s) of an earlier treatment are due again.`);
  if (s.contactsRestarted > 0)
    parts.push(
      "Patients are invited again when each new window opens; e-mails not yet sent with the old dates were withdrawn.",
    );
  return parts.join(" ");
}

export function RecordTreatmentModal({
  patientId,
  treatment = null,
  opened,
  onClose,
  mayOverride,
}: {
  patientId: string;
  /** The saved treatment to correct; none to record a new one. */
  treatment?: TreatmentView | null;
  opened: boolean;
  onClose: () => void;
  /** The user may override the candidacy gate with a reason. */
  mayOverride: boolean;
}) {
  const signOffs = useCandidacy(patientId).data?.items ?? [];
  const gate = useRef<GateState>({ kept: null });
  const consentGate = useRef<ConsentGateState>({ kept: null });
  const consentDocuments = useConsentDocuments().data?.documents ?? [];
  const consents = usePatientConsents(patientId).data?.consents ?? [];
  const record = useRecordTreatment(patientId);
  const correct = useCorrectTreatment(patientId);
  const [general, setGeneral] = useState<string[]>([]);
  const today = localToday();
  const editing = treatment !== null;
  const form = useForm<Values>({
    initialValues: treatment
      ? {
          kind: treatment.kind,
          date: treatment.date,
          notes: typeof treatment.details.notes === "string" ? treatment.details.notes : "",
          procedure: procedureValues(treatment.details.procedure),
          reason: "",
          override: false,
          candidacyOverride: { reason: "" },
          consentOverrideOn: false,
          consentOverride: { reason: "" },
        }
      : {
          kind: "",
          date: today,
          notes: "",
          procedure: emptyProcedure,
          reason: "",
          override: false,
          candidacyOverride: { reason: "" },
          consentOverrideOn: false,
          consentOverride: { reason: "" },
        },
    validate: (v) => {
      const body = toBody(v, gate.current, consentGate.current);
      const errors = treatment
        ? schemaErrors(TreatmentCorrection, { ...body, version: treatment.version, reason: v.reason })
        : schemaErrors(TreatmentCreate, body);
      if (body.procedure && Object.keys(errors).length === 0)
        for (const i of checkProcedure(v.kind, body.procedure as ProcedureRecord))
          errors[i.path] ??= i.message;
      if (!v.kind) errors.kind = "Choose the treatment.";
      if (!v.date) errors.date = "Enter the date of the treatment.";
      if (gateRefuses(gate.current) && !v.override)
        errors.candidacy = "Sign off an eligible candidacy assessment first, or override with a reason.";
      if (consentGateRefuses(consentGate.current) && !v.consentOverrideOn)
        errors.consent =
          "The patient signs the procedure consent first (portal or paper), or override with a reason.";
      return errors;
    },
  });
  // The tissue a kind fixes (blood for PRP) is preselected when the kind is chosen.
  form.watch("kind", ({ previousValue, value }) => {
    const procedure = withKindTissue(previousValue, value, form.getValues().procedure);
    if (procedure !== form.getValues().procedure) form.setFieldValue("procedure", procedure);
  });
  const info = treatmentKind(form.values.kind);
  gate.current = gateState(
    form.values,
    signOffs,
    treatment ? { kind: treatment.kind, date: treatment.date, candidacy: treatment.candidacy } : null,
  );
  consentGate.current = consentGateState(
    form.values,
    consentDocuments,
    consents,
    treatment ? { kind: treatment.kind, consent: treatment.consent } : null,
  );

  const close = () => {
    form.reset();
    setGeneral([]);
    onClose();
  };

  const failed = (e: unknown) => {
    if (isApiError(e) && e.status === 409 && e.issues.some((i) => i.path === "version")) {
      setGeneral([
        "Someone corrected this treatment after you opened it. Close this form and open it again to see their change, then make yours.",
      ]);
      return;
    }
    const r = formErrors(e, [
      "kind",
      "date",
      "notes",
      "reason",
      "candidacy",
      "candidacyOverride.reason",
      "consent",
      "consentOverride.reason",
      "procedure.category",
      ...procedureFields,
    ]);
    form.setErrors(r.fields);
    setGeneral(r.general);
  };

  const submit = form.onSubmit((v) => {
    setGeneral([]);
    if (treatment) {
      const body = {
        ...toBody(v, gate.current, consentGate.current),
        version: treatment.version,
        reason: v.reason.trim(),
      };
      correct.mutate(
        { id: treatment.id, body: body as TreatmentCorrection },
        {
          onSuccess: (t) => {
            notifications.show({ color: "green", title: "Treatment corrected", message: scheduleNote(t) });
            close();
          },
          onError: failed,
        },
      );
      return;
    }
    // validate() ran the same schema on this body, so it has the API's shape.
    record.mutate(toBody(v, gate.current, consentGate.current) as TreatmentCreate, {
      onSuccess: (t) => {
        notifications.show({
          color: "green",
          title: "Treatment recorded",
          message: `${treatmentKind(t.kind)?.label ?? t.kind} on ${t.date}. Follow-ups are scheduled by the clinic's measurement plan.`,
        });
        close();
      },
      onError: failed,
    });
  });

  return (
    <AppModal
      opened={opened}
      onClose={close}
      title={editing ? "Correct treatment" : "Record treatment"}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert
            messages={general}
            title={editing ? "The treatment was not corrected" : "The treatment was not recorded"}
          />
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
          <CandidacyGateFields form={form} state={gate.current} mayOverride={mayOverride} />
          <ConsentGateFields form={form} state={consentGate.current} mayOverride={mayOverride} />
          <ProcedureFields form={form} />
          <Textarea
            label="Notes"
            description="Optional"
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps("notes")}
          />
          {editing && (
            <Textarea
              label="Reason for the correction"
              description="Kept with the earlier version, e.g. “date taken from the procedure log”"
              required
              autosize
              minRows={1}
              {...form.getInputProps("reason")}
            />
          )}
          <Text size="sm" c="dimmed">
            {editing
              ? "A new date moves this treatment's follow-ups with it. Answers already given are kept."
              : "Saving schedules the follow-up questionnaires of the clinic's measurement plan (2 and 6 weeks, 3, 6, 12 and 24 months after this date)."}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={record.isPending || correct.isPending}>
              {editing ? "Save correction" : "Record treatment"}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function toBody(v: Values, gate: GateState, consent: ConsentGateState) {
  const notes = v.notes.trim();
  const procedure = procedureBody(v.kind, v.procedure);
  // The override is sent only while the gate refuses (the server refuses one that is not needed).
  const override = gateRefuses(gate) && v.override;
  return {
    kind: v.kind as (typeof treatmentKinds)[number]["id"],
    date: v.date,
    ...(notes ? { notes } : {}),
    ...(procedure ? { procedure } : {}),
    ...(override ? { candidacyOverride: { reason: v.candidacyOverride.reason.trim() } } : {}),
    ...(consentGateRefuses(consent) && v.consentOverrideOn
      ? { consentOverride: { reason: v.consentOverride.reason.trim() } }
      : {}),
  };
}

/** Add a patient with their back-pain episode; with an e-mail address, invite them to the portal. */
import { spinalLevels } from "@evident/domain";
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useCreatePatient } from "../api/clinic-queries";
import { FormAlert } from "../components/FormAlert";
import { localToday } from "../components/format";
import { PageHeader } from "../components/PageHeader";
import { formErrors } from "../components/serverErrors";
import { usePageTitle } from "../components/usePageTitle";
import {
  conditionOptions,
  emptyPatientForm,
  languageOptions,
  type PatientFormValues,
  patientFormFields,
  sexOptions,
  toPatientPayload,
  validatePatientForm,
} from "./patientForm";

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: "sm", sm: "lg" }} radius="md" component="section">
      <Title order={2} size="h4">
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
      <Stack gap="md" mt="md">
        {children}
      </Stack>
    </Paper>
  );
}

export function AddPatientPage() {
  usePageTitle("Add patient");
  const navigate = useNavigate();
  const create = useCreatePatient();
  const [general, setGeneral] = useState<string[]>([]);
  const today = localToday();
  const form = useForm<PatientFormValues>({
    initialValues: emptyPatientForm,
    validate: (values) => validatePatientForm(values, today),
  });
  const hasEmail = form.values.email.trim() !== "";
  // Input props plus a stable id, so a failed submit can move focus to the first bad field.
  const field = (path: (typeof patientFormFields)[number]) => ({
    ...form.getInputProps(path),
    id: `field-${path}`,
  });

  const submit = form.onSubmit(
    (values) => {
      setGeneral([]);
      create.mutate(toPatientPayload(values), {
        onSuccess: (p) => {
          const invited = Boolean(p.email) && values.invite;
          notifications.show({
            color: "green",
            title: "Patient added",
            message: invited
              ? `${p.givenName} ${p.familyName} was added and a portal invitation was queued.`
              : `${p.givenName} ${p.familyName} was added.`,
          });
          navigate(`/patients/${p.id}`);
        },
        onError: (e) => {
          const { fields, general } = formErrors(e, patientFormFields);
          form.setErrors(fields);
          setGeneral(general);
          if (general.length === 0) focusFirstError(Object.keys(fields));
        },
      });
    },
    (errors) => focusFirstError(Object.keys(errors)),
  );

  return (
    <Stack maw={880} gap={0}>
      <Anchor component={Link} to="/patients" size="sm" mb="xs" underline="hover">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden /> Patients
        </Group>
      </Anchor>
      <PageHeader title="Add patient" description="Fields marked * are required." />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert messages={general} title="The patient was not added" />
          <Section title="Patient">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="First name" required autoComplete="off" {...field("givenName")} />
              <TextInput label="Last name" required autoComplete="off" {...field("familyName")} />
              <TextInput label="Date of birth" type="date" required max={today} {...field("birthDate")} />
              <NativeSelect
                label="Sex"
                required
                data={[{ value: "", label: "Choose…", disabled: true }, ...sexOptions]}
                {...field("sex")}
              />
              <TextInput
                label="Record number (MRN)"
                description="The clinic's own patient number, if any"
                {...field("mrn")}
              />
            </SimpleGrid>
          </Section>
          <Section
            title="Contact"
            hint="With an e-mail address the patient can answer questionnaires in the portal."
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="E-mail address" type="email" inputMode="email" {...field("email")} />
              <TextInput label="Phone" type="tel" inputMode="tel" {...field("phone")} />
              <NativeSelect
                label="Language"
                description="The portal and the patient's e-mails are in this language"
                data={languageOptions}
                {...field("language")}
              />
            </SimpleGrid>
            <Checkbox
              label="Send a portal invitation by e-mail now"
              description={
                hasEmail ? "The link works once and expires after 7 days." : "Needs an e-mail address."
              }
              disabled={!hasEmail}
              {...form.getInputProps("invite", { type: "checkbox" })}
              checked={hasEmail && form.values.invite}
              id="field-invite"
            />
          </Section>
          <Section title="Back-pain episode">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label="Condition"
                required
                data={[{ value: "", label: "Choose…", disabled: true }, ...conditionOptions]}
                {...field("episode.condition")}
              />
              <TextInput
                label="Pain started on"
                description="Approximate date is fine"
                type="date"
                max={today}
                {...field("episode.onsetDate")}
              />
            </SimpleGrid>
            <Checkbox.Group
              label="Spinal levels"
              description="Optional: the lumbar levels involved"
              id="field-episode.spinalLevels"
              {...form.getInputProps("episode.spinalLevels")}
            >
              <Group gap="md" mt={6}>
                {spinalLevels.map((l) => (
                  <Checkbox key={l} value={l} label={l.replace("-", "–")} />
                ))}
              </Group>
            </Checkbox.Group>
          </Section>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" component={Link} to="/patients">
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add patient
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function focusFirstError(paths: string[]) {
  const first = patientFormFields.find((f) => paths.includes(f));
  if (first) requestAnimationFrame(() => document.getElementById(`field-${first}`)?.focus());
}

/** The patient's portal status, with (re-)invitation by e-mail for staff who may invite. */
import type { PatientDetail } from "@evident/domain/api";
import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconMailForward } from "@tabler/icons-react";
import { useState } from "react";
import { useInvitePatient } from "../../api/clinic-queries";
import { AppModal } from "../../components/AppModal";
import { FormAlert } from "../../components/FormAlert";
import { PortalBadge } from "../../components/PortalBadge";
import { formErrors } from "../../components/serverErrors";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const explain: Record<PatientDetail["portal"], string> = {
  none: "Not invited yet. With the portal the patient answers their questionnaires from home.",
  invited: "Invited, but the patient has not set a password yet. Links expire after 7 days.",
  active:
    "The patient has set a password and can sign in. If they forget it, they choose “Forgot password?” on the portal's sign-in page: the clinic cannot set it for them.",
};

export function PortalAccess({ patient, mayInvite }: { patient: PatientDetail; mayInvite: boolean }) {
  const [opened, { open, close }] = useDisclosure(false);
  const invite = useInvitePatient(patient.id);
  const [general, setGeneral] = useState<string[]>([]);
  const form = useForm({
    initialValues: { email: patient.email ?? "" },
    validate: { email: (v) => (EMAIL.test(v.trim()) ? null : "Enter an e-mail address.") },
  });
  const label = patient.portal === "none" ? "Invite to portal" : "Send a new invitation";

  const submit = form.onSubmit(({ email }) => {
    setGeneral([]);
    invite.mutate(
      { email: email.trim() },
      {
        onSuccess: () => {
          close();
          notifications.show({
            color: "green",
            title: "Invitation queued",
            message: `A portal link for ${patient.givenName} is in Messages and goes to ${email.trim()}.`,
          });
        },
        onError: (e) => {
          const r = formErrors(e, ["email"]);
          form.setErrors(r.fields);
          setGeneral(r.general);
        },
      },
    );
  });

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <PortalBadge portal={patient.portal} />
      </Group>
      <Text size="sm">{explain[patient.portal]}</Text>
      {mayInvite && patient.portal !== "active" && (
        <Button
          variant="light"
          leftSection={<IconMailForward size={16} aria-hidden />}
          onClick={() => {
            form.setValues({ email: patient.email ?? "" });
            setGeneral([]);
            open();
          }}
          style={{ alignSelf: "flex-start" }}
        >
          {label}
        </Button>
      )}
      <AppModal opened={opened} onClose={close} title={label}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert messages={general} title="The invitation was not sent" />
            <Text size="sm">
              {patient.portal === "invited"
                ? "A new link replaces the earlier one, which stops working."
                : "The patient gets an e-mail with a link to set their password."}
            </Text>
            <TextInput
              label="E-mail address"
              type="email"
              required
              data-autofocus
              {...form.getInputProps("email")}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={invite.isPending}>
                Send invitation
              </Button>
            </Group>
          </Stack>
        </form>
      </AppModal>
    </Stack>
  );
}

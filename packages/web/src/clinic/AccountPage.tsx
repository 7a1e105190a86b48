/**
 * A staff member's own account: change the password (the current one is needed; other sessions
 * end), two-step sign-in (set up, new recovery codes, or turn off with the password), and open
 * sessions.
 */
import { Badge, Button, Card, Group, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useChangePassword, useDisableMfa, useEndMySession, useMySessions } from "../api/accounts";
import { FormAlert } from "../components/FormAlert";
import { useStaff } from "../components/Guards";
import { PageHeader } from "../components/PageHeader";
import { formErrors } from "../components/serverErrors";
import { usePageTitle } from "../components/usePageTitle";
import { MfaSetup } from "./account/MfaSetup";
import { NewRecoveryCodes } from "./account/NewRecoveryCodes";
import { PasswordConfirmForm } from "./account/PasswordConfirmForm";
import { SessionTable } from "./account/SessionTable";

function ChangePassword() {
  const change = useChangePassword();
  const [general, setGeneral] = useState<string[]>([]);
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "", confirm: "" },
    validate: {
      currentPassword: (v) => (v ? null : "Enter your current password."),
      newPassword: (v) => (v.length >= 12 && v.length <= 128 ? null : "Use 12 to 128 characters."),
      confirm: (v, all) => (v === all.newPassword ? null : "The two passwords are not the same."),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setGeneral([]);
        change.mutate(
          { currentPassword: v.currentPassword, newPassword: v.newPassword },
          {
            onSuccess: () => {
              form.reset();
              notifications.show({
                color: "green",
                message: "Password changed. Your other sessions have ended.",
              });
            },
            onError: (e) => {
              const r = formErrors(e, ["currentPassword", "newPassword"]);
              form.setErrors(r.fields);
              setGeneral(r.general);
            },
          },
        );
      })}
    >
      <Stack gap="sm" maw={420}>
        <FormAlert messages={general} />
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          {...form.getInputProps("currentPassword")}
        />
        <PasswordInput
          label="New password"
          description="At least 12 characters."
          autoComplete="new-password"
          required
          {...form.getInputProps("newPassword")}
        />
        <PasswordInput
          label="New password again"
          autoComplete="new-password"
          required
          {...form.getInputProps("confirm")}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TurnOffMfa({ required }: { required: boolean }) {
  const disable = useDisableMfa();
  return (
    <PasswordConfirmForm
      submitLabel="Turn off two-step sign-in"
      color="red"
      pending={disable.isPending}
      confirm={(password, h) => disable.mutate(password, h)}
    >
      <Text size="sm">
        {required
          ? "To move to a new phone, turn it off and set it up again at once: your account needs it before anything else."
          : "Turning it off leaves only your password between others and your patients' records."}
      </Text>
    </PasswordConfirmForm>
  );
}

export function AccountPage() {
  usePageTitle("Your account");
  const me = useStaff();
  const sessions = useMySessions();
  const end = useEndMySession();
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader title="Your account" description={`${me.name} · ${me.email}`} />
      <Card withBorder padding="lg">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Two-step sign-in
          </Title>
          <Badge color={me.mfa.enabled ? "green" : "gray"} variant="light">
            {me.mfa.enabled ? "On" : "Off"}
          </Badge>
        </Group>
        {me.mfa.enabled ? <TurnOffMfa required={me.mfa.required} /> : <MfaSetup />}
      </Card>
      {me.mfa.enabled && (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            Recovery codes
          </Title>
          <NewRecoveryCodes />
        </Card>
      )}
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          Password
        </Title>
        <ChangePassword />
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          Where you are signed in
        </Title>
        <SessionTable
          query={sessions}
          onEnd={(id) => end.mutate(id)}
          ending={end.isPending}
          showName={false}
        />
      </Card>
    </Stack>
  );
}

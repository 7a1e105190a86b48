/**
 * A patient changes their own password (/portal/password): the one they use now, then a new one.
 * Their other sessions end; this one stays.
 */
import { newPassword } from "@evident/domain/api";
import { Alert, Button, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useChangePassword } from "../api/accounts";
import { FormAlert } from "../components/FormAlert";
import { formErrors } from "../components/serverErrors";
import { usePageTitle } from "../components/usePageTitle";
import { useCopy } from "./language";

export function PasswordPage() {
  const t = useCopy();
  usePageTitle(t.changePasswordTitle);
  const change = useChangePassword();
  const [general, setGeneral] = useState<string[]>([]);
  const form = useForm({
    initialValues: { currentPassword: "", password: "", confirm: "" },
    validate: (v) => {
      const out: Record<string, string> = {};
      if (!v.currentPassword) out.currentPassword = t.enterPassword;
      if (!newPassword.safeParse(v.password).success)
        out.password = v.password.length < 12 ? t.passwordTooShort : t.passwordTooLong;
      else if (v.confirm !== v.password) out.confirm = t.passwordMismatch;
      return out;
    },
  });
  return (
    <Stack gap="md" maw={440}>
      <Title order={1} size="h2">
        {t.changePasswordTitle}
      </Title>
      <Text>{t.changePasswordIntro}</Text>
      {change.isSuccess && (
        <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status">
          {t.passwordChanged}
        </Alert>
      )}
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setGeneral([]);
          change.mutate(
            { currentPassword: v.currentPassword, newPassword: v.password },
            {
              onSuccess: () => form.reset(),
              onError: (e) => {
                const r = formErrors(e, ["currentPassword", "newPassword"]);
                form.setErrors({
                  ...r.fields,
                  ...(r.fields.newPassword ? { password: r.fields.newPassword } : {}),
                });
                setGeneral(r.general);
              },
            },
          );
        })}
      >
        <Stack gap="md">
          <FormAlert messages={general} title={t.passwordNotSaved} />
          <PasswordInput
            label={t.currentPassword}
            autoComplete="current-password"
            required
            size="md"
            {...form.getInputProps("currentPassword")}
          />
          <PasswordInput
            label={t.newPassword}
            description={t.passwordHint}
            autoComplete="new-password"
            required
            size="md"
            {...form.getInputProps("password")}
          />
          <PasswordInput
            label={t.typeAgain}
            autoComplete="new-password"
            required
            size="md"
            {...form.getInputProps("confirm")}
          />
          <Button type="submit" size="md" loading={change.isPending}>
            {t.changePassword}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/**
 * An account change that asks for the password again (turning off two-step sign-in, new recovery
 * codes): the reason above, one password field, one button; the server's answer puts a wrong
 * password on the field and anything else above it.
 */
import { Button, Group, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type ReactNode, useState } from "react";
import { FormAlert } from "../../components/FormAlert";
import { formErrors } from "../../components/serverErrors";

type Handlers = { onSuccess: () => void; onError: (e: unknown) => void };

export function PasswordConfirmForm(props: {
  children: ReactNode;
  submitLabel: string;
  color?: string;
  pending: boolean;
  confirm: (password: string, handlers: Handlers) => void;
}) {
  const [general, setGeneral] = useState<string[]>([]);
  const form = useForm({
    initialValues: { password: "" },
    validate: { password: (v) => (v ? null : "Enter your password.") },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setGeneral([]);
        props.confirm(v.password, {
          onSuccess: () => form.reset(),
          onError: (e) => {
            const r = formErrors(e, ["password"]);
            form.setErrors(r.fields);
            setGeneral(r.general);
          },
        });
      })}
    >
      <Stack gap="sm" maw={420}>
        {props.children}
        <FormAlert messages={general} />
        <PasswordInput
          label="Your password"
          autoComplete="current-password"
          required
          {...form.getInputProps("password")}
        />
        <Group>
          <Button type="submit" variant="default" color={props.color} loading={props.pending}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

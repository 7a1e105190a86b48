/** Sign-in form shared by staff and patients: e-mail, password, and the server's verdict. */
import type { Me } from "@evident/domain/api";
import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { isApiError } from "../api/client";
import { useSignIn } from "../api/queries";
import { FormAlert } from "./FormAlert";
import { formErrors } from "./serverErrors";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function SignInForm({ who, onSignedIn }: { who: "staff" | "patient"; onSignedIn: (me: Me) => void }) {
  const signIn = useSignIn(who);
  const [general, setGeneral] = useState<string[]>([]);
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (v) => (EMAIL.test(v.trim()) ? null : "Enter your e-mail address."),
      password: (v) => (v ? null : "Enter your password."),
    },
  });

  const submit = form.onSubmit((values) => {
    setGeneral([]);
    signIn.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: onSignedIn,
        onError: (e) => {
          if (isApiError(e) && e.status === 401) {
            setGeneral(["The e-mail address or password is wrong."]);
            return;
          }
          const { fields, general } = formErrors(e, ["email", "password"]);
          form.setErrors(fields);
          setGeneral(general);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert messages={general} title="Could not sign in" />
        <TextInput
          label="E-mail address"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          size="md"
          {...form.getInputProps("email")}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          size="md"
          {...form.getInputProps("password")}
        />
        <Button type="submit" size="md" fullWidth loading={signIn.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}

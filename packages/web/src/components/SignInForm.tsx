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

/** The form's words; the portal passes them in the patient's language. */
export type SignInWords = {
  email: string;
  password: string;
  signIn: string;
  enterEmail: string;
  enterPassword: string;
  wrongPassword: string;
  couldNotSignIn: string;
};

const english: SignInWords = {
  email: "E-mail address",
  password: "Password",
  signIn: "Sign in",
  enterEmail: "Enter your e-mail address.",
  enterPassword: "Enter your password.",
  wrongPassword: "The e-mail address or password is wrong.",
  couldNotSignIn: "Could not sign in",
};

export function SignInForm({
  who,
  onSignedIn,
  words = english,
}: {
  who: "staff" | "patient";
  onSignedIn: (me: Me) => void;
  words?: SignInWords;
}) {
  const signIn = useSignIn(who);
  const [general, setGeneral] = useState<string[]>([]);
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (v) => (EMAIL.test(v.trim()) ? null : words.enterEmail),
      password: (v) => (v ? null : words.enterPassword),
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
            setGeneral([words.wrongPassword]);
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
        <FormAlert messages={general} title={words.couldNotSignIn} />
        <TextInput
          label={words.email}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          size="md"
          {...form.getInputProps("email")}
        />
        <PasswordInput
          label={words.password}
          autoComplete="current-password"
          required
          size="md"
          {...form.getInputProps("password")}
        />
        <Button type="submit" size="md" fullWidth loading={signIn.isPending}>
          {words.signIn}
        </Button>
      </Stack>
    </form>
  );
}

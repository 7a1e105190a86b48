/**
 * Sign-in form shared by staff and patients: e-mail, password, and the server's verdict. Staff
 * who use two-step sign-in are asked for their code when the server says so (a 401 naming
 * `code`): the form then shows the code field and sends all three again.
 */
import type { Me } from "@evident/domain/api";
import { Anchor, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { Link } from "react-router";
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
  forgotPassword: string;
};

const english: SignInWords = {
  email: "E-mail address",
  password: "Password",
  signIn: "Sign in",
  enterEmail: "Enter your e-mail address.",
  enterPassword: "Enter your password.",
  wrongPassword: "The e-mail address or password is wrong.",
  couldNotSignIn: "Could not sign in",
  forgotPassword: "Forgot password?",
};

export function SignInForm({
  who,
  onSignedIn,
  words = english,
  forgotPath,
}: {
  who: "staff" | "patient";
  onSignedIn: (me: Me) => void;
  words?: SignInWords;
  /** Where "Forgot password?" leads. */
  forgotPath: string;
}) {
  const signIn = useSignIn(who);
  const [general, setGeneral] = useState<string[]>([]);
  const [askCode, setAskCode] = useState(false);
  const form = useForm({
    initialValues: { email: "", password: "", code: "" },
    validate: {
      email: (v) => (EMAIL.test(v.trim()) ? null : words.enterEmail),
      password: (v) => (v ? null : words.enterPassword),
      code: (v) => (askCode && !v.trim() ? "Enter the code from your authenticator app." : null),
    },
  });

  const submit = form.onSubmit((values) => {
    setGeneral([]);
    const code = values.code.replace(/\s/g, "");
    signIn.mutate(
      { email: values.email.trim(), password: values.password, ...(askCode && code ? { code } : {}) },
      {
        onSuccess: onSignedIn,
        onError: (e) => {
          const codeIssue =
            isApiError(e) && e.status === 401 ? e.issues.find((i) => i.path === "code") : undefined;
          if (codeIssue) {
            setAskCode(true);
            if (codeIssue.message !== "is required")
              form.setErrors({ code: "That code is not right, or it was used already. Try the next one." });
            return;
          }
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
        {askCode && (
          <TextInput
            label="Code from your authenticator app"
            description="The 6-digit code it shows now, or one of your recovery codes."
            autoComplete="one-time-code"
            inputMode="text"
            required
            size="md"
            data-autofocus
            {...form.getInputProps("code")}
          />
        )}
        <Button type="submit" size="md" fullWidth loading={signIn.isPending}>
          {words.signIn}
        </Button>
        <Anchor component={Link} to={forgotPath} size="sm">
          {words.forgotPassword}
        </Anchor>
      </Stack>
    </form>
  );
}

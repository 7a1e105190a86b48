/**
 * "Forgot password?" for staff and patients: one e-mail field, and the same answer whatever the
 * address (the server never says whether an account exists). The portal passes its words.
 */
import { Anchor, Button, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { Link } from "react-router";
import { useRequestReset } from "../api/accounts";
import { FormAlert } from "./FormAlert";
import { formErrors } from "./serverErrors";

export type ForgotWords = {
  forgotTitle: string;
  forgotIntro: string;
  email: string;
  enterEmail: string;
  sendLink: string;
  linkSent: string;
  backToSignIn: string;
};

export const forgotEnglish: ForgotWords = {
  forgotTitle: "Reset your password",
  forgotIntro:
    "Enter the e-mail address of your account. If it has one, we e-mail it a link to choose a new password. Your current password keeps working until you use the link.",
  email: "E-mail address",
  enterEmail: "Enter your e-mail address.",
  sendLink: "Send me a link",
  linkSent:
    "If this address has an account, a link is on its way. It works once, for one hour. Check your e-mail, including the spam folder.",
  backToSignIn: "Back to sign-in",
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function ForgotPassword({
  who,
  words,
  signInPath,
}: {
  who: "staff" | "patient";
  words: ForgotWords;
  signInPath: string;
}) {
  const request = useRequestReset(who);
  const [general, setGeneral] = useState<string[]>([]);
  const form = useForm({
    initialValues: { email: "" },
    validate: { email: (v) => (EMAIL.test(v.trim()) ? null : words.enterEmail) },
  });
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {words.forgotTitle}
        </Title>
        <Text mt={6}>{words.forgotIntro}</Text>
      </div>
      {request.isSuccess ? (
        <Text role="status" fw={500}>
          {words.linkSent}
        </Text>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((v) => {
            setGeneral([]);
            request.mutate(v.email.trim(), {
              onError: (e) => {
                const r = formErrors(e, ["email"]);
                form.setErrors(r.fields);
                setGeneral(r.general);
              },
            });
          })}
        >
          <Stack gap="md">
            <FormAlert messages={general} />
            <TextInput
              label={words.email}
              type="email"
              autoComplete="username"
              inputMode="email"
              required
              size="md"
              {...form.getInputProps("email")}
            />
            <Button type="submit" size="md" fullWidth loading={request.isPending}>
              {words.sendLink}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to={signInPath} size="sm">
        {words.backToSignIn}
      </Anchor>
    </Stack>
  );
}

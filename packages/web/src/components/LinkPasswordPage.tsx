/**
 * Where a password-reset or staff-invitation link lands (/reset-password#…, /welcome#…,
 * /portal/reset-password#…). As on the portal's welcome page, the token is in the fragment, so it
 * never reaches a server log; it is read once and dropped from the address bar. Saving the
 * password ends every session of the account; then the person signs in with it.
 */
import { newPassword } from "@evident/domain/api";
import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { useLink, useUseLink } from "../api/accounts";
import { isApiError } from "../api/client";
import { AuthLayout } from "./AuthLayout";
import { FormAlert } from "./FormAlert";
import { Loading } from "./QueryStates";
import { formErrors } from "./serverErrors";
import { usePageTitle } from "./usePageTitle";

let captured = "";
function readToken(): string {
  const fromHash = decodeURIComponent(window.location.hash.replace(/^#/, ""));
  if (fromHash) {
    captured = fromHash;
    window.history.replaceState(window.history.state, "", window.location.pathname);
  }
  return captured;
}

export type LinkWords = {
  resetTitle: string;
  resetIntro: string;
  newPassword: string;
  passwordHint: string;
  typeAgain: string;
  savePassword: string;
  passwordNotSaved: string;
  passwordTooShort: string;
  passwordTooLong: string;
  passwordMismatch: string;
  resetDone: string;
  resetLinkUsed: string;
  checkingLink: string;
  deadLink: string;
  signIn: string;
};

export const linkEnglish: LinkWords = {
  resetTitle: "Choose a new password",
  resetIntro: "Your current password keeps working until you save a new one here.",
  newPassword: "New password",
  passwordHint: "At least 12 characters. A short sentence is easy to remember.",
  typeAgain: "Type it again",
  savePassword: "Save password",
  passwordNotSaved: "Your password was not saved",
  passwordTooShort: "Use at least 12 characters.",
  passwordTooLong: "Use at most 128 characters.",
  passwordMismatch: "The two passwords are not the same.",
  resetDone: "Your password is saved, and any session that was open has ended. Sign in with it now.",
  resetLinkUsed: "This link has expired or was already used. Ask for a new one with “Forgot password?”.",
  checkingLink: "Checking your link…",
  deadLink: "This link does not work",
  signIn: "Sign in",
};

export function LinkPasswordPage({
  words = linkEnglish,
  signInPath,
  brandSuffix,
  aside,
}: {
  words?: LinkWords;
  signInPath: string;
  brandSuffix?: string;
  aside?: ReactNode;
}) {
  usePageTitle(words.resetTitle);
  const [token] = useState(readToken);
  const link = useLink(token);
  const use = useUseLink();
  const [general, setGeneral] = useState<string[]>([]);
  const form = useForm({
    initialValues: { password: "", confirm: "" },
    validate: (v) => {
      const out: Record<string, string> = {};
      if (!newPassword.safeParse(v.password).success)
        out.password = v.password.length < 12 ? words.passwordTooShort : words.passwordTooLong;
      if (!out.password && v.confirm !== v.password) out.confirm = words.passwordMismatch;
      return out;
    },
  });

  const signInLink = (
    <Anchor component={Link} to={signInPath}>
      {words.signIn}
    </Anchor>
  );
  let body: ReactNode;
  if (use.isSuccess) {
    body = (
      <Stack gap="md">
        <Title order={1} size="h2">
          {words.resetTitle}
        </Title>
        <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status">
          {words.resetDone}
        </Alert>
        {signInLink}
      </Stack>
    );
  } else if (token.length < 16 || link.isError) {
    body = (
      <Stack gap="md">
        <Title order={1} size="h2">
          {words.deadLink}
        </Title>
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />}>
          {words.resetLinkUsed}
        </Alert>
        {signInLink}
      </Stack>
    );
  } else if (link.isPending) {
    body = <Loading label={words.checkingLink} />;
  } else {
    const info = link.data;
    const invited = info.purpose === "staff-invitation";
    body = (
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            {invited ? `Welcome, ${info.name}` : words.resetTitle}
          </Title>
          <Text mt={6}>
            {invited
              ? `${info.clinicName} has made you an Evident account. Choose your password to start.`
              : words.resetIntro}
          </Text>
        </div>
        <form
          noValidate
          onSubmit={form.onSubmit((v) => {
            setGeneral([]);
            use.mutate(
              { token, password: v.password },
              {
                onError: (e) => {
                  if (isApiError(e) && e.status === 404) return setGeneral([words.resetLinkUsed]);
                  const r = formErrors(e, ["password"]);
                  form.setErrors(r.fields);
                  setGeneral(r.general);
                },
              },
            );
          })}
        >
          <Stack gap="md">
            <FormAlert messages={general} title={words.passwordNotSaved} />
            <PasswordInput
              label={words.newPassword}
              description={words.passwordHint}
              autoComplete="new-password"
              required
              size="md"
              {...form.getInputProps("password")}
            />
            <PasswordInput
              label={words.typeAgain}
              autoComplete="new-password"
              required
              size="md"
              {...form.getInputProps("confirm")}
            />
            <Button type="submit" size="md" fullWidth loading={use.isPending}>
              {words.savePassword}
            </Button>
          </Stack>
        </form>
      </Stack>
    );
  }
  return (
    <AuthLayout brandSuffix={brandSuffix} aside={aside}>
      {body}
    </AuthLayout>
  );
}

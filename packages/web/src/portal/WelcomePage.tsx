/**
 * The invitation link lands here (/portal/welcome#<token>). The token sits in the fragment so it
 * never reaches a server log; we read it once and drop it from the address bar, then the patient
 * chooses a password and is signed in.
 */
import { newPassword } from "@evident/domain/api";
import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { isApiError } from "../api/client";
import { useAcceptInvitation, useInvitation } from "../api/queries";
import { AuthLayout } from "../components/AuthLayout";
import { FormAlert } from "../components/FormAlert";
import { formatLongDate } from "../components/format";
import { Loading } from "../components/QueryStates";
import { formErrors } from "../components/serverErrors";
import { usePageTitle } from "../components/usePageTitle";
import type { Copy } from "./copy";
import { LanguageSwitch, useCopy, useLanguage } from "./language";

// Kept outside React state so a second render (StrictMode) still sees the token it removed.
let captured = "";

function readToken(): string {
  const fromHash = decodeURIComponent(window.location.hash.replace(/^#/, ""));
  if (fromHash) {
    captured = fromHash;
    window.history.replaceState(window.history.state, "", window.location.pathname);
  }
  return captured;
}

/** The password rule of the API's schema (12–128 characters), said in the patient's words. */
function passwordProblem(password: string, t: Copy): string | null {
  if (password.length < 12) return t.passwordTooShort;
  if (password.length > 128) return t.passwordTooLong;
  return null;
}

function DeadLink({ message }: { message: string }) {
  const t = useCopy();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t.deadLink}
      </Title>
      <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />}>
        {message}
      </Alert>
      <Text size="sm">
        {t.alreadySet}{" "}
        <Anchor component={Link} to="/portal/sign-in">
          {t.signIn}
        </Anchor>
      </Text>
    </Stack>
  );
}

export function WelcomePage() {
  usePageTitle("Welcome");
  const t = useCopy();
  const { lang } = useLanguage();
  const [token] = useState(readToken);
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const [general, setGeneral] = useState<string[]>([]);
  const form = useForm({
    initialValues: { password: "", confirm: "" },
    validate: (v) => {
      const out: Record<string, string> = {};
      const problem = newPassword.safeParse(v.password).success ? null : passwordProblem(v.password, t);
      if (problem) out.password = problem;
      if (!out.password && v.confirm !== v.password) out.confirm = t.passwordMismatch;
      return out;
    },
  });

  let body: React.ReactNode;
  if (token.length < 16) {
    body = <DeadLink message={t.linkIncomplete} />;
  } else if (invitation.isPending) {
    body = <Loading label={t.checkingLink} />;
  } else if (invitation.isError) {
    body = (
      <DeadLink
        message={
          isApiError(invitation.error) && invitation.error.status === 404 ? t.linkUsed : t.linkCheckFailed
        }
      />
    );
  } else {
    const info = invitation.data;
    const firstName = info.patientName.split(/\s+/)[0] ?? info.patientName;
    body = (
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            {t.welcomeTitle(firstName)}
          </Title>
          <Text mt={6}>{t.welcome(info.clinicName)}</Text>
        </div>
        <form
          noValidate
          onSubmit={form.onSubmit((v) => {
            setGeneral([]);
            accept.mutate(
              { token, password: v.password },
              {
                onSuccess: () => navigate("/portal", { replace: true }),
                onError: (e) => {
                  if (isApiError(e) && e.status === 404) {
                    setGeneral([t.linkUsed]);
                    return;
                  }
                  const r = formErrors(e, ["password"]);
                  form.setErrors(r.fields);
                  setGeneral(r.general);
                },
              },
            );
          })}
        >
          <Stack gap="md">
            <Title order={2} size="h4">
              {t.choosePassword}
            </Title>
            <FormAlert messages={general} title={t.passwordNotSaved} />
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
            <Button type="submit" size="md" fullWidth loading={accept.isPending}>
              {t.savePassword}
            </Button>
            <Text size="xs" c="dimmed">
              {t.linkOnce(formatLongDate(info.expiresAt, lang))}
            </Text>
          </Stack>
        </form>
      </Stack>
    );
  }

  return (
    <AuthLayout brandSuffix="Patient portal" aside={<LanguageSwitch />}>
      {body}
    </AuthLayout>
  );
}

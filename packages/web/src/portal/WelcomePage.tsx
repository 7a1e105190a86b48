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
import { schemaErrors } from "../components/zodErrors";
import { copy } from "./copy";

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

function DeadLink({ message }: { message: string }) {
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        This link does not work
      </Title>
      <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />}>
        {message}
      </Alert>
      <Text size="sm">
        Already set a password?{" "}
        <Anchor component={Link} to="/portal/sign-in">
          Sign in
        </Anchor>
      </Text>
    </Stack>
  );
}

export function WelcomePage() {
  usePageTitle("Welcome");
  const [token] = useState(readToken);
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const [general, setGeneral] = useState<string[]>([]);
  const form = useForm({
    initialValues: { password: "", confirm: "" },
    validate: (v) => {
      const errors = schemaErrors(newPassword, v.password);
      const out: Record<string, string> = {};
      if (errors[""]) out.password = errors[""];
      if (!out.password && v.confirm !== v.password) out.confirm = copy.passwordMismatch;
      return out;
    },
  });

  let body: React.ReactNode;
  if (token.length < 16) {
    body = <DeadLink message={copy.linkIncomplete} />;
  } else if (invitation.isPending) {
    body = <Loading label="Checking your link…" />;
  } else if (invitation.isError) {
    body = (
      <DeadLink
        message={
          isApiError(invitation.error) && invitation.error.status === 404
            ? copy.linkUsed
            : copy.linkCheckFailed
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
            Welcome, {firstName}
          </Title>
          <Text mt={6}>{copy.welcome(info.clinicName)}</Text>
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
                    setGeneral([copy.linkUsed]);
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
              Choose a password
            </Title>
            <FormAlert messages={general} title="Your password was not saved" />
            <PasswordInput
              label="New password"
              description={copy.passwordHint}
              autoComplete="new-password"
              required
              size="md"
              {...form.getInputProps("password")}
            />
            <PasswordInput
              label="Type it again"
              autoComplete="new-password"
              required
              size="md"
              {...form.getInputProps("confirm")}
            />
            <Button type="submit" size="md" fullWidth loading={accept.isPending}>
              Save password and continue
            </Button>
            <Text size="xs" c="dimmed">
              {copy.linkOnce(formatLongDate(info.expiresAt))}
            </Text>
          </Stack>
        </form>
      </Stack>
    );
  }

  return <AuthLayout brandSuffix="Patient portal">{body}</AuthLayout>;
}

import { Anchor, Divider, Stack, Text, Title } from "@mantine/core";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { useMe } from "../api/queries";
import { AuthLayout } from "../components/AuthLayout";
import { Loading } from "../components/QueryStates";
import { SignInForm } from "../components/SignInForm";
import { usePageTitle } from "../components/usePageTitle";

export function SignInPage() {
  usePageTitle("Staff sign-in");
  const me = useMe();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;

  if (me.isPending) return <Loading />;
  // "/" picks the start page (the triage queue first while a red flag waits for a reviewer).
  if (me.data) return <Navigate to="/" replace />;

  return (
    <AuthLayout>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            Sign in
          </Title>
          <Text c="dimmed" mt={4}>
            For clinic staff and researchers.
          </Text>
        </div>
        <SignInForm
          who="staff"
          forgotPath="/forgot-password"
          onSignedIn={(signedIn) => {
            const target = from && signedIn.kind === "staff" && from !== "/sign-in" ? from : "/";
            navigate(target, { replace: true });
          }}
        />
        <Divider />
        <Text size="sm">
          Are you a patient?{" "}
          <Anchor component={Link} to="/portal/sign-in">
            Sign in to the patient portal
          </Anchor>
        </Text>
      </Stack>
    </AuthLayout>
  );
}

import { Anchor, Divider, Stack, Text, Title } from "@mantine/core";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { useMe } from "../api/queries";
import { AuthLayout } from "../components/AuthLayout";
import { homeOf } from "../components/Guards";
import { Loading } from "../components/QueryStates";
import { SignInForm } from "../components/SignInForm";
import { usePageTitle } from "../components/usePageTitle";
import { LanguageSwitch, useCopy } from "./language";

export function PortalSignInPage() {
  usePageTitle("Patient portal sign-in");
  const t = useCopy();
  const me = useMe();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  // Only a path inside the portal: never an address elsewhere.
  const back = from?.startsWith("/portal/") ? from : null;
  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to={homeOf(me.data)} replace />;

  return (
    <AuthLayout brandSuffix="Patient portal" aside={<LanguageSwitch />}>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            {t.signIn}
          </Title>
          <Text c="dimmed" mt={4}>
            {t.signInIntro}
          </Text>
        </div>
        <SignInForm
          who="patient"
          words={t}
          forgotPath="/portal/forgot-password"
          onSignedIn={(m) => navigate(m.kind === "patient" && back ? back : homeOf(m), { replace: true })}
        />
        <Text size="sm">{t.firstTime}</Text>
        <Divider />
        <Text size="sm">
          {t.staffQuestion}{" "}
          <Anchor component={Link} to="/sign-in">
            {t.staffSignIn}
          </Anchor>
        </Text>
      </Stack>
    </AuthLayout>
  );
}

import { Anchor, Divider, Stack, Text, Title } from "@mantine/core";
import { Link, Navigate, useNavigate } from "react-router";
import { useMe } from "../api/queries";
import { AuthLayout } from "../components/AuthLayout";
import { homeOf } from "../components/Guards";
import { Loading } from "../components/QueryStates";
import { SignInForm } from "../components/SignInForm";
import { usePageTitle } from "../components/usePageTitle";
import { copy } from "./copy";

export function PortalSignInPage() {
  usePageTitle("Patient portal sign-in");
  const me = useMe();
  const navigate = useNavigate();
  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to={homeOf(me.data)} replace />;

  return (
    <AuthLayout brandSuffix="Patient portal">
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            Sign in
          </Title>
          <Text c="dimmed" mt={4}>
            {copy.signInIntro}
          </Text>
        </div>
        <SignInForm who="patient" onSignedIn={(m) => navigate(homeOf(m), { replace: true })} />
        <Text size="sm">{copy.firstTime}</Text>
        <Divider />
        <Text size="sm">
          Clinic staff?{" "}
          <Anchor component={Link} to="/sign-in">
            Staff sign-in
          </Anchor>
        </Text>
      </Stack>
    </AuthLayout>
  );
}

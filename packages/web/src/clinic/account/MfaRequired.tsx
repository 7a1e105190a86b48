/**
 * What a staff member sees when their role (administrators) or their clinic requires two-step
 * sign-in and they have not set it up: nothing else until they do (the server refuses the rest).
 */
import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useNavigate } from "react-router";
import { useSignOut } from "../../api/queries";
import { AuthLayout } from "../../components/AuthLayout";
import type { StaffMe } from "../../components/Guards";
import { usePageTitle } from "../../components/usePageTitle";
import { MfaSetup } from "./MfaSetup";

export function MfaRequired({ me }: { me: StaffMe }) {
  usePageTitle("Set up two-step sign-in");
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <AuthLayout>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            Set up two-step sign-in
          </Title>
          <Text mt={6}>
            {me.role === "admin"
              ? "Administrators sign in with a password and a code from an app on their phone."
              : `${me.clinic.name} asks every staff member to sign in with a password and a code from an app on their phone.`}{" "}
            Set it up now to continue.
          </Text>
        </div>
        <MfaSetup />
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() =>
            signOut.mutate(undefined, { onSettled: () => navigate("/sign-in", { replace: true }) })
          }
        >
          Sign out
        </Anchor>
      </Stack>
    </AuthLayout>
  );
}

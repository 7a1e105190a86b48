/** The portal frame: phone-first single column, the clinic's name, the language switch and sign out. */
import { Box, Button, Container, Group, Text } from "@mantine/core";
import { IconLogout } from "@tabler/icons-react";
import { Link, Outlet, useNavigate } from "react-router";
import { useSignOut } from "../api/queries";
import { Brand } from "../components/Brand";
import { type PatientMe, RequirePatient } from "../components/Guards";
import { SkipLink } from "../components/SkipLink";
import { LanguageSwitch, useCopy } from "./language";

function Frame({ me }: { me: PatientMe }) {
  const t = useCopy();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)">
      <SkipLink />
      <Box
        component="header"
        bg="var(--mantine-color-body)"
        style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
      >
        <Container size={640} px="sm" py={10}>
          <Group justify="space-between" wrap="nowrap">
            <Link to="/portal" aria-label={`Evident: ${t.portalHome}`} style={{ textDecoration: "none" }}>
              <Brand size="md" />
            </Link>
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={() =>
                signOut.mutate(undefined, { onSettled: () => navigate("/portal/sign-in", { replace: true }) })
              }
            >
              {t.signOut}
            </Button>
          </Group>
          <Group justify="space-between" mt={4} wrap="nowrap" gap="xs">
            <Text size="xs" c="dimmed">
              {me.clinic.name}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Text component={Link} to="/portal/password" size="xs" c="blue">
                {t.myPassword}
              </Text>
              <LanguageSwitch />
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size={640} px="sm" py="md" component="main" id="main" tabIndex={-1}>
        <Outlet context={me} />
      </Container>
    </Box>
  );
}

export function PortalLayout() {
  return <RequirePatient>{(me) => <Frame me={me} />}</RequirePatient>;
}

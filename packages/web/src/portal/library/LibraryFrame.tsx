/**
 * The library's frame: readable by anyone, signed in or not (nothing in it is about a patient),
 * so a patient can send a page to family and an intake result can link to it. Signed in, the
 * brand leads back to the portal; otherwise to the portal's sign-in. It never asks the server who
 * is signed in; it uses what the portal has already loaded. One route and one chunk hold the
 * index and every page (`/portal/library/:topic?`), which keeps the portal's router small.
 */
import { Anchor, Box, Container, Group } from "@mantine/core";
import { Link, useParams } from "react-router";
import { Brand } from "../../components/Brand";
import { SkipLink } from "../../components/SkipLink";
import { LanguageSwitch } from "../language";
import { useLibraryCopy } from "./copy";
import { LibraryIndexPage } from "./LibraryIndexPage";
import { LibraryTopicPage } from "./LibraryTopicPage";
import { useLibraryReader } from "./reader";

export function LibraryFrame() {
  const t = useLibraryCopy();
  const me = useLibraryReader();
  const patient = me?.kind === "patient";
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)">
      <SkipLink />
      <Box
        component="header"
        bg="var(--mantine-color-body)"
        style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
      >
        <Container size={720} px="sm" py={10}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Link
              to={patient ? "/portal" : "/portal/sign-in"}
              aria-label={`Evident: ${patient ? t.yourPortal : t.signIn}`}
              style={{ textDecoration: "none" }}
            >
              <Brand size="md" />
            </Link>
            <Group gap="sm" wrap="nowrap">
              <Anchor component={Link} to={patient ? "/portal" : "/portal/sign-in"} size="sm">
                {patient ? t.yourPortal : t.signIn}
              </Anchor>
              <LanguageSwitch />
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size={720} px="sm" py="md" component="main" id="main" tabIndex={-1}>
        {useParams().topic ? <LibraryTopicPage /> : <LibraryIndexPage />}
      </Container>
    </Box>
  );
}

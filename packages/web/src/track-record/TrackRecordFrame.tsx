/**
 * The public track-record pages, readable by anyone without signing in: one clinic's page
 * (`/clinics/:slug/track-record`) and the list of clinics that have published one (`/clinics`).
 * One route chunk holds both. Like the library, it speaks the reader's chosen language and never
 * asks the server who is signed in.
 */
import { Anchor, Box, Container, Group, List, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { isApiError } from "../api/client";
import { usePublicTrackRecord, usePublishedTrackRecords } from "../api/track-record";
import { Brand } from "../components/Brand";
import { LoadError, Loading } from "../components/QueryStates";
import { SkipLink } from "../components/SkipLink";
import { usePageTitle } from "../components/usePageTitle";
import { LanguageSwitch, useLanguage } from "../portal/language";
import { TrackRecordView, useTrackRecordCopy } from "./TrackRecordView";

function ClinicTrackRecord({ slug }: { slug: string }) {
  const { lang } = useLanguage();
  const t = useTrackRecordCopy(lang);
  const record = usePublicTrackRecord(slug);
  usePageTitle(record.data ? t.title(record.data.clinic.name) : t.listTitle);
  if (record.isPending) return <Loading />;
  if (record.isError)
    return isApiError(record.error) && record.error.status === 404 ? (
      <Stack>
        <Title order={1} size="h2">
          {t.notFound}
        </Title>
        <Anchor component={Link} to="/clinics">
          {t.allRecords}
        </Anchor>
      </Stack>
    ) : (
      <LoadError error={record.error} retry={() => void record.refetch()} what="track record" />
    );
  return (
    <Stack gap="md" component="article">
      <Title order={1} size="h2">
        {t.title(record.data.clinic.name)}
      </Title>
      <TrackRecordView record={record.data} lang={lang} />
      <Group gap="md">
        <Anchor component={Link} to="/portal/library/judging-a-clinic">
          {t.library}
        </Anchor>
        <Anchor component={Link} to="/clinics">
          {t.allRecords}
        </Anchor>
      </Group>
    </Stack>
  );
}

function PublishedList() {
  const { lang } = useLanguage();
  const t = useTrackRecordCopy(lang);
  usePageTitle(t.listTitle);
  const list = usePublishedTrackRecords();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t.listTitle}
      </Title>
      <Text>{t.listIntro}</Text>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} what="track records" />
      ) : list.data.clinics.length === 0 ? (
        <Text>{t.listEmpty}</Text>
      ) : (
        <List spacing={4}>
          {list.data.clinics.map((c) => (
            <List.Item key={c.slug}>
              <Anchor component={Link} to={`/clinics/${c.slug}/track-record`}>
                {c.name}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
      <Anchor component={Link} to="/portal/library/judging-a-clinic">
        {t.library}
      </Anchor>
    </Stack>
  );
}

/** `/clinics/{slug}/track-record`: the slug; `/clinics`: none (the list); anything else: not found. */
export function slugOf(rest: string): string | null | undefined {
  if (rest === "" || rest === "/") return null;
  const m = /^([^/]+)\/track-record\/?$/.exec(rest);
  return m ? m[1] : undefined;
}

export function TrackRecordFrame() {
  const slug = slugOf(useParams()["*"] ?? "");
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)">
      <SkipLink />
      <Box
        component="header"
        bg="var(--mantine-color-body)"
        style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
      >
        <Container size={880} px="sm" py={10}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Link to="/clinics" aria-label="Evident" style={{ textDecoration: "none" }}>
              <Brand size="md" />
            </Link>
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Container size={880} px="sm" py="md" component="main" id="main" tabIndex={-1}>
        {slug === null ? <PublishedList /> : <ClinicTrackRecord slug={slug ?? ""} />}
      </Container>
    </Box>
  );
}

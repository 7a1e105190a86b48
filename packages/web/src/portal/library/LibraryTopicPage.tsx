/**
 * One library page: its sections, each paragraph with its certainty label and numbered sources,
 * the sources listed in full at the end, and the page's version and review date. The emergency
 * number is the clinic's when a patient is signed in, else the words "your emergency number".
 */
import { withEmergencyNumber } from "@evident/domain";
import { findLibraryTopic, libraryTopics, localizedTopic } from "@evident/domain/library";
import { Anchor, Card, List, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { CitedParagraph, SourceList } from "../../components/cited";
import { formatLongDate } from "../../components/format";
import { usePageTitle } from "../../components/usePageTitle";
import { useLanguage } from "../language";
import { useLibraryCopy } from "./copy";
import { useLibraryReader } from "./reader";

export function LibraryTopicPage() {
  const t = useLibraryCopy();
  const { lang } = useLanguage();
  const me = useLibraryReader();
  const page = findLibraryTopic(useParams().topic ?? "", lang);
  usePageTitle(page?.title ?? t.notFound);
  if (!page)
    return (
      <Stack>
        <Title order={1} size="h2">
          {t.notFound}
        </Title>
        <Anchor component={Link} to="/portal/library">
          {t.allTopics}
        </Anchor>
      </Stack>
    );
  const number = me?.clinic.emergencyNumber ?? t.emergencyNumber;
  const words = (text: string) => withEmergencyNumber(text, number);
  // Sources are numbered in the order the page first cites them.
  const keys = [...new Set(page.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sources)))];
  const others = libraryTopics.filter((x) => x.id !== page.id).map((x) => localizedTopic(x, lang));
  return (
    <Stack gap="lg" component="article">
      <div>
        <Anchor component={Link} to="/portal/library" size="sm">
          {t.allTopics}
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          {page.title}
        </Title>
        <Text mt={4}>{page.summary}</Text>
        <Text size="sm" c="dimmed" mt={4}>
          {t.certaintyHelp}
        </Text>
      </div>
      {page.sections.map((s, i) => (
        <Card
          key={s.heading}
          withBorder
          radius="md"
          padding="md"
          component="section"
          aria-labelledby={`s${i}`}
          // Where to go now stands out, as on the intake's emergency screen.
          style={
            s.triage?.tier === "emergency"
              ? { borderColor: "var(--mantine-color-red-8)", borderWidth: 2 }
              : undefined
          }
        >
          <Title order={2} size="h4" id={`s${i}`} mb="xs">
            {words(s.heading)}
          </Title>
          <Stack gap="sm">
            {s.paragraphs.map((p) => (
              <CitedParagraph
                key={p.text}
                certainty={p.certainty}
                sources={p.sources}
                keys={keys}
                lang={lang}
                sourcesLabel={t.sources}
              >
                {words(p.text)}
              </CitedParagraph>
            ))}
          </Stack>
        </Card>
      ))}
      {page.id === "judging-a-clinic" && (
        <Anchor component={Link} to="/clinics">
          {t.trackRecords}
        </Anchor>
      )}
      <section aria-labelledby="sources-h">
        <Title order={2} size="h4" id="sources-h" mb="xs">
          {t.sources}
        </Title>
        <SourceList keys={keys} />
        <Text size="xs" c="dimmed" mt="sm">
          {t.version(page.version, formatLongDate(page.reviewedOn, lang))}
        </Text>
      </section>
      <nav aria-labelledby="more-h">
        <Title order={2} size="h5" id="more-h" mb={4}>
          {t.allTopics}
        </Title>
        <List size="sm" spacing={4}>
          {others.map((o) => (
            <List.Item key={o.id}>
              <Anchor component={Link} to={`/portal/library/${o.id}`}>
                {o.title}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </nav>
    </Stack>
  );
}

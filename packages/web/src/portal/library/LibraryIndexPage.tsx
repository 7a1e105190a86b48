/** The library's index: every page with its summary, in the reader's language. */
import { libraryTopics, localizedTopic } from "@evident/domain/library";
import { Card, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { usePageTitle } from "../../components/usePageTitle";
import { useLanguage } from "../language";
import { useLibraryCopy } from "./copy";

export function LibraryIndexPage() {
  const t = useLibraryCopy();
  const { lang } = useLanguage();
  usePageTitle(t.title);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t.title}
        </Title>
        <Text mt={4}>{t.intro}</Text>
      </div>
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {libraryTopics.map((topic) => {
          const page = localizedTopic(topic, lang);
          return (
            <Card key={page.id} component="li" withBorder radius="md" padding="md">
              <Title order={2} size="h4">
                <Text component={Link} to={`/portal/library/${page.id}`} inherit c="blue.8" td="underline">
                  {page.title}
                </Text>
              </Title>
              <Text size="sm" mt={4}>
                {page.summary}
              </Text>
            </Card>
          );
        })}
      </Stack>
    </Stack>
  );
}

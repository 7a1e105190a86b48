/**
 * Statements shown with where they come from: a paragraph with its certainty label and the
 * numbers of its sources (links to the list below it), and that numbered list of sources in full.
 * The library's pages and a clinic's public track record use both.
 */
import { citations } from "@evident/domain";
import { type LibraryCertainty, libraryCertaintyLabels } from "@evident/domain/library";
import { Anchor, Badge, Group, List, Text } from "@mantine/core";
import type { ReactNode } from "react";

const tones: Record<LibraryCertainty, string> = {
  official: "blue",
  high: "green",
  moderate: "teal",
  low: "yellow",
  "very low": "orange",
  "not-rated": "gray",
};

/** A statement, its certainty and its sources' numbers in `keys` (the order of the list below). */
export function CitedParagraph(props: {
  children: ReactNode;
  certainty: LibraryCertainty;
  sources: readonly string[];
  keys: readonly string[];
  lang: "en" | "es";
  sourcesLabel: string;
}) {
  return (
    <div>
      <Text>{props.children}</Text>
      <Group gap={6} mt={4}>
        <Badge variant="light" color={tones[props.certainty]} radius="sm" tt="none">
          {libraryCertaintyLabels[props.lang][props.certainty]}
        </Badge>
        <Text size="xs" c="dimmed">
          {props.sourcesLabel}:{" "}
          {props.sources.map((k, j) => (
            <span key={k}>
              {j > 0 && ", "}
              <Anchor href={`#source-${k}`} size="xs">
                [{props.keys.indexOf(k) + 1}]
              </Anchor>
            </span>
          ))}
        </Text>
      </Group>
    </div>
  );
}

/** The sources in full, numbered in the order of `keys`, each the target of its number's link. */
export function SourceList({ keys }: { keys: readonly string[] }) {
  return (
    <List type="ordered" size="sm" spacing={4}>
      {keys.map((k) => {
        const c = (citations as Record<string, { text: string; url?: string; doi?: string }>)[k];
        if (!c) return null;
        const href = c.url ?? (c.doi ? `https://doi.org/${c.doi}` : undefined);
        return (
          <List.Item key={k} id={`source-${k}`} lang="en">
            {c.text}{" "}
            {href && (
              <Anchor href={href} size="sm" style={{ overflowWrap: "anywhere" }}>
                {href}
              </Anchor>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}

/**
 * "Showing 26–50 of 172" and the page buttons under a long list, the same on every list that
 * pages (patients, follow-ups, messages). Pages count from 1.
 */
import { Group, Pagination, Text } from "@mantine/core";

export function ListPager({
  label,
  page,
  pageSize,
  total,
  offset,
  shown,
  onPage,
}: {
  /** Names the page buttons' navigation, e.g. "Patient list pages". */
  label: string;
  page: number;
  pageSize: number;
  total: number;
  /** The rows shown: where they start in the whole list (0-based) and how many. Given apart from
   * `page`, so a page still showing the previous rows while the next load is labelled by them. */
  offset: number;
  shown: number;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        Showing {offset + 1}–{offset + shown} of {total}
      </Text>
      {pages > 1 && (
        <nav aria-label={label}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPage}
            size="sm"
            siblings={1}
            boundaries={1}
            getControlProps={(control) => ({
              "aria-label": control === "previous" ? "Previous page" : "Next page",
            })}
            getItemProps={(p) => ({ "aria-label": `Page ${p}` })}
          />
        </nav>
      )}
    </Group>
  );
}

/** Scrolls the app's main region back to the top after a page change. */
export const toTop = (): void => {
  document.getElementById("main")?.scrollTo?.({ top: 0 });
  window.scrollTo({ top: 0 });
};

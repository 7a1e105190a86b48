/** Open sessions (own, or the clinic's staff for an admin), each with an "End" button. */
import type { SessionList } from "@evident/domain/api";
import { Badge, Button, Table, Text, VisuallyHidden } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { LoadError, Loading } from "../../components/QueryStates";

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });

/** "Chrome on Linux" from a user-agent string, good enough to recognise one's own browser. */
export function browserOf(ua: string | null): string {
  if (!ua) return "Unknown browser";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : "Browser";
  const os = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : "";
  return os ? `${browser} on ${os}` : browser;
}

export function SessionTable({
  query,
  onEnd,
  ending,
  showName,
}: {
  query: UseQueryResult<SessionList>;
  onEnd: (id: string) => void;
  ending: boolean;
  showName: boolean;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} retry={() => query.refetch()} what="sessions" />;
  if (query.data.items.length === 0) return <Text c="dimmed">No open sessions.</Text>;
  return (
    // Focusable and named: with only this session listed there is no button inside, and a phone
    // still has to scroll it from the keyboard (axe's scrollable-region-focusable).
    <Table.ScrollContainer
      minWidth={560}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: "region", "aria-label": "Open sessions" } }}
    >
      <Table verticalSpacing="xs" aria-label="Open sessions">
        <Table.Thead>
          <Table.Tr>
            {showName && <Table.Th>Who</Table.Th>}
            <Table.Th>Browser</Table.Th>
            <Table.Th>Address</Table.Th>
            <Table.Th>Signed in</Table.Th>
            <Table.Th>Last active</Table.Th>
            <Table.Th>
              <VisuallyHidden>Action</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.items.map((s) => (
            <Table.Tr key={s.id}>
              {showName && <Table.Td>{s.name}</Table.Td>}
              <Table.Td>
                {browserOf(s.userAgent)}{" "}
                {s.current && (
                  <Badge size="sm" variant="light">
                    This session
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{s.ip ?? "—"}</Table.Td>
              <Table.Td>{when(s.createdAt)}</Table.Td>
              <Table.Td>{when(s.lastSeenAt)}</Table.Td>
              <Table.Td>
                {!s.current && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={ending}
                    onClick={() => onEnd(s.id)}
                    aria-label={`End session${showName ? ` of ${s.name}` : ""} in ${browserOf(s.userAgent)}`}
                  >
                    End
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

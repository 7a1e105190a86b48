/**
 * The clinic's outbox: every message queued or sent. Without an e-mail server messages wait
 * here unsent, so staff can open an invitation and hand its link to the patient themselves.
 */
import {
  Alert,
  Anchor,
  Badge,
  Card,
  EmptyState,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { IconInfoCircle, IconMail } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useOutbox } from "../api/outbox";
import type { OutboxItem } from "../api/queries";
import { AppModal } from "../components/AppModal";
import { formatDateTime } from "../components/format";
import { ListPager, toTop } from "../components/ListPager";
import { PageHeader } from "../components/PageHeader";
import { LoadError, Loading } from "../components/QueryStates";
import { usePageTitle } from "../components/usePageTitle";
import { kindLabel, readableBody, statusLook } from "./outbox";

function Status({ item, smtp }: { item: OutboxItem; smtp: boolean }) {
  const { color, label } = statusLook(item, smtp);
  return <Badge color={color}>{label}</Badge>;
}

/** "Not sent: the patient answered…" under a "Not sent" title: "The patient answered…". */
function withoutNotSent(reason: string): string {
  const rest = reason.replace(/^Not sent: /, "");
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Why a withdrawn message was not sent, beside its status. */
function WithdrawnReason({ item }: { item: OutboxItem }) {
  if (item.status !== "withdrawn" || !item.withdrawnReason) return null;
  return (
    <Text size="xs" c="dimmed" mt={4}>
      {item.withdrawnReason}
    </Text>
  );
}

function MessageModal({
  item,
  smtp,
  onClose,
}: {
  item: OutboxItem | null;
  smtp: boolean;
  onClose: () => void;
}) {
  const body = item ? readableBody(item.body) : null;
  return (
    <AppModal opened={item !== null} onClose={onClose} title={item?.subject ?? "Message"} size="lg">
      {item && (
        <Stack gap="md">
          <Group gap="xs">
            <Status item={item} smtp={smtp} />
            <Text size="sm">To {item.to}</Text>
          </Group>
          <Text size="sm" c="dimmed">
            {kindLabel(item.kind)} · created {formatDateTime(item.createdAt)}
            {item.sentAt ? ` · sent ${formatDateTime(item.sentAt)}` : ""}
            {item.withdrawnAt ? ` · withdrawn ${formatDateTime(item.withdrawnAt)}` : ""}
            {item.attempts > 0 ? ` · ${item.attempts} attempt${item.attempts === 1 ? "" : "s"}` : ""}
          </Text>
          {item.status === "withdrawn" && item.withdrawnReason && (
            <Alert color="gray" title="Not sent">
              {withoutNotSent(item.withdrawnReason)}
            </Alert>
          )}
          {item.lastError && (
            <Alert color="red" title="Last error">
              {item.lastError}
            </Alert>
          )}
          {body?.privateLink && (
            <Alert color="blue" title="The sign-in link is in the e-mail only">
              The link in this message is made when it is sent and goes only to the patient's e-mail address;
              no one at the clinic can see or copy it. If it did not arrive or has expired, send a new
              invitation from the patient's record.
            </Alert>
          )}
          <Paper withBorder p="sm">
            <Text
              size="sm"
              style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
              aria-label="Message text"
            >
              {body?.text}
            </Text>
          </Paper>
          {item.patientId && (
            <Anchor component={Link} to={`/patients/${item.patientId}`} size="sm" onClick={onClose}>
              Open the patient's record
            </Anchor>
          )}
        </Stack>
      )}
    </AppModal>
  );
}

/** Messages per page. */
const PAGE_SIZE = 50;

export function MessagesPage() {
  usePageTitle("Messages");
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get("page")) || 1);
  const outbox = useOutbox(PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const [openId, setOpenId] = useState<string | null>(null);
  const items = outbox.data?.items ?? [];
  const smtp = outbox.data?.smtpConfigured ?? false;
  const opened = items.find((m) => m.id === openId) ?? null;
  const openButton = (m: OutboxItem) => (
    <UnstyledButton onClick={() => setOpenId(m.id)} style={{ textAlign: "left" }}>
      <Text span fw={600} c="var(--mantine-color-anchor)" td="underline" size="sm">
        {m.subject}
      </Text>
    </UnstyledButton>
  );

  return (
    <>
      <PageHeader
        title="Messages"
        description="E-mails the clinic has sent or is waiting to send, newest first."
      />
      {outbox.isPending ? (
        <Loading label="Loading messages…" />
      ) : outbox.isError ? (
        <LoadError error={outbox.error} retry={() => outbox.refetch()} what="messages" />
      ) : (
        <Stack gap="md">
          {!smtp && (
            <Alert color="yellow" icon={<IconInfoCircle aria-hidden />} title="E-mail is not set up">
              Messages wait here and are not sent. Sign-in links (portal invitations, password resets) exist
              only in the e-mail, so patients cannot be invited until an e-mail server is set up.
            </Alert>
          )}
          <Paper withBorder radius="md" p={{ base: "sm", sm: "md" }}>
            {items.length === 0 ? (
              <EmptyState
                icon={<IconMail aria-hidden />}
                title="No messages yet"
                description="Portal invitations appear here when you add a patient with an e-mail address."
                py="xl"
              />
            ) : (
              <>
                <Table.ScrollContainer minWidth={720} visibleFrom="sm">
                  <Table highlightOnHover aria-label="Messages">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Subject</Table.Th>
                        <Table.Th scope="col">To</Table.Th>
                        <Table.Th scope="col">Status</Table.Th>
                        <Table.Th scope="col">Created</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((m) => (
                        <Table.Tr key={m.id}>
                          <Table.Td>
                            {openButton(m)}
                            <Text size="xs" c="dimmed">
                              {kindLabel(m.kind)}
                            </Text>
                          </Table.Td>
                          <Table.Td>{m.to}</Table.Td>
                          <Table.Td>
                            <Status item={m} smtp={smtp} />
                            <WithdrawnReason item={m} />
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(m.createdAt)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Stack gap="xs" hiddenFrom="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
                  {items.map((m) => (
                    <Card key={m.id} component="li" withBorder padding="sm">
                      <Stack gap={4}>
                        {openButton(m)}
                        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                          To {m.to}
                        </Text>
                        <Group justify="space-between">
                          <Status item={m} smtp={smtp} />
                          <Text size="xs" c="dimmed">
                            {formatDateTime(m.createdAt)}
                          </Text>
                        </Group>
                        <WithdrawnReason item={m} />
                      </Stack>
                    </Card>
                  ))}
                </Stack>
                <ListPager
                  label="Message list pages"
                  page={page}
                  pageSize={PAGE_SIZE}
                  total={outbox.data?.total ?? 0}
                  offset={outbox.data?.offset ?? 0}
                  shown={items.length}
                  onPage={(p) => {
                    setParams(p > 1 ? { page: String(p) } : {});
                    toTop();
                  }}
                />
              </>
            )}
          </Paper>
        </Stack>
      )}
      <MessageModal item={opened} smtp={smtp} onClose={() => setOpenId(null)} />
    </>
  );
}

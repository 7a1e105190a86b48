/**
 * The patient's consent forms: each of the clinic's current documents with what the patient did
 * about it (signed, on which day, or taken back), a link to read and sign it, and taking back a
 * consent. Taking back research consent says what follows: the patient's data leave shared
 * results and research files, and care goes on.
 */
import type { ConsentDocumentView, ConsentView } from "@evident/domain/api";
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconInfoCircle } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { usePortalConsents, useWithdrawConsent } from "../api/consent";
import { AppModal } from "../components/AppModal";
import { FormAlert } from "../components/FormAlert";
import { formatLongDate } from "../components/format";
import { LoadError, Loading } from "../components/QueryStates";
import { formErrors } from "../components/serverErrors";
import { usePageTitle } from "../components/usePageTitle";
import { useConsentCopy } from "./consent-copy";
import { useLanguage } from "./language";

/** The address of a document's page: its kind for a procedure consent, else its purpose. */
export const consentPath = (d: { purpose: string; treatmentKind: string | null }) =>
  `/portal/consent/${d.treatmentKind ?? d.purpose}`;

/** The patient's latest consent to this document (any version, any language). */
const latestFor = (d: ConsentDocumentView, consents: readonly ConsentView[]) =>
  consents.filter((c) => c.purpose === d.purpose && c.treatmentKind === d.treatmentKind).at(-1);

export function ConsentPage() {
  const t = useConsentCopy();
  const { lang } = useLanguage();
  usePageTitle(t.title);
  const q = usePortalConsents(lang);
  const withdraw = useWithdrawConsent();
  const [asking, setAsking] = useState<ConsentView | null>(null);
  const [done, setDone] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const signedNow = (useLocation().state as { signed?: boolean } | null)?.signed === true;
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} retry={() => q.refetch()} what={t.title} />;
  const { documents, consents, researchWithdrawn } = q.data;

  const confirmWithdraw = () => {
    if (!asking) return;
    withdraw.mutate(asking.id, {
      onSuccess: () => {
        setAsking(null);
        setDone(true);
        setErrors([]);
      },
      onError: (e) => setErrors(formErrors(e, []).general),
    });
  };

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/portal" size="sm">
          {t.backHome}
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          {t.title}
        </Title>
        <Text c="dimmed" mt={4}>
          {t.intro}
        </Text>
      </div>
      {signedNow && !done && (
        <Alert color="green" icon={<IconCheck aria-hidden />} role="status">
          {t.signedNow}
        </Alert>
      )}
      {done && (
        <Alert color="green" icon={<IconCheck aria-hidden />} role="status">
          {t.withdrawn}
        </Alert>
      )}
      {researchWithdrawn && (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
          {t.researchOut}
        </Alert>
      )}
      {documents.length === 0 && <Text>{t.none}</Text>}
      {documents.map((d) => {
        const c = latestFor(d, consents);
        const active = c && c.withdrawnAt === null;
        return (
          <Card
            key={d.id}
            withBorder
            radius="lg"
            padding="md"
            component="section"
            aria-labelledby={`doc-${d.id}`}
          >
            <Stack gap="xs">
              <Title order={2} size="h4" id={`doc-${d.id}`}>
                {d.title}
              </Title>
              <Group gap="xs">
                {!c && (
                  <Badge variant="light" color="gray">
                    {t.notSigned}
                  </Badge>
                )}
                {active && (
                  <Badge variant="light" color="green">
                    {t.signed(formatLongDate(c.signedOn, lang))}
                  </Badge>
                )}
                {c?.withdrawnAt && (
                  <Badge variant="light" color="orange">
                    {t.withdrawnOn(formatLongDate(c.withdrawnAt, lang))}
                  </Badge>
                )}
              </Group>
              {active && !c.current && <Text size="sm">{t.oldVersion}</Text>}
              <Group gap="sm">
                <Button
                  component={Link}
                  to={consentPath(d)}
                  variant={active && c.current ? "default" : "filled"}
                >
                  {active && c.current ? t.readAgain : t.read}
                </Button>
                {active && (
                  <Button variant="subtle" color="red" onClick={() => setAsking(c)}>
                    {t.withdraw}
                  </Button>
                )}
              </Group>
            </Stack>
          </Card>
        );
      })}
      <AppModal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={t.withdrawTitle}
        fullScreenBelow="0em"
      >
        <Stack>
          <Text>
            {asking?.purpose === "research"
              ? t.withdrawResearch
              : asking?.purpose === "story"
                ? t.withdrawStory
                : t.withdrawProcedure}
          </Text>
          <FormAlert messages={errors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t.cancel}
            </Button>
            <Button color="red" onClick={confirmWithdraw} loading={withdraw.isPending}>
              {t.withdrawConfirm}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}

/**
 * One consent document, read and signed: its sections with the sources and certainty of every
 * claim about evidence; for a procedure consent, the teach-back first (TeachBack); then the typed
 * name and the confirmation. The signature keeps the document's id, version, hash and language.
 */
import { type CitationKey, citations } from "@evident/domain";
import type { ConsentDocumentView } from "@evident/domain/api";
import { Anchor, Button, Card, Checkbox, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { usePortalConsents, useSignConsent } from "../api/consent";
import { FormAlert } from "../components/FormAlert";
import { LoadError, Loading } from "../components/QueryStates";
import { formErrors } from "../components/serverErrors";
import { usePageTitle } from "../components/usePageTitle";
import { consentPath } from "./ConsentPage";
import { useConsentCopy } from "./consent-copy";
import { useLanguage } from "./language";
import { TeachBack } from "./TeachBack";

const certaintyWords = {
  en: { high: "high", moderate: "moderate", low: "low", "very low": "very low" },
  es: { high: "alta", moderate: "moderada", low: "baja", "very low": "muy baja" },
} as const;

function Document({ d }: { d: ConsentDocumentView }) {
  const t = useConsentCopy();
  return (
    <Card withBorder radius="lg" padding="md" component="article" aria-labelledby="doc-title">
      <Stack gap="md">
        <Title order={1} size="h2" id="doc-title">
          {d.title}
        </Title>
        {d.sections.map((s) => (
          <Stack key={s.id} gap={4} component="section" aria-labelledby={`s-${s.id}`}>
            <Title order={2} size="h4" id={`s-${s.id}`}>
              {s.heading}
            </Title>
            <Text>{s.text}</Text>
            {s.certainty && (
              <Text size="sm" fw={600}>
                {t.certainty}: {certaintyWords[d.language][s.certainty]}
              </Text>
            )}
            {s.sources.length > 0 && (
              <Text size="xs" c="dimmed">
                {t.sources}: {s.sources.map((k) => citations[k as CitationKey]?.text ?? k).join(" · ")}
              </Text>
            )}
          </Stack>
        ))}
        <Text size="xs" c="dimmed">
          {t.hashLine(d.sha256)} · v{d.version}
        </Text>
      </Stack>
    </Card>
  );
}

export function ConsentSignPage() {
  const t = useConsentCopy();
  const { lang } = useLanguage();
  const { which = "" } = useParams();
  const navigate = useNavigate();
  const q = usePortalConsents(lang);
  const sign = useSignConsent();
  const [passed, setPassed] = useState<{ answers: Record<string, string>; rounds: number } | null>(null);
  const [typedName, setTypedName] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const d = q.data?.documents.find((x) => consentPath(x) === `/portal/consent/${which}`);
  usePageTitle(d?.title ?? t.title);
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadError error={q.error} retry={() => q.refetch()} what={t.title} />;
  if (!d)
    return (
      <Stack>
        <Anchor component={Link} to="/portal/consent" size="sm">
          {t.backToForms}
        </Anchor>
        <Text>{t.none}</Text>
      </Stack>
    );
  const needsCheck = d.purpose === "procedure";
  const canSign = !needsCheck || passed !== null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!typedName.trim()) found.typedName = t.typedName;
    if (!confirmed) found.confirmed = t.confirm;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    sign.mutate(
      {
        documentId: d.id,
        typedName,
        confirmed: true,
        ...(passed ? { answers: passed.answers, teachBackRounds: passed.rounds } : {}),
      },
      {
        onSuccess: () => navigate("/portal/consent", { state: { signed: true } }),
        onError: (err) => {
          const r = formErrors(err, ["typedName", "confirmed"]);
          setErrors(r.fields);
          setGeneral(r.general);
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/portal/consent" size="sm">
        {t.backToForms}
      </Anchor>
      <Document d={d} />
      {needsCheck && d.treatmentKind && (
        <TeachBack
          kind={d.treatmentKind}
          lang={d.language}
          onPassed={(answers, rounds) => setPassed({ answers, rounds })}
        />
      )}
      {canSign && (
        <Card withBorder radius="lg" padding="md" component="section" aria-labelledby="sign-h">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Title order={2} size="h3" id="sign-h">
                {t.signTitle}
              </Title>
              <Text>{d.confirmation}</Text>
              <TextInput
                label={t.typedName}
                description={t.typedNameHint}
                value={typedName}
                onChange={(e) => setTypedName(e.currentTarget.value)}
                error={errors.typedName}
                autoComplete="name"
                required
              />
              <Checkbox
                label={t.confirm}
                checked={confirmed}
                onChange={(e) => setConfirmed(e.currentTarget.checked)}
                error={errors.confirmed}
              />
              <FormAlert messages={general} title={t.notSaved} />
              <Button type="submit" loading={sign.isPending} style={{ alignSelf: "flex-start" }}>
                {t.sign}
              </Button>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}

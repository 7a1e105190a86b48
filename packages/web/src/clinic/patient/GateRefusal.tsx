/**
 * A treatment gate that is not met (candidacy, consent), as the record-treatment form shows it:
 * why, the server's error if it refused, and — for a clinician who may — the override with its
 * reason, which is kept with the treatment, shown on the record and audited.
 */
import { Alert, Checkbox, Stack, Text, Textarea } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { IconShieldX } from "@tabler/icons-react";
import type { ReactNode } from "react";

export function GateRefusal({
  gate,
  field,
  message,
  error,
  mayOverride,
  override,
}: {
  /** "Candidacy", "Consent": the title says "<gate> gate: not met". */
  gate: string;
  /** The field the server names when it refuses (the alert's id is `field-<field>`). */
  field: string;
  message: string;
  error: ReactNode;
  mayOverride: boolean;
  override: {
    label: string;
    description: string;
    /** The checkbox's and the reason's form bindings (getInputProps). */
    checkbox: GetInputPropsReturnType;
    on: boolean;
    reasonLabel: string;
    reasonExample: string;
    reason: GetInputPropsReturnType;
  };
}) {
  return (
    <Alert
      color="red"
      icon={<IconShieldX aria-hidden />}
      title={`${gate} gate: not met`}
      id={`field-${field}`}
      role={error ? "alert" : undefined}
    >
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        {error && (
          <Text size="sm" fw={600}>
            {error}
          </Text>
        )}
        {mayOverride ? (
          <>
            <Checkbox label={override.label} description={override.description} {...override.checkbox} />
            {override.on && (
              <Textarea
                label={override.reasonLabel}
                description={override.reasonExample}
                required
                autosize
                minRows={2}
                maxLength={1000}
                {...override.reason}
              />
            )}
          </>
        ) : (
          <Text size="sm">Only a clinician who may sign off candidacy can override it.</Text>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * The procedure record's fields for the chosen treatment's category. Field names are the API's
 * paths ("procedure.tissue"), so a server error lands under the field it names.
 */
import { spinalLevels } from "@evident/domain";
import {
  harvestSiteLabels,
  imageGuidanceLabels,
  surgeryTypes,
  targetLabels,
  tissueForKind,
} from "@evident/domain/pathway/procedure";
import { additives, intendedFunctions, processingSteps, tissues } from "@evident/domain/regulatory";
import { Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { RegulatoryPanel } from "../../components/RegulatoryPanel";
import { type ProcedureValues, procedureBody, procedureCategory, proposedProduct } from "./procedureForm";

type Form = UseFormReturnType<{ kind: string; date: string; notes: string; procedure: ProcedureValues }>;

const words = (id: string) => {
  const s = id.replaceAll("-", " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
};
const choose = (values: readonly string[], label: (v: string) => string = words) => [
  { value: "", label: "Choose…", disabled: true },
  ...values.map((v) => ({ value: v, label: label(v) })),
];

export function ProcedureFields({ form }: { form: Form }) {
  const category = procedureCategory(form.values.kind);
  if (!category) return null;
  const field = (name: keyof ProcedureValues) => ({
    id: `field-procedure.${name}`,
    ...form.getInputProps(`procedure.${name}`),
  });
  const levels = (
    <Checkbox.Group
      label="Spinal levels"
      description={category === "surgery" ? "The levels operated on" : "The levels injected"}
      {...field("levels")}
    >
      <Group gap="md" mt={6}>
        {spinalLevels.map((l) => (
          <Checkbox key={l} value={l} label={l.replace("-", "–")} />
        ))}
      </Group>
    </Checkbox.Group>
  );
  const operator = (
    <TextInput
      label={category === "conservative" ? "Given by" : "Operator"}
      description="As written in the clinical record"
      required
      {...field("operator")}
    />
  );
  const injection = (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label="Target"
          required
          data={choose(Object.keys(targetLabels), (t) => targetLabels[t as keyof typeof targetLabels])}
          {...field("target")}
        />
        <NativeSelect
          label="Image guidance"
          required
          data={choose(
            Object.keys(imageGuidanceLabels),
            (g) => imageGuidanceLabels[g as keyof typeof imageGuidanceLabels],
          )}
          {...field("imageGuidance")}
        />
      </SimpleGrid>
      {levels}
    </Stack>
  );

  return (
    <Fieldset legend="What was done" variant="filled">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Optional. Once you start filling it in, the fields marked with an asterisk are needed.
        </Text>
        {category === "conservative" && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {operator}
            <TextInput
              label="Programme or medicine"
              description="e.g. graded activity"
              required
              {...field("programme")}
            />
            <TextInput
              label="Sessions (or doses) per week"
              inputMode="numeric"
              required
              {...field("sessionsPerWeek")}
            />
            <TextInput label="Weeks" inputMode="numeric" required {...field("weeks")} />
          </SimpleGrid>
        )}
        {category === "surgery" && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {operator}
              <NativeSelect
                label="Type of surgery"
                required
                data={choose(surgeryTypes)}
                {...field("surgeryType")}
              />
            </SimpleGrid>
            {levels}
          </>
        )}
        {category === "injection" && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {operator}
              <TextInput label="Medicine and dose" description="Optional" {...field("medication")} />
            </SimpleGrid>
            {injection}
          </>
        )}
        {category === "cell-therapy" && (
          <CellTherapyFields form={form} field={field} operator={operator} injection={injection} />
        )}
      </Stack>
    </Fieldset>
  );
}

function CellTherapyFields({
  form,
  field,
  operator,
  injection,
}: {
  form: Form;
  field: (name: keyof ProcedureValues) => Record<string, unknown>;
  operator: React.ReactNode;
  injection: React.ReactNode;
}) {
  const product = proposedProduct(procedureBody(form.values.kind, form.values.procedure));
  const values = form.values.procedure;
  const own = values.origin !== "allogeneic";
  const blood = values.tissue === "blood";
  const kindTissue = tissueForKind(form.values.kind);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {operator}
        <TextInput
          label="Consent form version"
          description="The version the patient signed"
          required
          {...field("consentVersion")}
        />
        <NativeSelect
          label="Tissue"
          description={kindTissue ? `For this treatment: ${words(kindTissue).toLowerCase()}` : undefined}
          required
          data={choose(tissues)}
          {...field("tissue")}
        />
        <NativeSelect
          label="Origin"
          description="Autologous: the patient's own. Allogeneic: from a donor"
          required
          data={choose(["autologous", "allogeneic"])}
          {...field("origin")}
        />
        {own && (
          <NativeSelect
            label="Harvest site"
            required
            data={choose(
              Object.keys(harvestSiteLabels),
              (s) => harvestSiteLabels[s as keyof typeof harvestSiteLabels],
            )}
            {...field("harvestSite")}
          />
        )}
        <NativeSelect
          label="Same day (harvested and injected in one procedure)"
          required
          data={choose(["yes", "no"])}
          {...field("sameDay")}
        />
        {own && (
          <TextInput
            label={blood ? "Volume of blood drawn (mL)" : "Volume harvested (mL)"}
            inputMode="decimal"
            required
            {...field("volumeHarvestedMl")}
          />
        )}
        <TextInput label="Volume injected (mL)" inputMode="decimal" required {...field("volumeInjectedMl")} />
        {blood ? (
          <TextInput
            label="Platelets (thousand per µL)"
            description="Optional: if the product was counted"
            inputMode="decimal"
            {...field("plateletsThousandPerUl")}
          />
        ) : (
          <TextInput
            label="Total nucleated cells (millions)"
            inputMode="decimal"
            required
            {...field("tncMillions")}
          />
        )}
        {!blood && (
          <TextInput
            label="CFU-F per million cells"
            description="Optional: if a laboratory measured it"
            inputMode="decimal"
            {...field("cfuFPerMillion")}
          />
        )}
        <TextInput
          label="Viability (%)"
          description="Optional"
          inputMode="decimal"
          {...field("viabilityPercent")}
        />
        <NativeSelect
          label="Intended purpose"
          required
          data={choose(intendedFunctions)}
          {...field("intendedFunction")}
        />
      </SimpleGrid>
      <Checkbox.Group label="Processing steps" description="Tick every step" {...field("processing")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing={6}>
          {processingSteps.map((s) => (
            <Checkbox key={s} value={s} label={words(s)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Checkbox.Group label="Additives" description="Leave empty for none" {...field("additives")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing={6}>
          {additives.map((a) => (
            <Checkbox key={a} value={a} label={words(a)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      {injection}
      <RegulatoryPanel product={product} headingOrder={3} collapsible />
    </Stack>
  );
}

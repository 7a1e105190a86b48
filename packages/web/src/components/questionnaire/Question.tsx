import type { InstrumentView } from "@evident/domain/api";
import type { AnswerValue } from "./answers";
import { ChoiceQuestion } from "./ChoiceQuestion";
import { NrsScale } from "./NrsScale";

/** Renders an item with the control its type calls for. */
export function Question({
  item,
  value,
  onChange,
  error,
  legend,
  hint,
}: {
  item: InstrumentView["items"][number];
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue) => void;
  error?: string | undefined;
  legend?: string;
  hint?: string;
}) {
  if (item.type === "integer") {
    return (
      <NrsScale
        item={item}
        value={typeof value === "number" ? value : undefined}
        onChange={onChange}
        error={error}
        legend={legend}
      />
    );
  }
  const options =
    item.type === "boolean" && !item.options
      ? [
          { value: true, label: "Yes" },
          { value: false, label: "No" },
        ]
      : item.options;
  return (
    <ChoiceQuestion
      item={{ ...item, options }}
      value={value}
      onChange={onChange}
      error={error}
      legend={legend}
      hint={hint}
    />
  );
}

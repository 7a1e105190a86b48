/** One question with its statements as large radio cards (e.g. an ODI section). */
import type { InstrumentView } from "@evident/domain/api";
import { useId } from "react";
import classes from "./Questions.module.css";

type Item = InstrumentView["items"][number];
/** An option's value: a questionnaire's numbers and yes/no, or a word such as "unsure". */
type Choice = number | boolean | string;

export function ChoiceQuestion<V extends Choice = number | boolean>({
  item,
  value,
  onChange,
  error,
  legend,
  hint,
  textLang,
  optionsLang,
}: {
  item: Omit<Item, "options"> & { options?: readonly { value: V; label: string }[] };
  value: V | undefined;
  onChange: (v: V) => void;
  error?: string | undefined;
  legend?: React.ReactNode;
  textLang?: string | undefined;
  /** The language of the option labels, when not the legend's (Yes/No are the page's words). */
  optionsLang?: string | undefined;
  hint?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <fieldset
      className={classes.fieldset}
      aria-describedby={[hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className={classes.legend} lang={textLang}>
        {legend ?? item.text}
      </legend>
      {hint && (
        <p
          id={hintId}
          style={{ margin: "0 0 var(--mantine-spacing-sm)", color: "var(--mantine-color-dimmed)" }}
        >
          {hint}
        </p>
      )}
      <div className={classes.options}>
        {(item.options ?? []).map((o) => (
          <label key={String(o.value)} className={classes.option}>
            <input
              type="radio"
              className={classes.hiddenInput}
              name={id}
              value={String(o.value)}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span className={classes.dot} aria-hidden="true" />
            <span lang={optionsLang}>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <div className={classes.error} id={errorId}>
          {error}
        </div>
      )}
    </fieldset>
  );
}

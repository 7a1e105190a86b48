/**
 * A 0–100 rating (the EQ VAS) as a slider with a number box beside it: both keyboard operable,
 * both changing the same answer. Until the person chooses, nothing on the slider suggests an
 * answer: no thumb, no coloured bar, no mark filled up to the middle (the slider's value rests at
 * 50 underneath, and a filled 0 and 50 looked like an answer of 50), a hollow grey thumb only
 * while it has the keyboard's focus, and "Not chosen yet" written under it and said to screen
 * readers; a click, a tap, an arrow key or a typed number sets it. The number box is a plain text field
 * that takes digits only and never more than the maximum (Mantine's NumberInput would bring a
 * number-formatting library into the portal's questionnaire for this one field).
 */
import type { InstrumentView } from "@evident/domain/api";
import { Slider, TextInput } from "@mantine/core";
import { useEffect, useId, useState } from "react";
import type { QuestionLabels } from "./answers";
import classes from "./Questions.module.css";

type Item = InstrumentView["items"][number];

export function VasScale({
  item,
  value,
  onChange,
  error,
  legend,
  labels,
  textLang,
}: {
  item: Item;
  value: number | undefined;
  onChange: (v: number) => void;
  error?: string | undefined;
  legend?: React.ReactNode;
  labels: QuestionLabels;
  textLang?: string | undefined;
}) {
  const id = useId();
  const min = item.min ?? 0;
  const max = item.max ?? 100;
  const errorId = `${id}-error`;
  const anchorsId = `${id}-anchors`;
  const chosen = value !== undefined;
  const [typed, setTyped] = useState(chosen ? String(value) : "");
  // The slider (or a draft) changed the answer: the box shows it.
  useEffect(() => {
    if (value !== undefined) setTyped((t) => (t === String(value) ? t : String(value)));
  }, [value]);
  return (
    <fieldset
      className={classes.fieldset}
      aria-describedby={[anchorsId, error ? errorId : ""].filter(Boolean).join(" ")}
      aria-invalid={error ? true : undefined}
    >
      <legend className={classes.legend} lang={textLang}>
        {legend ?? item.text}
      </legend>
      <div className={classes.vas} data-chosen={chosen || undefined}>
        <Slider
          min={min}
          max={max}
          step={1}
          value={value ?? Math.round((min + max) / 2)}
          onChange={onChange}
          thumbLabel={labels.vasSlider}
          thumbValueText={chosen ? undefined : labels.notChosen}
          label={null}
          size="lg"
          thumbSize={28}
          marks={[
            { value: min, label: String(min) },
            { value: Math.round((min + max) / 2), label: String(Math.round((min + max) / 2)) },
            { value: max, label: String(max) },
          ]}
          classNames={{ thumb: classes.vasThumb, bar: classes.vasBar, mark: classes.vasMark }}
        />
        {!chosen && (
          <div className={classes.vasNotChosen} lang={textLang}>
            {labels.notChosen}
          </div>
        )}
      </div>
      {item.anchors && (
        <div className={classes.anchors} id={anchorsId} lang={textLang}>
          <span>
            {min} = {item.anchors.min}
          </span>
          <span>
            {max} = {item.anchors.max}
          </span>
        </div>
      )}
      <TextInput
        mt="md"
        size="md"
        maw={220}
        label={labels.vasNumber}
        inputMode="numeric"
        autoComplete="off"
        value={typed}
        onChange={(e) => {
          const digits = e.currentTarget.value.replace(/\D/g, "").replace(/^0+(?=\d)/, "");
          const n = Number(digits);
          if (digits !== "" && n > max) return;
          setTyped(digits);
          if (digits !== "" && n >= min) onChange(n);
        }}
        error={error ? true : undefined}
      />
      {error && (
        <div className={classes.error} id={errorId}>
          {error}
        </div>
      )}
    </fieldset>
  );
}

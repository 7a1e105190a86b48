/**
 * A 0–10 numeric rating scale as eleven large tappable choices (native radios: arrow keys move
 * between numbers), with the instrument's anchors at both ends.
 */
import type { InstrumentView } from "@evident/domain/api";
import { useId } from "react";
import classes from "./Questions.module.css";

type Item = InstrumentView["items"][number];

export function NrsScale({
  item,
  value,
  onChange,
  error,
  legend,
  name,
  textLang,
}: {
  item: Item;
  value: number | undefined;
  onChange: (v: number) => void;
  error?: string | undefined;
  legend?: React.ReactNode;
  textLang?: string | undefined;
  name?: string;
}) {
  const id = useId();
  const min = item.min ?? 0;
  const max = item.max ?? 10;
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const errorId = `${id}-error`;
  const anchorsId = `${id}-anchors`;
  return (
    <fieldset
      className={classes.fieldset}
      aria-describedby={[anchorsId, error ? errorId : ""].filter(Boolean).join(" ")}
      aria-invalid={error ? true : undefined}
    >
      <legend className={classes.legend} lang={textLang}>
        {legend ?? item.text}
      </legend>
      <div className={classes.scale}>
        {values.map((v) => {
          const anchor = v === min ? item.anchors?.min : v === max ? item.anchors?.max : undefined;
          return (
            <label key={v} className={classes.tile}>
              <input
                type="radio"
                className={classes.hiddenInput}
                name={name ?? id}
                value={v}
                checked={value === v}
                onChange={() => onChange(v)}
                aria-label={anchor ? `${v}, ${anchor}` : String(v)}
              />
              <span aria-hidden="true">{v}</span>
            </label>
          );
        })}
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
      {error && (
        <div className={classes.error} id={errorId}>
          {error}
        </div>
      )}
    </fieldset>
  );
}

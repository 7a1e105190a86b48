/**
 * Renders an item with the control its type calls for: a 0–10 scale as eleven tiles, a 0–100
 * rating as a slider with a number box, choices (and yes/no) as radio cards. A PROMIS stem ("In
 * the past 7 days…") is part of the legend, so it is read with the statement. `textLang` marks the
 * instrument's wording when it is in another language than the page (English questions on the
 * Spanish portal).
 */
import type { InstrumentView } from "@evident/domain/api";
import { type AnswerValue, englishLabels, isSlider, optionsOf, type QuestionLabels, stemOf } from "./answers";
import { ChoiceQuestion } from "./ChoiceQuestion";
import { NrsScale } from "./NrsScale";
import classes from "./Questions.module.css";
import { VasScale } from "./VasScale";

export function Question({
  item,
  value,
  onChange,
  error,
  legend,
  hint,
  labels = englishLabels,
  textLang,
}: {
  item: InstrumentView["items"][number];
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue) => void;
  error?: string | undefined;
  /** Replaces the item's text as the legend (e.g. numbered in staff entry). */
  legend?: string;
  hint?: string | undefined;
  labels?: QuestionLabels;
  textLang?: string | undefined;
}) {
  const stem = stemOf(item);
  const title = (
    <>
      {/* The space keeps the stem and the statement apart in the accessible name. */}
      {stem && <span className={classes.stem}>{stem} </span>}
      {legend ?? item.text}
    </>
  );
  if (isSlider(item)) {
    return (
      <VasScale
        item={item}
        value={typeof value === "number" ? value : undefined}
        onChange={onChange}
        error={error}
        legend={title}
        labels={labels}
        textLang={textLang}
      />
    );
  }
  if (item.type === "integer") {
    return (
      <NrsScale
        item={item}
        value={typeof value === "number" ? value : undefined}
        onChange={onChange}
        error={error}
        legend={title}
        textLang={textLang}
      />
    );
  }
  return (
    <ChoiceQuestion
      item={{ ...item, options: optionsOf(item, labels) }}
      value={value}
      onChange={onChange}
      error={error}
      legend={title}
      hint={hint}
      textLang={textLang}
      // Yes and No are the page's words; other options are the instrument's.
      optionsLang={item.type === "boolean" && !item.options ? undefined : textLang}
    />
  );
}

import { Body1, Caption1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { pick, type Lang } from "../i18n";
import type { Spec } from "../spec/schema";
import { say, UI } from "./strings";
import type { CategoryChoice } from "./useCategoryChoice";

const useStyles = makeStyles({
  categories: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    border: "none",
    padding: 0,
    margin: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  category: { display: "flex", flexDirection: "column" },
  description: {
    color: tokens.colorNeutralForeground3,
    paddingLeft: "32px",
    marginTop: `-${tokens.spacingVerticalXS}`,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface CategoryChecklistProps {
  spec: Spec;
  lang: Lang;
  choice: CategoryChoice;
}

/** The spec's profile categories as checkboxes, each with its description, and the core's objection if any. */
export function CategoryChecklist({ spec, lang, choice }: CategoryChecklistProps) {
  const styles = useStyles();
  const ids = useId();
  return (
    <fieldset
      className={styles.categories}
      aria-describedby={choice.profileError ? `${ids}-error` : undefined}
    >
      <legend className={styles.legend}>{say(UI.categories, lang)}</legend>
      {spec.categories.map((category) => (
        <div key={category.id} className={styles.category}>
          <Checkbox
            data-testid={`category-${category.id}`}
            checked={choice.categories.includes(category.id)}
            onChange={(_, data) => choice.toggleCategory(category.id, data.checked === true)}
            label={pick(category.label, lang)}
            aria-describedby={`${ids}-${category.id}`}
          />
          <Caption1 id={`${ids}-${category.id}`} className={styles.description}>
            {pick(category.description, lang)}
          </Caption1>
        </div>
      ))}
      {choice.profileError && (
        <Body1 id={`${ids}-error`} role="alert" className={styles.error} data-testid="profile-error">
          {pick(choice.profileError, lang)}
        </Body1>
      )}
    </fieldset>
  );
}

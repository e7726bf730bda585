import {
  Body1,
  Button,
  Caption1,
  Combobox,
  Field,
  makeStyles,
  Option,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import type { Lang } from "../i18n";
import type { ProfileChoices } from "../layout/obligation";
import type { Profile } from "../layout/types";
import type { LocalizedText } from "../spec/schema";
import { CategoryChecklist } from "./CategoryChecklist";
import { say, UI } from "./strings";
import { useProfileForm } from "./useProfileForm";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} 0`,
  },
  heading: { margin: 0 },
  // The one action of this view stays in sight at the bottom, and what it did appears beside it.
  actionBar: {
    position: "sticky",
    bottom: 0,
    zIndex: 10,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface FillerViewProps {
  spec: ProfileChoices;
  lang: Lang;
  busy: boolean;
  onInsert(profile: Profile): void;
  /** What insert did (progress, the refusal with 刷新模板, a failure), shown beside the button. */
  status: ReactNode;
  /** The browser checker's own title, intro and button (it downloads a template; the pane inserts one). */
  words?: { title: LocalizedText; intro: LocalizedText; action: LocalizedText };
}

/** No report in the workbook yet: choose the province and its profile, then insert the template. */
export function FillerView({ spec, lang, busy, onInsert, status, words }: FillerViewProps) {
  const styles = useStyles();
  const form = useProfileForm(spec);
  const ids = useId();
  return (
    <form
      className={styles.form}
      aria-labelledby={`${ids}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (form.profile && !busy) onInsert(form.profile);
      }}
    >
      <div className={styles.body}>
        <Subtitle2 as="h2" id={`${ids}-title`} className={styles.heading}>
          {say(words?.title ?? UI.fillerTitle, lang)}
        </Subtitle2>
        <Body1>{say(words?.intro ?? UI.fillerIntro, lang)}</Body1>

        <Field label={say(UI.province, lang)} required>
          <Combobox
            data-testid="province"
            value={form.query}
            selectedOptions={form.unit ? [form.unit.id] : []}
            placeholder={say(UI.provincePlaceholder, lang)}
            open={form.listOpen}
            onOpenChange={(_, data) => form.setListOpen(data.open)}
            onChange={(event) => form.setQuery(event.target.value)}
            onOptionSelect={(_, data) => form.chooseUnit(data.optionValue)}
            // The arrow is a second Tab stop named "Open" in English otherwise: the box opens on typing and Alt+↓.
            expandIcon={{ tabIndex: -1, "aria-label": say(UI.openProvinceList, lang) }}
          >
            {form.matchingUnits.map((unit) => (
              <Option key={unit.id} value={unit.id} text={unit.name}>
                {lang === "zh" ? unit.name : `${unit.name} ${unit.en}`}
              </Option>
            ))}
            {form.matchingUnits.length === 0 && (
              <Option disabled value="" text="">
                {say(UI.noProvinceMatch, lang)}
              </Option>
            )}
          </Combobox>
        </Field>

        <CategoryChecklist spec={spec} lang={lang} choice={form} />
      </div>

      <div className={styles.actionBar} data-testid="insert-bar">
        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            disabled={busy || form.profile === undefined}
            data-testid="insert"
            aria-describedby={form.unit ? undefined : `${ids}-hint`}
          >
            {say(words?.action ?? UI.insertTemplate, lang)}
          </Button>
          {!form.unit && (
            <Caption1 id={`${ids}-hint`} className={styles.hint}>
              {say(UI.provinceRequired, lang)}
            </Caption1>
          )}
        </div>
        {status}
      </div>
    </form>
  );
}

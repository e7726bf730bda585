import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Combobox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  Subtitle2,
  tokens,
  Tooltip,
} from "@fluentui/react-components";
import { useId } from "react";
import type { Profile } from "../layout/types";
import { pick, type Lang } from "../i18n";
import type { Spec } from "../spec/schema";
import { say, UI } from "./strings";
import { useProfileForm } from "./useProfileForm";
import type { SessionState } from "./useReportSession";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
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
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface FillerViewProps {
  spec: Spec;
  lang: Lang;
  busy: boolean;
  exists: SessionState["exists"];
  onInsert(spec: Spec, profile: Profile): void;
}

/** No report in the workbook yet: choose the province and its profile, then insert the template. */
export function FillerView({ spec, lang, busy, exists, onInsert }: FillerViewProps) {
  const styles = useStyles();
  const form = useProfileForm(spec);
  const ids = useId();
  const existingUnit = exists && spec.units.find((u) => u.id === exists.unitId);
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        if (form.profile && !busy) onInsert(spec, form.profile);
      }}
    >
      <Subtitle2 as="h2" className={styles.heading}>
        {say(UI.fillerTitle, lang)}
      </Subtitle2>
      <Body1>{say(UI.fillerIntro, lang)}</Body1>

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

      <fieldset
        className={styles.categories}
        aria-describedby={form.profileError ? `${ids}-error` : undefined}
      >
        <legend className={styles.legend}>{say(UI.categories, lang)}</legend>
        {spec.categories.map((category) => (
          <div key={category.id} className={styles.category}>
            <Checkbox
              data-testid={`category-${category.id}`}
              checked={form.categories.includes(category.id)}
              onChange={(_, data) => form.toggleCategory(category.id, data.checked === true)}
              label={pick(category.label, lang)}
              aria-describedby={`${ids}-${category.id}`}
            />
            <Caption1 id={`${ids}-${category.id}`} className={styles.description}>
              {pick(category.description, lang)}
            </Caption1>
          </div>
        ))}
        {form.profileError && (
          <Body1 id={`${ids}-error`} role="alert" className={styles.error} data-testid="profile-error">
            {pick(form.profileError, lang)}
          </Body1>
        )}
      </fieldset>

      {exists && (
        <MessageBar intent="warning" layout="multiline" data-testid="exists">
          <MessageBarBody>
            {exists.specId
              ? say(UI.exists, lang, {
                  unit: existingUnit ? (lang === "zh" ? existingUnit.name : existingUnit.en) : exists.unitId,
                  spec: exists.specId,
                  version: exists.specVersion,
                })
              : say(UI.existsUnreadable, lang)}
          </MessageBarBody>
          <MessageBarActions>
            <Tooltip content={say(UI.refreshLater, lang)} relationship="description">
              <Button disabledFocusable data-testid="refresh">
                {say(UI.refreshTemplate, lang)}
              </Button>
            </Tooltip>
          </MessageBarActions>
        </MessageBar>
      )}

      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabled={busy || form.profile === undefined}
          data-testid="insert"
          aria-describedby={form.unit ? undefined : `${ids}-hint`}
        >
          {say(UI.insertTemplate, lang)}
        </Button>
        {!form.unit && (
          <Caption1 id={`${ids}-hint`} className={styles.hint}>
            {say(UI.provinceRequired, lang)}
          </Caption1>
        )}
      </div>
    </form>
  );
}

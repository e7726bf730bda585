import {
  Body1,
  Button,
  Caption1,
  Combobox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import type { Profile } from "../layout/types";
import type { Lang } from "../i18n";
import type { Spec } from "../spec/schema";
import { CategoryChecklist } from "./CategoryChecklist";
import { say, UI } from "./strings";
import { useProfileForm } from "./useProfileForm";
import type { SessionState } from "./useReportSession";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface FillerViewProps {
  spec: Spec;
  lang: Lang;
  busy: boolean;
  exists: SessionState["exists"];
  onInsert(spec: Spec, profile: Profile): void;
  /** Refreshes the report the workbook already holds, with its own profile. */
  onRefresh(): void;
}

/** No report in the workbook yet: choose the province and its profile, then insert the template. */
export function FillerView({ spec, lang, busy, exists, onInsert, onRefresh }: FillerViewProps) {
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

      <CategoryChecklist spec={spec} lang={lang} choice={form} />

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
            {exists.specId && <span id={`${ids}-refresh-hint`}> {say(UI.refreshHint, lang)}</span>}
          </MessageBarBody>
          {exists.specId && (
            // Only a report whose metadata reads can be refreshed: the rest has nothing to rebuild from.
            <MessageBarActions>
              <Button
                disabled={busy}
                onClick={onRefresh}
                data-testid="refresh"
                aria-describedby={`${ids}-refresh-hint`}
              >
                {say(UI.refreshTemplate, lang)}
              </Button>
            </MessageBarActions>
          )}
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

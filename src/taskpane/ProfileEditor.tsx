import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { Lang } from "../i18n";
import type { Spec } from "../spec/schema";
import { CategoryChecklist } from "./CategoryChecklist";
import { say, UI } from "./strings";
import { useCategoryChoice } from "./useCategoryChoice";

const useStyles = makeStyles({
  editor: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface ProfileEditorProps {
  /** The spec the refresh goes to: its categories are the ones to choose from. */
  spec: Spec;
  lang: Lang;
  busy: boolean;
  current: readonly string[];
  onApply(categories: string[]): void;
  onCancel(): void;
}

/** A changed profile is applied by a refresh: the template is rebuilt for it, every value kept. */
export function ProfileEditor({ spec, lang, busy, current, onApply, onCancel }: ProfileEditorProps) {
  const styles = useStyles();
  const choice = useCategoryChoice(spec, current);
  const hintId = useId();
  const unchanged =
    choice.categories.length === current.length && choice.categories.every((c) => current.includes(c));
  return (
    <form
      className={styles.editor}
      aria-label={say(UI.changeProfile, lang)}
      data-testid="profile-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy && !unchanged && !choice.profileError) onApply(choice.categories);
      }}
    >
      <Body1>{say(UI.changeProfileIntro, lang)}</Body1>
      <CategoryChecklist spec={spec} lang={lang} choice={choice} />
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabled={busy || unchanged || choice.profileError !== undefined}
          aria-describedby={unchanged ? hintId : undefined}
          data-testid="apply-profile"
        >
          {say(UI.applyProfile, lang)}
        </Button>
        <Button onClick={onCancel} data-testid="cancel-profile">
          {say(UI.cancel, lang)}
        </Button>
        {unchanged && (
          <Caption1 id={hintId} className={styles.hint}>
            {say(UI.profileUnchanged, lang)}
          </Caption1>
        )}
      </div>
    </form>
  );
}

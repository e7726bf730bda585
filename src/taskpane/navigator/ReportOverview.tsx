import { Caption1, Field, makeStyles, ProgressBar, Subtitle2, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { format, pick, type Lang } from "../../i18n";
import { FactList } from "../FactList";
import type { RequirementProgress } from "./progress";
import { NAV } from "./words";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface ReportOverviewProps {
  lang: Lang;
  /** Province, profile and guideline version, already in words. */
  unit: string;
  profile: string;
  guideline: string;
  progress: RequirementProgress;
}

/**
 * Where a report stands: whose it is and how much is filled. The required count is stable (fields
 * required whatever is entered); conditional requirements are said apart from the start.
 */
export function ReportOverview({ lang, unit, profile, guideline, progress }: ReportOverviewProps) {
  const styles = useStyles();
  const ids = useId();
  const { always, conditional } = progress;
  const percent = always.required === 0 ? 100 : Math.floor((always.filled / always.required) * 100);
  return (
    <section className={styles.section} aria-labelledby={`${ids}-title`} data-testid="overview">
      <Subtitle2 as="h2" id={`${ids}-title`} className={styles.heading}>
        {pick(NAV.overviewTitle, lang)}
      </Subtitle2>
      <FactList
        facts={[
          [pick(NAV.unit, lang), unit, "fact-unit"],
          [pick(NAV.profile, lang), profile, "fact-profile"],
          [pick(NAV.guideline, lang), guideline, "fact-spec"],
        ]}
      />
      <Field
        label={pick(NAV.required, lang)}
        hint={format(pick(NAV.requiredValue, lang), {
          filled: always.filled,
          required: always.required,
          percent,
        })}
        validationState="none"
      >
        <ProgressBar
          value={always.required === 0 ? 1 : always.filled / always.required}
          thickness="large"
          data-testid="completion"
          aria-valuetext={`${percent}%`}
        />
      </Field>
      {conditional.total > 0 && (
        <Caption1 className={styles.hint} data-testid="conditional">
          {format(pick(NAV.conditional, lang), conditional)}
        </Caption1>
      )}
    </section>
  );
}

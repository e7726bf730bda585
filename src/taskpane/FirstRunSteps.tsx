import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Lang } from "../i18n";
import { say, UI } from "./strings";

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  step: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "baseline",
    color: tokens.colorNeutralForeground2,
  },
  now: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  number: {
    flexShrink: 0,
    display: "inline-flex",
    justifyContent: "center",
    alignItems: "center",
    width: "20px",
    height: "20px",
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
  },
  numberNow: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
  },
});

export interface FirstRunStepsProps {
  lang: Lang;
  /** 1, 2 or 3: the step the clerk is on. */
  current: 1 | 2 | 3;
}

/** The whole job in three short steps, the current one marked (in words for screen readers, too). */
export function FirstRunSteps({ lang, current }: FirstRunStepsProps) {
  const styles = useStyles();
  const steps = [UI.step1, UI.step2, UI.step3];
  return (
    <nav aria-label={say(UI.steps, lang)} data-testid="first-run">
      <ol className={styles.list}>
        {steps.map((text, i) => {
          const n = i + 1;
          const now = n === current;
          return (
            <li
              key={n}
              className={mergeClasses(styles.step, now && styles.now)}
              aria-current={now ? "step" : undefined}
              data-testid={now ? "step-current" : undefined}
            >
              <span className={mergeClasses(styles.number, now && styles.numberNow)} aria-hidden="true">
                {n < current ? "✓" : n}
              </span>
              <Caption1 className={now ? styles.now : undefined}>
                {say(text, lang)}
                {n < current && <span className="visually-hidden">（{say(UI.stepDone, lang)}）</span>}
              </Caption1>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

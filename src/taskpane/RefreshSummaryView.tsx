import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { pick, type Lang } from "../i18n";
import { RETIRED_SHEET_NAME } from "../refresh/retired";
import type { LocalizedText } from "../spec/schema";
import type { FieldMention, RefreshSummary } from "./refresh-summary";
import { FactList } from "./FactList";
import { NAV } from "./navigator/words";
import { say, UI } from "./strings";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  top: { display: "flex", justifyContent: "space-between", alignItems: "center" },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  listTitle: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

export interface RefreshSummaryViewProps {
  lang: Lang;
  summary: RefreshSummary;
  onClose(): void;
  /** The heading, where no refresh was asked for by that name (the checker's copy on the new template). */
  title?: LocalizedText;
}

/** What the latest refresh did, in a clerk's words: what happened to what they entered, and what changed. */
export function RefreshSummaryView({ lang, summary, onClose, title }: RefreshSummaryViewProps) {
  const styles = useStyles();
  // Named by their labels: a clerk knows "任务13：报送线索数", not the id behind it.
  const field = (m: FieldMention) => (m.label ? pick(m.label, lang) : m.id);
  const list = (testId: string, title: string, items: { key: string; body: ReactNode }[]) =>
    items.length > 0 && (
      <div data-testid={testId}>
        <Body1 as="p" className={styles.listTitle}>
          {title}
        </Body1>
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={item.key}>{item.body}</li>
          ))}
        </ul>
      </div>
    );
  const change = (from: string, to: string) => say(UI.versionChange, lang, { from, to });
  // Only what changed: "2019.1.0 → 2019.1.0" tells nobody anything.
  const facts: [string, string, string][] = [];
  if (summary.specVersion.from !== summary.specVersion.to) {
    facts.push([
      say(UI.specVersion, lang),
      change(summary.specVersion.from, summary.specVersion.to),
      "refresh-spec-version",
    ]);
  }
  if (summary.profile) {
    facts.push([
      say(NAV.profile, lang),
      change(pick(summary.profile.from, lang), pick(summary.profile.to, lang)),
      "refresh-profile",
    ]);
  }

  return (
    <section className={styles.card} aria-labelledby="refresh-heading" data-testid="refresh-summary">
      <div className={styles.top}>
        <Subtitle2 as="h2" id="refresh-heading" className={styles.heading}>
          {title ? pick(title, lang) : say(UI.refreshTitle, lang)}
        </Subtitle2>
        <Button
          appearance="transparent"
          size="small"
          icon={<DismissRegular />}
          aria-label={say(UI.dismiss, lang)}
          onClick={onClose}
          data-testid="close-refresh-summary"
        />
      </div>
      <Body1 data-testid="refresh-plan">{pick(summary.plan, lang)}</Body1>
      {facts.length > 0 && <FactList facts={facts} />}
      {list(
        "refresh-moved",
        say(UI.movedTitle, lang),
        summary.moved.map((m) => ({ key: m.from, body: field(m.to) })),
      )}
      {list(
        "refresh-retired",
        say(UI.retiredTitle, lang, { sheet: RETIRED_SHEET_NAME }),
        summary.retired.map((r, i) => ({
          key: String(i),
          body: say(UI.retiredValue, lang, { label: pick(r.label, lang), value: r.value }),
        })),
      )}
      {list(
        "refresh-stopped-applying",
        say(UI.stoppedApplyingTitle, lang),
        summary.stoppedApplying.map((m) => ({ key: m.id, body: field(m) })),
      )}
      {list(
        "refresh-restored-prefilled",
        say(UI.restoredPrefilledTitle, lang),
        summary.restoredPrefilled.map((r) => ({
          key: r.field.id,
          body: (
            <>
              {field(r.field)} {say(UI.restoredValue, lang, { value: r.value, restored: r.restored })}
            </>
          ),
        })),
      )}
      {list(
        "refresh-recovered",
        say(UI.recoveredTitle, lang),
        summary.recovered.map((m) => ({ key: m.id, body: field(m) })),
      )}
      {summary.degraded.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="refresh-degraded">
          <MessageBarBody>
            <MessageBarTitle>{say(UI.refreshLimits, lang)}</MessageBarTitle>
            <ul className={styles.list}>
              {summary.degraded.map((text) => (
                <li key={text.zh}>{pick(text, lang)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

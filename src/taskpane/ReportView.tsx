import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  ProgressBar,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { OpenedWorkbookReport } from "../excel/types";
import { pick, type Lang } from "../i18n";
import { compareVersions } from "../refresh/versions";
import { completion } from "../rules/completion";
import type { Issue } from "../rules/types";
import type { Spec } from "../spec/schema";
import { FactList } from "./FactList";
import { IssueList } from "./IssueList";
import { countBySeverity } from "./issue-groups";
import { ProfileEditor } from "./ProfileEditor";
import { describeRefresh, profileText, type ShownRefresh } from "./refresh-summary";
import { RefreshSummaryView } from "./RefreshSummaryView";
import { say, UI } from "./strings";
import { UndoRefresh } from "./UndoRefresh";
import type { UndoableRefresh, Validation } from "./useReportSession";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  counts: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

export interface ReportViewProps {
  lang: Lang;
  busy: boolean;
  report: OpenedWorkbookReport;
  validation: Validation | undefined;
  /** The spec a refresh goes to (the newest bundled one): its categories are offered for a new profile. */
  refreshSpec: Spec;
  refreshed: ShownRefresh | undefined;
  undo: UndoableRefresh | undefined;
  onValidate(): void;
  onWriteResults(): void;
  onClearHighlights(): void;
  onGoTo(issue: Issue): void;
  onRefresh(categories?: string[]): void;
  onUndoRefresh(discardEdits: boolean): void;
  onKeepEdits(): void;
  onCloseRefreshSummary(): void;
}

/** A report is open (the reviewer's view, and the filler's once the template is in): where it stands. */
export function ReportView(props: ReportViewProps) {
  const { lang, busy, report, validation, refreshed } = props;
  const styles = useStyles();
  const { spec, profile, layout, reading } = report;
  const unit = spec.units.find((u) => u.id === profile.unitId);
  // Tied to the report it was opened on: a refresh re-opens the report, and the editor closes with it.
  const [editingProfileOf, setEditingProfileOf] = useState<OpenedWorkbookReport | undefined>(undefined);
  const editingProfile = editingProfileOf === report;
  const summary = useMemo(
    () => refreshed && describeRefresh(refreshed, { spec, layout }, UI.noCategories),
    [refreshed, spec, layout],
  );
  const progress = useMemo(() => completion(layout, reading), [layout, reading]);
  const sheetOrder = useMemo(() => layout.sheets.map((s) => s.name), [layout]);
  const counts = validation && countBySeverity(validation.issues);
  const percent = Math.floor(progress.ratio * 100);
  const newer = compareVersions(props.refreshSpec.specVersion, spec.specVersion) > 0;

  const facts: [string, string, string][] = [
    [say(UI.unit, lang), unit ? (lang === "zh" ? unit.name : unit.en) : profile.unitId, "unit"],
    [say(UI.profile, lang), pick(profileText(spec, profile.categories) ?? UI.noCategories, lang), "profile"],
    [
      say(UI.specVersion, lang),
      `${pick(spec.title, lang)} ${spec.specVersion}（${
        newer ? say(UI.newerSpec, lang, { version: props.refreshSpec.specVersion }) : say(UI.latestSpec, lang)
      }）`,
      "spec",
    ],
    [
      say(UI.templateVersion, lang),
      reading.metadata?.templateVersion ?? layout.metadata.templateVersion,
      "template",
    ],
  ];

  return (
    <section className={styles.view} aria-labelledby="report-heading">
      <Subtitle2 as="h2" id="report-heading" className={styles.heading}>
        {say(UI.reportTitle, lang)}
      </Subtitle2>
      <FactList facts={facts.map(([term, value, id]) => [term, value, `fact-${id}`])} />

      <Field
        label={say(UI.completion, lang)}
        hint={say(UI.completionValue, lang, {
          filled: progress.filled,
          required: progress.required,
          percent,
        })}
        validationState="none"
      >
        <ProgressBar
          value={progress.ratio}
          thickness="large"
          data-testid="completion"
          aria-valuetext={`${percent}%`}
        />
      </Field>

      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={props.onValidate} data-testid="validate">
          {say(validation ? UI.revalidate : UI.validate, lang)}
        </Button>
        <Button disabled={busy || !validation} onClick={props.onWriteResults} data-testid="write-results">
          {say(UI.writeResults, lang)}
        </Button>
        {validation && (
          <Button
            appearance="subtle"
            disabled={busy}
            onClick={props.onClearHighlights}
            data-testid="clear-highlights"
          >
            {say(UI.clearHighlights, lang)}
          </Button>
        )}
        <Button
          disabled={busy}
          onClick={() => props.onRefresh()}
          title={say(UI.refreshHint, lang)}
          data-testid="refresh"
        >
          {say(UI.refreshTemplate, lang)}
        </Button>
        <Button
          appearance="subtle"
          disabled={busy}
          aria-expanded={editingProfile}
          onClick={() => setEditingProfileOf(editingProfile ? undefined : report)}
          data-testid="change-profile"
        >
          {say(UI.changeProfile, lang)}
        </Button>
      </div>

      {editingProfile && (
        <ProfileEditor
          spec={props.refreshSpec}
          lang={lang}
          busy={busy}
          current={profile.categories}
          onApply={(categories) => props.onRefresh(categories)}
          onCancel={() => setEditingProfileOf(undefined)}
        />
      )}
      {summary && <RefreshSummaryView lang={lang} summary={summary} onClose={props.onCloseRefreshSummary} />}
      {props.undo && (
        <UndoRefresh
          lang={lang}
          busy={busy}
          editedSince={props.undo.editedSince}
          onUndo={props.onUndoRefresh}
          onKeepEdits={props.onKeepEdits}
        />
      )}

      {!validation || !counts ? (
        <Body1 data-testid="not-validated">{say(UI.notValidated, lang)}</Body1>
      ) : (
        <>
          <div className={styles.counts} data-testid="counts">
            <Badge appearance="filled" color="danger" data-testid="count-error">
              {say(UI.errors, lang)} {counts.error}
            </Badge>
            <Badge appearance="filled" color="warning" data-testid="count-warning">
              {say(UI.warnings, lang)} {counts.warning}
            </Badge>
            {counts.info > 0 && (
              <Badge appearance="tint" color="informative">
                {say(UI.infos, lang)} {counts.info}
              </Badge>
            )}
          </div>
          <Caption1>
            {say(
              validation.messagesOn === "notes"
                ? UI.messagesOnNotes
                : validation.messagesOn === "comments"
                  ? UI.messagesOnComments
                  : UI.messagesOnNone,
              lang,
            )}
          </Caption1>
          <Subtitle2 as="h2" className={styles.heading}>
            {say(UI.issues, lang)}
          </Subtitle2>
          {validation.issues.length === 0 ? (
            <Body1 data-testid="no-issues">{say(UI.noIssues, lang)}</Body1>
          ) : (
            <IssueList lang={lang} issues={validation.issues} sheetOrder={sheetOrder} onGoTo={props.onGoTo} />
          )}
        </>
      )}
    </section>
  );
}

import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { pick, type Lang } from "../i18n";
import { say, UI } from "./strings";
import type { SessionState } from "./useReportSession";

const useStyles = makeStyles({
  stack: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
  limits: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface StatusBarsProps {
  lang: Lang;
  state: Pick<SessionState, "busy" | "failure" | "notice" | "limits">;
  onDismiss(): void;
}

/** Progress, failures, successes and the host's limits, each in its own MessageBar, in the user's language. */
export function StatusBars({ lang, state, onDismiss }: StatusBarsProps) {
  const styles = useStyles();
  const dismiss = (
    <Button
      appearance="transparent"
      size="small"
      icon={<DismissRegular />}
      aria-label={say(UI.dismiss, lang)}
      onClick={onDismiss}
    />
  );
  return (
    <div className={styles.stack} aria-live="polite">
      {state.busy && (
        <Spinner size="tiny" labelPosition="after" label={say(state.busy, lang)} data-testid="busy" />
      )}
      {state.failure && (
        <MessageBar intent="error" layout="multiline" data-testid="failure">
          <MessageBarBody>
            <MessageBarTitle>{say(UI.failed, lang)}</MessageBarTitle>
            {pick(state.failure, lang)}
          </MessageBarBody>
          <MessageBarActions containerAction={dismiss} />
        </MessageBar>
      )}
      {state.notice && (
        <MessageBar intent={state.notice.intent} layout="multiline" data-testid="notice">
          <MessageBarBody>{pick(state.notice.text, lang)}</MessageBarBody>
          <MessageBarActions containerAction={dismiss} />
        </MessageBar>
      )}
      {state.limits.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="limits">
          <MessageBarBody>
            <MessageBarTitle>{say(UI.hostLimits, lang)}</MessageBarTitle>
            <ul className={styles.limits}>
              {state.limits.map((text) => (
                <li key={text.zh}>{pick(text, lang)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

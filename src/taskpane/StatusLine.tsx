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
import type { ReactNode } from "react";
import { pick, type Lang } from "../i18n";
import { say, UI } from "./strings";
import type { SessionState } from "./useReportSession";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, outline: "none" },
  next: { display: "block", marginTop: tokens.spacingVerticalXXS },
});

export interface StatusLineProps {
  lang: Lang;
  state: Pick<SessionState, "busy" | "failure" | "notice">;
  onDismiss(): void;
  /** Beside a failure or notice: the action it offers (刷新模板 when insert finds a report). */
  action?: ReactNode;
}

/**
 * An action's progress, success (with the next step) or failure, shown where the action was started and
 * announced: progress and success politely, a failure at once. Focus comes here after an action.
 */
export function StatusLine({ lang, state, onDismiss, action }: StatusLineProps) {
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
    <div className={styles.stack} tabIndex={-1} data-focus-target="status" data-testid="status">
      <div role="status" aria-live="polite" aria-atomic="true">
        {state.busy && (
          <Spinner size="tiny" labelPosition="after" label={say(state.busy, lang)} data-testid="busy" />
        )}
        {state.notice && (
          <MessageBar intent={state.notice.intent} layout="multiline" data-testid="notice">
            <MessageBarBody>
              {pick(state.notice.text, lang)}
              {state.notice.next && (
                <span className={styles.next} data-testid="next-step">
                  {pick(state.notice.next, lang)}
                </span>
              )}
            </MessageBarBody>
            <MessageBarActions containerAction={dismiss}>{action}</MessageBarActions>
          </MessageBar>
        )}
      </div>
      <div role="alert">
        {state.failure && (
          <MessageBar intent="error" layout="multiline" data-testid="failure">
            <MessageBarBody>
              <MessageBarTitle>{say(UI.failed, lang)}</MessageBarTitle>
              {pick(state.failure, lang)}
            </MessageBarBody>
            <MessageBarActions containerAction={dismiss}>{action}</MessageBarActions>
          </MessageBar>
        )}
      </div>
    </div>
  );
}

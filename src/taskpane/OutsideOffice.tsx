import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Lang } from "../i18n";
import type { HostConnection } from "./host";
import { say, UI } from "./strings";

export interface OutsideOfficeProps {
  lang: Lang;
  reason: Extract<HostConnection, { kind: "outside" }>["reason"];
  host?: string;
}

/** Opened in a plain browser, another Office app, or an Excel too old for the add-in: say so, politely. */
export function OutsideOffice({ lang, reason, host }: OutsideOfficeProps) {
  const body =
    reason === "too-old"
      ? say(UI.hostTooOld, lang)
      : reason === "other-host"
        ? say(UI.otherHostBody, lang, { host: host ?? "?" })
        : say(UI.outsideBody, lang);
  return (
    <MessageBar intent="info" layout="multiline" data-testid="outside-office">
      <MessageBarBody>
        <MessageBarTitle>{say(UI.outsideTitle, lang)}</MessageBarTitle>
        {body}
      </MessageBarBody>
    </MessageBar>
  );
}

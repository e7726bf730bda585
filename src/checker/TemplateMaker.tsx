import { Body1, Spinner } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { format, pick, type Lang } from "../i18n";
import type { Profile } from "../layout/types";
import type { LocalizedText } from "../spec/schema";
import { FillerView } from "../taskpane/FillerView";
import { profileChoices } from "../taskpane/profile-choices";
import { saveBytes } from "./download";
import { describeFailure } from "./failure";
import { CHECKER } from "./words";

type State =
  | { kind: "idle" }
  | { kind: "making" }
  | { kind: "saved"; file: string }
  | { kind: "failed"; reason: LocalizedText };

const CHOICES = profileChoices();

/**
 * A clerk makes a province's blank template here: the pane's own province and profile form, with a
 * download instead of an insert. The writer (ExcelJS) loads on the click.
 */
export function TemplateMaker({ lang }: { lang: Lang }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  // Opened by a button that is then gone: focus goes on to the form's first field, not to the page's top.
  useEffect(() => document.querySelector<HTMLElement>('[data-testid="province"]')?.focus(), []);
  const make = async (profile: Profile) => {
    setState({ kind: "making" });
    try {
      const writer = await import(/* webpackChunkName: "writer" */ "./writer");
      const bytes = await writer.blankTemplate(profile);
      const unit = CHOICES.units.find((u) => u.id === profile.unitId);
      const file = format(pick(CHECKER.templateName, lang), {
        unit: unit ? (lang === "zh" ? unit.short : unit.en) : profile.unitId,
      });
      saveBytes(bytes, file);
      setState({ kind: "saved", file });
    } catch (err) {
      setState({ kind: "failed", reason: describeFailure(err) });
    }
  };
  return (
    <FillerView
      spec={CHOICES}
      lang={lang}
      busy={state.kind === "making"}
      onInsert={(profile) => void make(profile)}
      words={{ title: CHECKER.templateTitle, intro: CHECKER.templateIntro, action: CHECKER.templateButton }}
      status={
        <div aria-live="polite" data-testid="template-status">
          {state.kind === "making" && <Spinner size="tiny" label={pick(CHECKER.preparing, lang)} />}
          {state.kind === "saved" && <Body1>{format(pick(CHECKER.saved, lang), { file: state.file })}</Body1>}
          {state.kind === "failed" && (
            <Body1 role="alert">
              {format(pick(CHECKER.failed, lang), { reason: pick(state.reason, lang) })}
            </Body1>
          )}
        </div>
      }
    />
  );
}

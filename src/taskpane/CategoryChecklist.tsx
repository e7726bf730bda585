import { Body1, Caption1, Checkbox, makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { pick, type Lang } from "../i18n";
import type { ProfileChoices } from "../layout/obligation";
import type { ProfileCategory } from "../spec/schema";
import { say, UI } from "./strings";
import type { CategoryChoice } from "./useCategoryChoice";

const useStyles = makeStyles({
  categories: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    border: "none",
    padding: 0,
    margin: 0,
    minWidth: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  category: { display: "flex", flexDirection: "column" },
  description: {
    color: tokens.colorNeutralForeground2,
    paddingLeft: "32px",
    marginTop: `-${tokens.spacingVerticalXS}`,
  },
  group: {
    marginLeft: "32px",
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  groupLegend: { padding: 0, color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface CategoryChecklistProps {
  spec: ProfileChoices;
  lang: Lang;
  choice: CategoryChoice;
}

/** The words of a group of exclusive categories ("试点类型：引领型" → "试点类型"). */
function groupLegend(members: ProfileCategory[], lang: Lang): string {
  const label = pick(members[0].label, lang);
  const cut = label.search(/[：:]/);
  return cut > 0 ? label.slice(0, cut) : label;
}

function optionLabel(category: ProfileCategory, lang: Lang): string {
  const label = pick(category.label, lang);
  const cut = label.search(/[：:]/);
  return cut > 0 ? label.slice(cut + 1).trim() : label;
}

/**
 * The spec's profile categories: a checkbox each, and a radio group for each set of exclusive ones (a
 * pilot's type is one of three), right under the category they need, usable once that one is ticked.
 */
export function CategoryChecklist({ spec, lang, choice }: CategoryChecklistProps) {
  const styles = useStyles();
  const ids = useId();
  const groups = new Map<string, ProfileCategory[]>();
  for (const c of spec.categories) {
    if (!c.exclusiveGroup) continue;
    const members = groups.get(c.exclusiveGroup) ?? [];
    members.push(c);
    groups.set(c.exclusiveGroup, members);
  }
  const radioGroup = (group: string, members: ProfileCategory[]) => {
    const needs = members[0].requires;
    const enabled = !needs || choice.categories.includes(needs);
    const chosen = members.find((m) => choice.categories.includes(m.id))?.id ?? "";
    const needLabel = needs ? spec.categories.find((c) => c.id === needs)?.label : undefined;
    const legendId = `${ids}-${group}`;
    return (
      <div key={group} className={styles.group} data-testid={`group-${group}`}>
        <Caption1 id={legendId} className={styles.groupLegend}>
          {groupLegend(members, lang)}
          {!enabled &&
            needLabel &&
            ` · ${say(UI.pilotTypeNeedsPilot, lang, { pilot: pick(needLabel, lang) })}`}
        </Caption1>
        <RadioGroup
          aria-labelledby={legendId}
          value={chosen}
          disabled={!enabled}
          layout="vertical"
          onChange={(_, data) => choice.chooseInGroup(group, data.value || undefined)}
        >
          <Radio value="" label={say(UI.pilotTypeNone, lang)} data-testid={`category-${group}-none`} />
          {members.map((m) => (
            <Radio
              key={m.id}
              value={m.id}
              label={optionLabel(m, lang)}
              data-testid={`category-${m.id}`}
              aria-describedby={`${ids}-${m.id}`}
            />
          ))}
        </RadioGroup>
        {members.map((m) => (
          <span key={m.id} id={`${ids}-${m.id}`} hidden>
            {pick(m.description, lang)}
          </span>
        ))}
      </div>
    );
  };
  return (
    <fieldset
      className={styles.categories}
      aria-describedby={choice.profileError ? `${ids}-error` : undefined}
    >
      <legend className={styles.legend}>{say(UI.categories, lang)}</legend>
      {spec.categories
        .filter((c) => !c.exclusiveGroup)
        .map((category) => (
          <div key={category.id} className={styles.category}>
            <Checkbox
              data-testid={`category-${category.id}`}
              checked={choice.categories.includes(category.id)}
              onChange={(_, data) => choice.toggleCategory(category.id, data.checked === true)}
              label={pick(category.label, lang)}
              aria-describedby={`${ids}-${category.id}`}
            />
            <Caption1 id={`${ids}-${category.id}`} className={styles.description}>
              {pick(category.description, lang)}
            </Caption1>
            {[...groups]
              .filter(([, members]) => members[0].requires === category.id)
              .map(([group, members]) => radioGroup(group, members))}
          </div>
        ))}
      {[...groups]
        .filter(
          ([, members]) => !members[0].requires || !spec.categories.some((c) => c.id === members[0].requires),
        )
        .map(([group, members]) => radioGroup(group, members))}
      {choice.profileError && (
        <Body1 id={`${ids}-error`} role="alert" className={styles.error} data-testid="profile-error">
          {pick(choice.profileError, lang)}
        </Body1>
      )}
    </fieldset>
  );
}

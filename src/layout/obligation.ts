import { LocalizedError } from "../i18n/errors";
import type { ObligationLine, ProfileCategory, ReportingUnit, Spec, Task } from "../spec/schema";
import type { LocalizedText } from "../spec/schema";
import type { Obligation, Profile } from "./types";

/** The obligation one 省份 line puts on a province with these categories. */
export function obligationOfLine(line: ObligationLine, categories: ReadonlySet<string>): Obligation {
  const concerned = line.categories.some((c) => categories.has(c));
  switch (line.kind) {
    case "national-only":
      return "national-only";
    case "all":
      return "required";
    case "concerned":
      return concerned ? "required" : "not-applicable";
    case "concerned-else-optional":
      return concerned ? "required" : "optional";
  }
}

const STRENGTH: Record<Obligation, number> = {
  required: 3,
  optional: 2,
  "not-applicable": 1,
  "national-only": 0,
};

/** A task with several 省份 lines (task 8) takes the strongest obligation any line puts on the province. */
export function obligationOf(task: Task, profile: Profile): Obligation {
  const categories = new Set(profile.categories);
  return task.obligations
    .map((line) => obligationOfLine(line, categories))
    .reduce((a, b) => (STRENGTH[b] > STRENGTH[a] ? b : a));
}

export const OBLIGATION_LABEL: Record<Obligation, LocalizedText> = {
  required: { zh: "必做", en: "Required" },
  optional: { zh: "选做", en: "Optional" },
  "not-applicable": { zh: "不适用", en: "Not applicable" },
  "national-only": { zh: "国家局任务", en: "National office only" },
};

export class ProfileError extends LocalizedError {
  constructor(
    readonly code: "unknown-unit" | "unknown-category" | "category-requires" | "category-exclusive",
    detail: LocalizedText,
    readonly valid: string[],
  ) {
    super(detail, "ProfileError");
  }

  /** At a terminal there is no list to pick from: name the valid choices. */
  override line(): LocalizedText {
    const label =
      this.code === "unknown-unit"
        ? { zh: "可选省份", en: "valid provinces" }
        : { zh: "可选类别", en: "valid categories" };
    return {
      zh: `${this.detail.zh}。${label.zh}：${this.valid.join("、")}`,
      en: `${this.detail.en}. ${label.en}: ${this.valid.join(", ")}`,
    };
  }
}

function normalizeName(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

/** What choosing a province and its profile needs of a spec: the task pane's first view has only this. */
export type ProfileChoices = Pick<Spec, "units" | "categories">;

/** Finds a reporting unit by id, GB code, full or short Chinese name, or English name. */
export function findUnit(spec: ProfileChoices, query: string): ReportingUnit | undefined {
  const q = normalizeName(query);
  return spec.units.find(
    (u) =>
      u.id === q ||
      u.code === q ||
      normalizeName(u.name) === q ||
      normalizeName(u.short) === q ||
      normalizeName(u.en) === q,
  );
}

function findCategory(spec: ProfileChoices, query: string): ProfileCategory | undefined {
  const q = normalizeName(query);
  return spec.categories.find(
    (c) => c.id === q || normalizeName(c.label.zh) === q || normalizeName(c.label.en) === q,
  );
}

/** Resolves what a user typed into a checked profile, or explains what is wrong and what is valid. */
export function resolveProfile(spec: ProfileChoices, unitQuery: string, categoryQueries: string[]): Profile {
  const unit = findUnit(spec, unitQuery);
  if (!unit) {
    throw new ProfileError(
      "unknown-unit",
      { zh: `未知的省份：“${unitQuery}”`, en: `Unknown province: "${unitQuery}"` },
      spec.units.map((u) => u.short),
    );
  }
  const categories: string[] = [];
  for (const query of categoryQueries.map((q) => q.trim()).filter(Boolean)) {
    const category = findCategory(spec, query);
    if (!category) {
      throw new ProfileError(
        "unknown-category",
        { zh: `未知的省份概况类别：“${query}”`, en: `Unknown profile category: "${query}"` },
        spec.categories.map((c) => c.id),
      );
    }
    if (!categories.includes(category.id)) categories.push(category.id);
  }
  checkProfileCategories(spec, categories);
  const order = spec.categories.map((c) => c.id);
  categories.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { unitId: unit.id, categories };
}

/** A pilot type needs the pilot; pilot types exclude each other. */
export function checkProfileCategories(spec: ProfileChoices, categories: string[]): void {
  const byId = new Map(spec.categories.map((c) => [c.id, c]));
  for (const id of categories) {
    const category = byId.get(id);
    if (!category) {
      throw new ProfileError(
        "unknown-category",
        { zh: `未知的省份概况类别：“${id}”`, en: `Unknown profile category: "${id}"` },
        spec.categories.map((c) => c.id),
      );
    }
    if (category.requires && !categories.includes(category.requires)) {
      const needed = byId.get(category.requires);
      throw new ProfileError(
        "category-requires",
        {
          zh: `“${category.label.zh}”需要同时勾选“${needed?.label.zh ?? category.requires}”`,
          en: `"${category.label.en}" needs "${needed?.label.en ?? category.requires}" too`,
        },
        [category.requires],
      );
    }
    if (category.exclusiveGroup) {
      const clash = categories.find(
        (other) => other !== id && byId.get(other)?.exclusiveGroup === category.exclusiveGroup,
      );
      if (clash) {
        throw new ProfileError(
          "category-exclusive",
          {
            zh: `“${category.label.zh}”与“${byId.get(clash)?.label.zh}”只能选一个`,
            en: `"${category.label.en}" and "${byId.get(clash)?.label.en}" exclude each other`,
          },
          [id, clash],
        );
      }
    }
  }
}

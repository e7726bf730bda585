import { z } from "zod";

/**
 * The schema of a year's guideline. A spec is data: next year's guideline is a new JSON file
 * checked by this schema, not new code.
 */

export const LocalizedText = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

const Slug = z.string().regex(/^[a-z][a-z0-9-]*$/, "lower-case slug");

export const ObligationKind = z.enum(["all", "concerned", "concerned-else-optional", "national-only"]);
export type ObligationKind = z.infer<typeof ObligationKind>;

export const ObligationLine = z
  .object({
    kind: ObligationKind,
    /** The 省份 line, verbatim. Absent only for national-only tasks, which have none. */
    line: z.string().min(1).optional(),
    /** Profile categories that make a province "concerned" (empty for all / national-only). */
    categories: z.array(Slug),
    /** What "concerned" means in this line when the seed text leaves it implicit. */
    note: LocalizedText.optional(),
  })
  .strict();
export type ObligationLine = z.infer<typeof ObligationLine>;

export const FieldType = z.enum(["text", "number", "integer", "percent", "enum", "date", "boolean"]);
export type FieldType = z.infer<typeof FieldType>;

export const TaskMetric = z
  .object({
    id: Slug,
    label: LocalizedText,
    type: z.enum(["number", "integer", "boolean"]),
    unit: LocalizedText.optional(),
    /** A value above this is likely a unit mistake (万元 typed where 亿元 is asked). */
    plausibleMax: z.number().positive().optional(),
  })
  .strict();
export type TaskMetric = z.infer<typeof TaskMetric>;

export const Task = z
  .object({
    number: z.number().int().positive(),
    measure: Slug,
    title: z.string().min(1),
    titleEn: z.string().min(1),
    leadDepartments: z.array(z.string().min(1)).min(1),
    obligations: z.array(ObligationLine).min(1),
    /** 国家知识产权局: the national office's own work, verbatim. */
    nationalWork: z.string().min(1),
    /** 各地…: the paragraphs addressed to the provinces, verbatim (empty for national-only tasks). */
    provincialWork: z.array(z.string().min(1)),
    metrics: z.array(TaskMetric).default([]),
  })
  .strict();
export type Task = z.infer<typeof Task>;

export const Measure = z
  .object({
    id: Slug,
    number: z.number().int().positive(),
    title: z.string().min(1),
    titleEn: z.string().min(1),
  })
  .strict();
export type Measure = z.infer<typeof Measure>;

export const GuidelineParagraph = z
  .object({ text: z.string().min(1), department: z.string().min(1) })
  .strict();

export const GuidelineItem = z
  .object({
    number: z.number().int().positive(),
    numeral: z.string().min(1),
    section: z.string().min(1),
    title: z.string().min(1),
    titleEn: z.string().min(1),
    paragraphs: z.array(GuidelineParagraph).min(1),
    /** Whether the item asks the provinces to act (各地…), so a province must report on it. */
    addressedToProvinces: z.boolean(),
  })
  .strict();
export type GuidelineItem = z.infer<typeof GuidelineItem>;

export const WorkRequirement = z
  .object({
    number: z.number().int().positive(),
    numeral: z.string().min(1),
    title: z.string().min(1),
    titleEn: z.string().min(1),
    text: z.string().min(1),
    /** Whether the requirement names the local IP offices (各地方知识产权局), so a province reports on it. */
    addressedToProvinces: z.boolean(),
  })
  .strict();
export type WorkRequirement = z.infer<typeof WorkRequirement>;

export const Comparator = z.enum([">=", ">", "<="]);
export type Comparator = z.infer<typeof Comparator>;

const TargetBase = {
  id: Slug,
  /** The goal as the guideline words it, verbatim. */
  phrase: z.string().min(1),
  label: LocalizedText,
  area: Slug,
  /** Where the goal is stated: 主要目标 or a task's text. */
  source: z.union([z.literal("main-goals"), z.object({ task: z.number().int().positive() }).strict()]),
};

/**
 * How the national figure of a target is made, and who reports it — decided from the guideline's words.
 * sum-of-units: the units' figures are added up (a growth is then the ratio of the sums, never the mean of
 * the units' growth rates); entered: the national office enters the figure itself (a pendency in months).
 */
export const NationalFigure = z
  .object({
    figure: z.enum(["sum-of-units", "entered"]),
    /** provinces: every province's template asks for the figures; national-office: provinces are asked for nothing. */
    reporter: z.enum(["provinces", "national-office"]),
    /** The guideline's words the decision rests on, verbatim, with where they stand. */
    basis: z.string().min(1),
    note: LocalizedText,
  })
  .strict()
  .refine((n) => n.reporter === "provinces" || n.figure === "entered", {
    message: "a figure only the national office reports cannot be a sum of the units' figures",
  });
export type NationalFigure = z.infer<typeof NationalFigure>;

export const QuantitativeTarget = z
  .object({
    ...TargetBase,
    kind: z.literal("quantitative"),
    comparator: Comparator,
    goal: z.number(),
    /** The unit of the goal value: "%" for growth and reduction goals. */
    goalUnit: LocalizedText,
    /** level: the figure itself is judged; growth / reduction: the change from the baseline year's figure. */
    measuredAs: z.enum(["level", "growth", "reduction"]),
    /** The unit of the reported figures (baseline and actual). */
    valueUnit: LocalizedText,
    valueType: z.enum(["number", "integer"]),
    /** provincial: a province's own figure is judged; national: only a national sum can be. */
    scope: z.enum(["provincial", "national"]),
    approximate: z.boolean().default(false),
    /** When a province must report it (absent: never required, reported if available). */
    requiredWhen: z
      .union([z.literal("always"), z.object({ taskRequired: z.number().int().positive() }).strict()])
      .optional(),
    plausibleMax: z.number().positive().optional(),
    /** How the national figure is made (absent in 2019.1.0: a sum of what the provinces report). */
    national: NationalFigure.optional(),
  })
  .strict();
export type QuantitativeTarget = z.infer<typeof QuantitativeTarget>;

export const QualitativeTarget = z.object({ ...TargetBase, kind: z.literal("qualitative") }).strict();
export type QualitativeTarget = z.infer<typeof QualitativeTarget>;

export const Target = z.discriminatedUnion("kind", [QuantitativeTarget, QualitativeTarget]);
export type Target = z.infer<typeof Target>;

export const ReportingUnit = z
  .object({
    id: Slug,
    /** GB/T 2260 administrative division code; 新疆生产建设兵团 has none and uses its own. */
    code: z.string().regex(/^\d{6}$/),
    name: z.string().min(1),
    short: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();
export type ReportingUnit = z.infer<typeof ReportingUnit>;

export const ProfileCategory = z
  .object({
    id: Slug,
    label: LocalizedText,
    description: LocalizedText,
    /** Another category this one only makes sense with (a pilot type needs the pilot). */
    requires: Slug.optional(),
    /** Categories sharing a group are mutually exclusive. */
    exclusiveGroup: Slug.optional(),
  })
  .strict();
export type ProfileCategory = z.infer<typeof ProfileCategory>;

/** A consistency the guideline's words demand between two figures, as data. */
export const ConsistencyRule = z
  .object({
    id: Slug,
    left: z.string().min(1),
    comparator: z.enum(["==", "<="]),
    right: z.string().min(1),
    /** The guideline's words the rule comes from, verbatim. */
    phrase: z.string().min(1),
    message: LocalizedText,
  })
  .strict();
export type ConsistencyRule = z.infer<typeof ConsistencyRule>;

/**
 * How to carry a workbook's values from an earlier spec version to this one: migration is data, not code.
 * Fields the new version adds need no entry (they are new and empty); fields neither renamed nor retired keep their id.
 */
export const Migration = z
  .object({
    fromVersion: z.string().regex(/^\d+\.\d+\.\d+$/, "semantic version"),
    /** Old field id -> new field id. */
    renamed: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** Field ids that have no home in this version: their values move to the retired-fields sheet. */
    retired: z.array(z.string().min(1)).default([]),
    notes: LocalizedText.optional(),
  })
  .strict();
export type Migration = z.infer<typeof Migration>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date as YYYY-MM-DD");

/** The days a report speaks for: its 数据截止日期 must fall within them. */
export const ReportingPeriod = z.object({ start: IsoDate, end: IsoDate }).strict();
export type ReportingPeriod = z.infer<typeof ReportingPeriod>;

export const Spec = z
  .object({
    specId: Slug,
    specVersion: z.string().regex(/^\d+\.\d+\.\d+$/, "semantic version"),
    /** The year reported on: its figures are the "actual" values, its dates the reporting period. */
    year: z.number().int().min(2000).max(2100),
    /** The year growth and reduction goals are measured from (the year before, as a rule). */
    baselineYear: z.number().int().min(2000).max(2100),
    period: ReportingPeriod,
    /** The task list's title, e.g. 2019年推动知识产权高质量发展任务清单. */
    title: LocalizedText,
    /** The work guideline's title, verbatim, and in English. */
    guidelineTitle: z.string().min(1),
    guidelineTitleEn: z.string().min(1),
    /** The heading of the guideline's part on work requirements, e.g. 五、工作要求. */
    workRequirementsHeading: LocalizedText,
    issuer: LocalizedText,
    measures: z.array(Measure).min(1),
    tasks: z.array(Task).min(1),
    guidelineItems: z.array(GuidelineItem).min(1),
    workRequirements: z.array(WorkRequirement),
    targets: z.array(Target).min(1),
    units: z.array(ReportingUnit).min(1),
    categories: z.array(ProfileCategory),
    consistency: z.array(ConsistencyRule).default([]),
    /** Migrations from earlier versions of the same spec id to this one. */
    migrations: z.array(Migration).default([]),
  })
  .strict()
  .superRefine((spec, ctx) => {
    if (spec.baselineYear >= spec.year)
      ctx.addIssue({
        code: "custom",
        path: ["baselineYear"],
        message: `baseline year ${spec.baselineYear} must come before the reporting year ${spec.year}`,
      });
    (["start", "end"] as const).forEach((end) => {
      const date = spec.period[end];
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return; // the field's own format check says so
      const valid = !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && date.startsWith(`${spec.year}-`);
      if (!valid)
        ctx.addIssue({
          code: "custom",
          path: ["period", end],
          message: `${date} is not a date in the reporting year ${spec.year}`,
        });
    });
    if (spec.period.start > spec.period.end)
      ctx.addIssue({ code: "custom", path: ["period"], message: "the period ends before it starts" });
    const measureIds = new Set(spec.measures.map((m) => m.id));
    const categoryIds = new Set(spec.categories.map((c) => c.id));
    const seenTasks = new Set<number>();
    spec.tasks.forEach((task, i) => {
      if (seenTasks.has(task.number))
        ctx.addIssue({
          code: "custom",
          path: ["tasks", i, "number"],
          message: `duplicate task ${task.number}`,
        });
      seenTasks.add(task.number);
      if (!measureIds.has(task.measure))
        ctx.addIssue({
          code: "custom",
          path: ["tasks", i, "measure"],
          message: `unknown measure ${task.measure}`,
        });
      task.obligations.forEach((o, j) => {
        o.categories.forEach((c, k) => {
          if (!categoryIds.has(c))
            ctx.addIssue({
              code: "custom",
              path: ["tasks", i, "obligations", j, "categories", k],
              message: `unknown category ${c}`,
            });
        });
        const needsCategories = o.kind === "concerned" || o.kind === "concerned-else-optional";
        if (needsCategories !== o.categories.length > 0)
          ctx.addIssue({
            code: "custom",
            path: ["tasks", i, "obligations", j, "categories"],
            message: `${o.kind} obligation ${needsCategories ? "needs" : "takes no"} categories`,
          });
        if ((o.kind === "national-only") === (o.line !== undefined))
          ctx.addIssue({
            code: "custom",
            path: ["tasks", i, "obligations", j, "line"],
            message: "a national-only task has no 省份 line; every other obligation has one",
          });
      });
    });
    const seenTargets = new Set<string>();
    spec.targets.forEach((t, i) => {
      if (seenTargets.has(t.id))
        ctx.addIssue({ code: "custom", path: ["targets", i, "id"], message: `duplicate target ${t.id}` });
      seenTargets.add(t.id);
      if (t.kind === "quantitative" && t.national?.reporter === "national-office" && t.scope !== "national")
        ctx.addIssue({
          code: "custom",
          path: ["targets", i, "national", "reporter"],
          message: "a target only the national office reports is judged nationally (scope national)",
        });
      if (t.source !== "main-goals" && !seenTasks.has(t.source.task))
        ctx.addIssue({
          code: "custom",
          path: ["targets", i, "source"],
          message: `unknown task ${t.source.task}`,
        });
    });
    spec.categories.forEach((c, i) => {
      if (c.requires !== undefined && !categoryIds.has(c.requires))
        ctx.addIssue({
          code: "custom",
          path: ["categories", i, "requires"],
          message: `unknown category ${c.requires}`,
        });
    });
    const unitIds = new Set<string>();
    spec.units.forEach((u, i) => {
      if (unitIds.has(u.id))
        ctx.addIssue({ code: "custom", path: ["units", i, "id"], message: `duplicate unit ${u.id}` });
      unitIds.add(u.id);
    });
  });
export type Spec = z.infer<typeof Spec>;

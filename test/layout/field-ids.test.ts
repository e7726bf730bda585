import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildLayout, resolveProfile } from "../../src/layout";
import { sourceFieldOf } from "../../src/layout/conditions";
import { fieldId, TASK_PART_ROLE, TASK_PARTS } from "../../src/layout/field-ids";
import { spec2019 } from "../helpers/specs";

const spec = spec2019();
const layout = buildLayout(spec, resolveProfile(spec, "江苏", ["ip-operation", "tisc-host"]));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("field ids: one home", () => {
  test("the constructors make the documented public forms", () => {
    expect(fieldId.cover("period")).toBe("cover.period");
    expect(fieldId.task(12, "status")).toBe("task.12.status");
    expect(fieldId.taskMetric(12, "recovered")).toBe("task.12.recovered");
    expect(fieldId.target("pledge-financing-growth", "actual")).toBe("target.pledge-financing-growth.actual");
    expect(fieldId.guideline("requirement-2", "evidence")).toBe("guideline.requirement-2.evidence");
    expect(fieldId.sourceOf("task.12.recovered")).toBe("task.12.recovered.source");
  });

  test("no other source file builds a field id from a template literal", () => {
    const root = join(__dirname, "..", "..", "src");
    const offenders = sources(root)
      .filter((file) => !file.endsWith("field-ids.ts"))
      .filter((file) => /`(task|target|guideline|cover)\.\$\{/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });

  test("every laid-out field carries the role its id's kind implies", () => {
    for (const f of layout.fields) {
      const [kind, , part] = f.id.split(".");
      if (kind === "cover") expect(f.role).toBe("cover");
      else if (kind === "guideline") expect(f.role).toBe("guideline");
      else if (f.id.endsWith(".source")) expect(f.role).toBe("source");
      else if (kind === "target") expect(f.role).toBe(f.type === "text" ? "target-text" : "target-figure");
      else if ((TASK_PARTS as readonly string[]).includes(part))
        expect(f.role).toBe(TASK_PART_ROLE[part as keyof typeof TASK_PART_ROLE]);
      else expect(f.role).toBe("task-metric");
    }
  });

  test("a figure's data source is found from the layout, not from the id's spelling", () => {
    const growth = fieldId.target("pledge-financing-growth", "growth");
    expect(sourceFieldOf(layout.fields, growth)).toBe(fieldId.target("pledge-financing-growth", "source"));
    expect(sourceFieldOf(layout.fields, "task.12.recovered")).toBe("task.12.recovered.source");
    expect(sourceFieldOf(layout.fields, fieldId.task(1, "status"))).toBeUndefined();
  });
});

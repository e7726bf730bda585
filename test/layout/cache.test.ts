import { buildLayout, resolveProfile } from "../../src/layout";
import { cachedLayout } from "../../src/layout/cache";
import { bundledSpecs, latestSpec } from "../../src/spec";

describe("cachedLayout: buildLayout memoized for reading", () => {
  const spec = latestSpec();
  const profile = resolveProfile(spec, "江苏", ["ip-protection-center"]);

  test("the same object for the same spec, unit, categories and language; equal to a fresh build", () => {
    const a = cachedLayout(spec, profile, "zh");
    expect(cachedLayout(spec, { ...profile, categories: [...profile.categories] }, "zh")).toBe(a);
    expect(a).toEqual(buildLayout(spec, profile, "zh"));
  });

  test("another language, profile, unit or spec version is another layout", () => {
    const a = cachedLayout(spec, profile, "zh");
    const others = [
      cachedLayout(spec, profile, "en"),
      cachedLayout(spec, { ...profile, categories: [] }, "zh"),
      cachedLayout(spec, resolveProfile(spec, "浙江", ["ip-protection-center"]), "zh"),
      cachedLayout(bundledSpecs()[0], profile, "zh"),
    ];
    for (const other of others) expect(other).not.toBe(a);
    expect(others[0]).toEqual(buildLayout(spec, profile, "en"));
    expect(others[3]).toEqual(buildLayout(bundledSpecs()[0], profile, "zh"));
  });

  test("a cached layout is frozen all the way down: changing it throws instead of changing the next reading", () => {
    const layout = cachedLayout(spec, profile, "zh");
    expect(Object.isFrozen(layout)).toBe(true);
    expect(Object.isFrozen(layout.fields[0])).toBe(true);
    expect(Object.isFrozen(layout.sheets[1].cells)).toBe(true);
    expect(() => {
      (layout.fields as unknown as unknown[]).push({});
    }).toThrow(TypeError);
    expect(() => {
      (layout.sheets[1].cells[0] as { value?: unknown }).value = "changed";
    }).toThrow(TypeError);
    expect(cachedLayout(spec, profile, "zh")).toEqual(buildLayout(spec, profile, "zh"));
  });
});

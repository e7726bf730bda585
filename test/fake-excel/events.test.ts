import { FakeExcel } from ".";

/** Worksheet change events, as Excel raises them: registered by a sync, raised after each edit, gated by set. */

type Args = Excel.WorksheetChangedEventArgs;

async function listen(fake: FakeExcel, sheet = "Sheet1"): Promise<Args[]> {
  const seen: Args[] = [];
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).onChanged.add(async (args) => {
      seen.push(args);
    });
    await ctx.sync();
  });
  return seen;
}

describe("worksheet.onChanged (ExcelApi 1.7)", () => {
  test("a handler added but not synced hears nothing; once synced it hears the user's edit, after the edit's turn", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    const early: Args[] = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (a) => {
        early.push(a);
      });
      fake.user.type("Sheet1", "A1", "before the sync");
      await fake.settle();
      expect(early).toEqual([]);
      await ctx.sync();
    });
    fake.user.type("Sheet1", "B2", "张三");
    expect(early).toHaveLength(0);
    await fake.settle();
    expect(early).toHaveLength(1);
    expect(early[0]).toMatchObject({
      type: "WorksheetChanged",
      address: "B2",
      changeType: "RangeEdited",
      source: "Local",
    });
    expect(early[0].worksheetId).toMatch(/^{sheet-\d+}$/);
  });

  test("is raised for the add-in's own writes too, with the whole range written", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    const seen = await listen(fake);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("C3:D4").values = [
        [1, 2],
        [3, 4],
      ];
      await ctx.sync();
    });
    await fake.settle();
    expect(seen.map((a) => a.address)).toEqual(["C3:D4"]);
  });

  test("hears only its own sheet", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7", sheets: ["甲", "乙"] });
    const seen = await listen(fake, "甲");
    fake.user.type("乙", "A1", "x");
    fake.user.type("甲", "A2", "y");
    await fake.settle();
    expect(seen.map((a) => a.address)).toEqual(["A2"]);
  });

  test("properties of newer sets throw on an Excel 2019 host: details (1.9), getRange (1.8), triggerSource (1.14)", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    const seen = await listen(fake);
    fake.user.type("Sheet1", "A1", "x");
    await fake.settle();
    const [args] = seen;
    expect(() => args.details).toThrow(/ApiNotFound/);
    expect(() => args.triggerSource).toThrow(/ApiNotFound/);
    await fake.run(async (ctx) => {
      expect(() => args.getRange(ctx)).toThrow(/ApiNotFound/);
    });
  });

  test("on a newer host, details give the single cell's value before and after", async () => {
    const fake = new FakeExcel({ apiVersion: "1.18" });
    fake.user.type("Sheet1", "A1", "旧");
    const seen = await listen(fake);
    fake.user.type("Sheet1", "A1", "新");
    await fake.settle();
    expect(seen[0].details).toMatchObject({ valueBefore: "旧", valueAfter: "新", valueTypeAfter: "String" });
    expect(seen[0].triggerSource).toBe("Unknown");
  });

  test("remove() takes effect at the next sync", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    const seen: Args[] = [];
    await fake.run(async (ctx) => {
      const result = ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (a) => {
        seen.push(a);
      });
      await ctx.sync();
      fake.user.type("Sheet1", "A1", "heard");
      result.remove();
      await ctx.sync();
    });
    fake.user.type("Sheet1", "A2", "not heard");
    await fake.settle();
    expect(seen.map((a) => a.address)).toEqual(["A1"]);
  });
});

describe("worksheets.onChanged (ExcelApi 1.9)", () => {
  test("is refused by Excel 2019 (1.7), which has only the per-sheet event", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.onChanged.add(async () => undefined);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("hears every sheet on a newer Excel", async () => {
    const fake = new FakeExcel({ apiVersion: "1.9", sheets: ["甲", "乙"] });
    const seen: string[] = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (a) => {
        seen.push(a.address);
      });
      await ctx.sync();
    });
    fake.user.type("乙", "C1", "x");
    fake.user.type("甲", "D1", "y");
    await fake.settle();
    expect(seen).toEqual(["C1", "D1"]);
  });

  test("a handler's failure is kept for the test to see (Excel would swallow it)", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async () => {
        throw new Error("handler broke");
      });
      await ctx.sync();
    });
    fake.user.type("Sheet1", "A1", "x");
    await fake.settle();
    expect(fake.handlerErrors).toHaveLength(1);
  });
});

import { FakeExcel } from ".";

/** The fake is stricter than Excel, never looser: each of these is a mistake it must catch. */

type Batch = Parameters<FakeExcel["run"]>[0];
const rejects = (fake: FakeExcel, batch: Batch, code: string) =>
  expect(fake.run(batch)).rejects.toMatchObject({ code });

describe("loading", () => {
  test("a property not loaded, or loaded but not yet synced, cannot be read", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(range.values).toEqual([
        ["", ""],
        ["", ""],
      ]);
      expect(() => range.formulas).toThrow(/PropertyNotLoaded/);
    });
  });

  test("a collection's items exist only after load and sync", async () => {
    const fake = new FakeExcel({ sheets: ["甲", "乙"] });
    await fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
      sheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["甲", "乙"]);
      expect(() => sheets.items[0].visibility).toThrow(/PropertyNotLoaded/);
    });
  });

  test("an *OrNullObject answers isNullObject after a sync, and refuses to be used further", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("没有").load("name");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(() => missing.name).toThrow(/null object/);
    });
    await rejects(
      fake,
      async (ctx) => {
        ctx.workbook.worksheets.getItemOrNullObject("没有").getRange("A1").load("values");
        await ctx.sync();
      },
      "InvalidOperation",
    );
  });

  test("getUsedRangeOrNullObject(true): the block of cells holding values, within the range; null when none", async () => {
    const fake = new FakeExcel();
    fake.user.type("Sheet1", "B2", "甲");
    fake.user.type("Sheet1", "D7", 5);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const whole = ws
        .getUsedRangeOrNullObject(true)
        .load("address,rowIndex,columnIndex,rowCount,columnCount");
      const part = ws.getRange("A1:C3").getUsedRangeOrNullObject(true).load("address,values");
      const none = ws.getRange("E1:F2").getUsedRangeOrNullObject(true).load("address");
      await ctx.sync();
      expect([whole.address, whole.rowIndex, whole.columnIndex, whole.rowCount, whole.columnCount]).toEqual([
        "Sheet1!B2:D7",
        1,
        1,
        6,
        3,
      ]);
      expect([part.address, part.values]).toEqual(["Sheet1!B2", [["甲"]]]);
      expect(none.isNullObject).toBe(true);
    });
  });

  test("custom/rule/formula through items fails when a rule of another type is there (office-js #2180)", async () => {
    const fake = new FakeExcel();
    fake.user.addConditionalFormat("Sheet1", "A1:A5", { type: "DataBar" });
    fake.user.addConditionalFormat("Sheet1", "B1", { type: "Custom", formula: "=B1>1", fill: "#FF0000" });
    await rejects(
      fake,
      async (ctx) => {
        ctx.workbook.worksheets
          .getItem("Sheet1")
          .getRange()
          .conditionalFormats.load("items/custom/rule/formula");
        await ctx.sync();
      },
      "InvalidOperation",
    );
    await fake.run(async (ctx) => {
      const rules = ctx.workbook.worksheets.getItem("Sheet1").getRange().conditionalFormats;
      rules.load("items/type,items/customOrNullObject/rule/formula");
      await ctx.sync();
      expect(rules.items.map((r) => [r.type, r.customOrNullObject.isNullObject])).toEqual([
        ["Custom", false],
        ["DataBar", true],
      ]);
      expect(rules.items[0].customOrNullObject.rule.formula).toBe("=B1>1");
    });
  });
});

describe("writing values", () => {
  test("a 2-D array of the wrong shape fails the sync, and nothing after it is applied", async () => {
    const fake = new FakeExcel();
    await rejects(
      fake,
      async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1:B2").values = [["a", "b"]];
        ws.getRange("C1").values = [["after"]];
        await ctx.sync();
      },
      "InvalidArgument",
    );
    expect(fake.snapshot().sheets[0].cells).toEqual({});
    expect(fake.syncs[0].failed).toBe("InvalidArgument");
  });

  test("'=…' becomes a formula in a General cell, and is recorded; in a text cell it stays text", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B1").numberFormat = [["@"]];
      ws.getRange("A1:B1").values = [["=1+1", "=1+1"]];
      await ctx.sync();
    });
    const cells = fake.snapshot().sheets[0].cells;
    expect(cells.A1.formula).toBe("=1+1");
    expect(cells.B1).toMatchObject({ value: "=1+1", numberFormat: "@" });
    expect(cells.B1.formula).toBeUndefined();
    expect(fake.coercions).toEqual([{ sheet: "Sheet1", cell: "A1", input: "=1+1", became: "formula" }]);
  });

  test("text that looks like a number or a date is converted in a General cell, kept in a text cell", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A2:C2").numberFormat = [["@", "@", "@"]];
      ws.getRange("A1:C2").values = [
        ["0012", "2019-12-31", "'0012"],
        ["0012", "2019-12-31", "TRUE"],
      ];
      await ctx.sync();
    });
    const cells = fake.snapshot().sheets[0].cells;
    expect([cells.A1.value, cells.B1.value, cells.C1.value]).toEqual([12, 43830, "0012"]);
    expect(cells.B1.numberFormat).toBe("yyyy-mm-dd");
    expect([cells.A2.value, cells.B2.value, cells.C2.value]).toEqual(["0012", "2019-12-31", "TRUE"]);
    expect(fake.coercions.map((c) => c.became)).toEqual(["number", "date"]);
  });

  test("null in a 2-D array leaves the cell alone; null for a whole property is invalid", async () => {
    const fake = new FakeExcel();
    fake.user.type("Sheet1", "A1", "原值");
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null, "新"]];
      await ctx.sync();
    });
    expect(fake.snapshot().sheets[0].cells.A1.value).toBe("原值");
    await rejects(
      fake,
      async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.color =
          null as unknown as string;
        await ctx.sync();
      },
      "InvalidArgument",
    );
  });

  test("operations queued after the last sync are an error, not an implicit flush", async () => {
    const fake = new FakeExcel();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("counting", () => {
  test("counts syncs and the size of what each sends and receives", async () => {
    const fake = new FakeExcel();
    const { syncs } = await fake.measure(() =>
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1:A100").values = Array.from({ length: 100 }, () => ["知识产权".repeat(25)]);
        await ctx.sync();
        ws.getRange("A1:A100").load("values");
        await ctx.sync();
      }),
    );
    expect(syncs).toHaveLength(2);
    expect(syncs[0].requestBytes).toBeGreaterThan(100 * 100);
    expect(syncs[1].requestBytes).toBeLessThan(200);
    expect(syncs[1].responseBytes).toBeGreaterThan(100 * 100);
  });

  test("a request over 5 MB fails, as Excel on the web refuses it", async () => {
    const fake = new FakeExcel();
    await rejects(
      fake,
      async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A6000").values = Array.from(
          { length: 6000 },
          () => ["x".repeat(1000)],
        );
        await ctx.sync();
      },
      "RequestPayloadSizeLimitExceeded",
    );
  });
});

describe("requirement sets", () => {
  test("isSetSupported follows the configured ExcelApi version", () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    expect(fake.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(fake.isSetSupported("ExcelApi", "1.8")).toBe(false);
    expect(fake.isSetSupported("ExcelApi", "1.10")).toBe(false);
    expect(fake.isSetSupported("WordApi", "1.1")).toBe(false);
    expect(new FakeExcel({ apiVersion: "1.10" }).isSetSupported("ExcelApi", "1.9")).toBe(true);
    const odd = new FakeExcel({ apiVersion: ["1.1", "1.2", "1.7", "1.18"] });
    expect([odd.isSetSupported("ExcelApi", "1.18"), odd.isSetSupported("ExcelApi", "1.10")]).toEqual([
      true,
      false,
    ]);
  });

  test("globals() stands in for window.Office and window.Excel", async () => {
    const fake = new FakeExcel({ apiVersion: "1.8" });
    const { Office, Excel } = fake.globals();
    expect(await Office.onReady()).toMatchObject({ host: "Excel" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["经由 globals"]];
      await ctx.sync();
    });
    expect(fake.snapshot().sheets[0].cells.A1.value).toBe("经由 globals");
  });

  test("a call from a newer set fails the sync with ApiNotFound", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    await rejects(
      fake,
      async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
          wholeNumber: { operator: "GreaterThan", formula1: 0 },
        };
        await ctx.sync();
      },
      "ApiNotFound",
    );
    await rejects(
      fake,
      async (ctx) => {
        ctx.workbook.notes.load("items/content");
        await ctx.sync();
      },
      "ApiNotFound",
    );
  });
});

describe("sheets", () => {
  test("a sheet added in this sync cannot be activated until the next (office-js #5118)", async () => {
    const fake = new FakeExcel();
    await rejects(
      fake,
      async (ctx) => {
        ctx.workbook.worksheets.add("新").activate();
        await ctx.sync();
      },
      "InvalidOperation",
    );
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("新2");
      await ctx.sync();
      ws.activate();
      await ctx.sync();
    });
    expect(fake.snapshot().sheets.find((s) => s.active)?.name).toBe("新2");
  });

  test("select() on a sheet that is not active fails; activate() first", async () => {
    const fake = new FakeExcel({ sheets: ["甲", "乙"] });
    await rejects(
      fake,
      async (ctx) => {
        ctx.workbook.worksheets.getItem("乙").getRange("B2").select();
        await ctx.sync();
      },
      "InvalidOperation",
    );
  });

  test("the active sheet cannot be hidden", async () => {
    const fake = new FakeExcel({ sheets: ["甲", "乙"] });
    await rejects(
      fake,
      async (ctx) => {
        ctx.workbook.worksheets.getItem("甲").visibility = "VeryHidden";
        await ctx.sync();
      },
      "InvalidOperation",
    );
  });

  test("a protected sheet refuses locked cells and rule changes, accepts unlocked cells", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B1").format.protection.locked = false;
      ws.protection.protect({ allowFormatColumns: true });
      ws.getRange("B1").values = [["ok"]];
      await ctx.sync();
    });
    for (const change of [
      (ws: Excel.Worksheet) => (ws.getRange("A1").values = [["no"]]),
      (ws: Excel.Worksheet) => ws.getRange("B1").conditionalFormats.add("Custom"),
      (ws: Excel.Worksheet) => (ws.getRange("B1").format.fill.color = "#FF0000"),
      (ws: Excel.Worksheet) => ws.protection.protect(),
    ]) {
      await expect(
        fake.run(async (ctx) => {
          change(ctx.workbook.worksheets.getItem("Sheet1"));
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: expect.stringMatching(/AccessDenied|InvalidOperation/) });
    }
    expect(fake.snapshot().sheets[0].cells.B1.value).toBe("ok");
  });

  test("a name whose sheet was deleted reads =#REF!, and has no range", async () => {
    const fake = new FakeExcel({ sheets: ["甲", "乙"] });
    await fake.run(async (ctx) => {
      ctx.workbook.names.add("F_x", ctx.workbook.worksheets.getItem("乙").getRange("C3"));
      await ctx.sync();
    });
    expect(fake.snapshot().names).toEqual([{ name: "F_x", formula: "=乙!$C$3" }]);
    fake.user.deleteSheet("乙");
    await fake.run(async (ctx) => {
      const names = ctx.workbook.names.load("items/name,items/type,items/formula");
      await ctx.sync();
      expect(names.items.map((n) => [n.type, n.formula])).toEqual([["Error", "=#REF!"]]);
    });
    await rejects(
      fake,
      async (ctx) => {
        ctx.workbook.names.getItem("F_x").getRange().load("values");
        await ctx.sync();
      },
      "InvalidOperation",
    );
  });
});

describe("rules and merges", () => {
  test("a new conditional format goes on top of the others", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      for (const formula of ["=A1=1", "=A1=2"])
        ws.getRange("A1").conditionalFormats.add("Custom").custom.rule.formula = formula;
      await ctx.sync();
    });
    expect(fake.snapshot().sheets[0].conditionalFormats.map((c) => c.formula)).toEqual(["=A1=2", "=A1=1"]);
  });

  test("a validation's prompt needs its rule first, and a second rule needs clear()", async () => {
    const fake = new FakeExcel();
    await rejects(
      fake,
      async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.prompt = {
          showPrompt: true,
          title: "t",
          message: "m",
        };
        await ctx.sync();
      },
      "InvalidOperation",
    );
    await rejects(
      fake,
      async (ctx) => {
        const dv = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: "=B1:B3" } };
        dv.rule = { list: { inCellDropDown: true, source: "=C1:C3" } };
        await ctx.sync();
      },
      "InvalidOperation",
    );
  });

  test("a literal list over 255 characters is refused (it corrupts files)", async () => {
    const fake = new FakeExcel();
    await rejects(
      fake,
      async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
          list: { inCellDropDown: true, source: Array.from({ length: 60 }, (_, i) => `选项${i}`).join(",") },
        };
        await ctx.sync();
      },
      "InvalidArgument",
    );
  });

  test("merging keeps the top-left value and gives its format to the whole area", async () => {
    const fake = new FakeExcel();
    fake.user.type("Sheet1", "A1", "标题");
    fake.user.type("Sheet1", "B1", "丢弃");
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").format.fill.color = "#1F4E79";
      ws.getRange("A1:C1").merge(false);
      await ctx.sync();
    });
    const sheet = fake.snapshot().sheets[0];
    expect(sheet.merges).toEqual(["A1:C1"]);
    expect([sheet.cells.A1.value, sheet.cells.B1.value, sheet.cells.C1.fill]).toEqual([
      "标题",
      null,
      "#1F4E79",
    ]);
  });
});

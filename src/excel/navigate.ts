/**
 * Goes to a cell: activate the sheet first, then select (TRAPS: select() on a sheet that is not active is
 * unreliable, office-js #5118, #930). One sync.
 */
export async function selectCell(ctx: Excel.RequestContext, sheetName: string, cell: string): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(sheetName);
  ws.activate();
  ws.getRange(cell).select();
  await ctx.sync();
}

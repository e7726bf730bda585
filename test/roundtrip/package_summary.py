"""What a spreadsheet program keeps of a report besides its values, read by openpyxl (a reader we did not write):
sheet states, protection, unlocked cells, print setup, defined names, data validations, conditional formats (in
document order) and the values of the named cells. One JSON object per file, for field-by-field comparison."""
import json
import sys

import openpyxl


def norm_ref(text):
    # Programs differ in quoting a sheet name that needs none ('_lists'!$A$1 vs _lists!$A$1).
    return None if text is None else str(text).replace("'", "").lstrip("=")


def summary(path):
    wb = openpyxl.load_workbook(path)
    out = {"sheets": [], "names": {}, "values": {}}
    for dn in wb.defined_names.definedName:  # openpyxl 3.0 (Debian 12)
        if dn.localSheetId is None:
            out["names"][dn.name] = norm_ref(dn.attr_text)
    for ws in wb.worksheets:
        ps, po, pr = ws.page_setup, ws.print_options, ws.sheet_properties.pageSetUpPr
        unlocked = sorted(
            c.coordinate for row in ws.iter_rows() for c in row if c.protection is not None and c.protection.locked is False
        )
        sheet = {
            "name": ws.title,
            "state": ws.sheet_state,
            "protected": bool(ws.protection.sheet),
            "protection": {
                k: bool(getattr(ws.protection, k))
                for k in ("formatCells", "formatColumns", "formatRows", "insertRows", "deleteRows", "sort", "autoFilter")
            },
            "unlocked": unlocked,
            "print": {
                "orientation": ps.orientation,
                "paperSize": None if ps.paperSize is None else int(ps.paperSize),
                "fitToPage": bool(pr.fitToPage) if pr is not None else False,
                "fitToWidth": None if ps.fitToWidth is None else int(ps.fitToWidth),
                "fitToHeight": None if ps.fitToHeight is None else int(ps.fitToHeight),
                "horizontalCentered": bool(po.horizontalCentered),
                "useFirstPageNumber": bool(ps.useFirstPageNumber),
                "titleRows": ws.print_title_rows,
                "footer": ws.oddFooter.left.text or "",
            },
            "validations": sorted(
                [
                    str(dv.sqref),
                    dv.type,
                    norm_ref(dv.formula1),
                    bool(dv.allow_blank),
                    bool(dv.showInputMessage),
                    bool(dv.showErrorMessage),
                ]
                for dv in ws.data_validations.dataValidation
            ),
            # Document order is what LibreOffice and WPS apply: the first matching rule wins.
            "conditionalFormats": [
                [str(cf.sqref), rule.type, [norm_ref(f) for f in rule.formula]]
                for cf in ws.conditional_formatting
                for rule in sorted(cf.rules, key=lambda r: r.priority)
            ],
            "priorities": [rule.priority for cf in ws.conditional_formatting for rule in cf.rules],
        }
        out["sheets"].append(sheet)
    for name, ref in out["names"].items():
        if not name.startswith("F_") or "!" not in ref:
            continue
        sheet, cell = ref.rsplit("!", 1)
        if sheet in wb.sheetnames:
            value = wb[sheet][cell.replace("$", "")].value
            out["values"][name] = value.isoformat()[:10] if hasattr(value, "isoformat") else value
    return out


print(json.dumps({p: summary(p) for p in sys.argv[1:]}, ensure_ascii=False, default=str))

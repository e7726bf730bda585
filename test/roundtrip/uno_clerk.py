"""A clerk filling a report in LibreOffice Calc, driven through Python UNO: opens the workbook in a running
soffice (started with --accept on a pipe), types each entry into the cell its defined name points at, saves as
.xlsx ("Calc MS Excel 2007 XML", or FILTER) and closes it. Usage: uno_clerk.py PIPE IN OUT ENTRIES.json [FILTER], where an
entry is {"name": "F_task_2_status", "how": "list" | "string" | "value" | "formula", "value": ...}; "list" picks
the value from the cell's own dropdown list and fails if it is not offered. Prints what each dropdown offered."""
import json
import os
import sys

import uno

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "helpers"))
from uno_common import connect, prop  # noqa: E402


def referred(doc, formula):
    """The cells a validation list source names: a defined name or a range like $_lists.$A$1:$A$4."""
    text = formula.lstrip("=")
    names = doc.NamedRanges
    if names.hasByName(text):
        return names.getByName(text).getReferredCells()
    sheet, rng = text.replace("$", "").replace("'", "").rsplit(".", 1) if "." in text else text.replace("$", "").replace("'", "").rsplit("!", 1)
    return doc.Sheets.getByName(sheet).getCellRangeByName(rng)


def main():
    pipe, src, out, entries_file = sys.argv[1:5]
    save_filter = sys.argv[5] if len(sys.argv) > 5 else "Calc MS Excel 2007 XML"
    src, out = os.path.abspath(src), os.path.abspath(out)
    entries = json.load(open(entries_file, encoding="utf-8"))
    desktop = connect(pipe)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
    offered = {}
    try:
        for e in entries:
            cell = doc.NamedRanges.getByName(e["name"]).getReferredCells().getCellByPosition(0, 0)
            how, value = e["how"], e["value"]
            if how == "list":
                validation = cell.Validation
                source = referred(doc, validation.getFormula1())
                options = [row[0] for row in source.getDataArray() if row[0] != ""]
                offered[e["name"]] = {"formula": validation.getFormula1(), "options": options}
                if value not in options:
                    raise RuntimeError(f"{e['name']}: {value!r} is not in its dropdown {options}")
                cell.setString(value)
            elif how == "string":
                cell.setString(value)
            elif how == "value":
                cell.setValue(value)
            elif how == "formula":
                cell.setFormula(value)
            else:
                raise ValueError(how)
        doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", save_filter), prop("Overwrite", True)))
    finally:
        doc.close(True)
    print(json.dumps({"offered": offered}, ensure_ascii=False))


main()

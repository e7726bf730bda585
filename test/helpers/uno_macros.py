"""Macro-enabled workbooks through LibreOffice's Python UNO, in a running soffice (started with --accept on a pipe).

uno_macros.py PIPE make IN OUT MODULE CODE: opens IN, adds a VBA module MODULE with CODE to the document's VBA
project and saves it as OUT with "Calc MS Excel 2007 VBA XML" (.xlsm), so LibreOffice writes xl/vbaProject.bin.
uno_macros.py PIPE list FILE...: prints, per file, the Basic libraries LibreOffice loaded from it and each
module's code: {"FILE": {"VBAProject": {"Module": "code"}}}."""
import json
import os
import sys

import uno

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from uno_common import connect, prop  # noqa: E402
from com.sun.star.script import ModuleInfo
from com.sun.star.script.ModuleType import NORMAL


def load(desktop, path):
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))


def make(desktop, src, out, module, code):
    doc = load(desktop, src)
    try:
        libs = doc.BasicLibraries
        # LibreOffice exports a VBA project only from a library container in VBA mode, and only modules that
        # carry VBA module info.
        libs.VBACompatibilityMode = True
        libs.ProjectName = "VBAProject"
        lib = libs.getByName("VBAProject") if libs.hasByName("VBAProject") else libs.createLibrary("VBAProject")
        info = ModuleInfo()
        info.ModuleType = NORMAL
        lib.insertModuleInfo(module, info)
        lib.insertByName(module, f'Attribute VB_Name = "{module}"\n{code}')
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Calc MS Excel 2007 VBA XML"),))
    finally:
        doc.close(True)
    return True


def modules(desktop, path):
    doc = load(desktop, path)
    try:
        libs = doc.BasicLibraries
        found = {}
        for name in libs.getElementNames():
            libs.loadLibrary(name)
            lib = libs.getByName(name)
            found[name] = {m: lib.getByName(m) for m in lib.getElementNames()}
        return found
    finally:
        doc.close(True)


def main():
    pipe, command, *args = sys.argv[1:]
    desktop = connect(pipe)
    if command == "make":
        print(json.dumps(make(desktop, *args)))
    else:
        print(json.dumps({path: modules(desktop, path) for path in args}))


main()

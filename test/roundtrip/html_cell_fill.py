"""The fill LibreOffice shows in cells, as its HTML export writes it: that export applies each cell's conditional
formats (the first matching rule in document order, as on screen), so it says which highlight a reviewer sees.
Usage: html_cell_fill.py FILE.html 'Sheet!A1'... -> JSON {"Sheet!A1": "#FF5B5B" | null}."""
import json
import re
import sys
from html.parser import HTMLParser


class Tables(HTMLParser):
    """Each sheet's table (after its <h1>Sheet n: <em>name</em></h1>), cell fills by (row, column), spans resolved."""

    def __init__(self):
        super().__init__()
        self.sheets, self.current, self.grid = {}, None, None
        self.row, self.col, self.taken, self.in_h1, self.h1 = -1, 0, set(), False, ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "h1":
            self.in_h1, self.h1 = True, ""
        elif tag == "table" and self.current:
            self.grid, self.row, self.taken = {}, -1, set()
            self.sheets[self.current] = self.grid
        elif tag == "tr" and self.grid is not None:
            self.row, self.col = self.row + 1, 0
        elif tag == "td" and self.grid is not None:
            while (self.row, self.col) in self.taken:
                self.col += 1
            cols, rows = int(a.get("colspan", 1)), int(a.get("rowspan", 1))
            for r in range(rows):
                for c in range(cols):
                    self.taken.add((self.row + r, self.col + c))
            self.grid[(self.row, self.col)] = (a.get("bgcolor") or "").upper() or None
            self.col += cols

    def handle_endtag(self, tag):
        if tag == "h1":
            self.in_h1 = False
            m = re.search(r": (.*)$", self.h1)
            self.current = m.group(1) if m else None
        elif tag == "table":
            self.grid = None

    def handle_data(self, data):
        if self.in_h1:
            self.h1 += data


def position(address):
    m = re.match(r"([A-Z]+)(\d+)$", address)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


tables = Tables()
tables.feed(open(sys.argv[1], encoding="utf-8").read())
out = {}
for ref in sys.argv[2:]:
    sheet, address = ref.rsplit("!", 1)
    out[ref] = tables.sheets.get(sheet, {}).get(position(address))
print(json.dumps(out, ensure_ascii=False))

#!/usr/bin/env python3
"""Writes variants of progress.xlsx (zipfile alone, no openpyxl) for
tests/c/io/test_xlsx_errors.c, into the folder given (default: this one):

  date1904.xlsx     the 1904 date system (workbookPr date1904="1"), its serials
                    shifted by 1462 days: the same dates as progress.xlsx
  noworkbook.xlsx   a zip without xl/workbook.xml
  badref.xlsx       the first sheet's cell B2 referenced as "2B"
  badshared.xlsx    the first sheet's B2 a shared string (index 99) of a
                    workbook that has none
  nosheet.xlsx      a workbook whose first sheet's part is not in the zip
"""
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHEET = "xl/worksheets/sheet1.xml"


def variant(src, dst, change, drop=None):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename == drop:
                continue
            data = zin.read(item.filename)
            zout.writestr(item.filename, change(item.filename, data))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    src = os.path.join(HERE, "progress.xlsx")

    def date1904(name, data):
        if name == "xl/workbook.xml":
            return data.replace(b"<workbookPr/>", b'<workbookPr date1904="1"/>')
        if name == SHEET:
            return data.replace(b"<v>40497</v>", b"<v>39035</v>").replace(b"<v>40512</v>", b"<v>39050</v>")
        return data

    def badref(name, data):
        return data.replace(b'<c r="B2" t="inlineStr">', b'<c r="2B" t="inlineStr">') if name == SHEET else data

    def badshared(name, data):
        if name != SHEET:
            return data
        return data.replace(b'<c r="B2" t="inlineStr"><is><t>kuangguan</t></is></c>', b'<c r="B2" t="s"><v>99</v></c>')

    variant(src, os.path.join(out, "date1904.xlsx"), date1904)
    variant(src, os.path.join(out, "noworkbook.xlsx"), lambda n, d: d, drop="xl/workbook.xml")
    variant(src, os.path.join(out, "badref.xlsx"), badref)
    variant(src, os.path.join(out, "badshared.xlsx"), badshared)
    variant(src, os.path.join(out, "nosheet.xlsx"), lambda n, d: d, drop=SHEET)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the xlsx fixtures of the xlsx-in tests (openpyxl, as a bureau's
spreadsheet would be saved), into the folder given (default: this one):

  progress.xlsx   sheet 进度: a progress table with a date cell, a text date,
                  an unformatted date serial, Chinese and non-BMP text and a
                  formula-looking text; sheet 第二批: a row whose percent is bad
  malformed.xlsx  progress.xlsx with its first sheet's XML cut short
  bomb.xlsx       a sheet of 64 MiB of spaces, deflated about 1000:1
  notzip.xlsx     text, not a zip

make_xlsx.py --big N OUT.xlsx writes a progress sheet of N rows straight
(zipfile, no openpyxl: its XML is streamed into the zip), for measuring the
import's memory: /usr/bin/time -v campaign progress import OUT.xlsx.
"""
import datetime
import os
import sys
import zipfile

import openpyxl

HEADER = ["outcome", "unit", "status", "percent", "date", "note"]
NOTE = "=1+1 𠀋 中文"


def progress(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "进度"
    ws.append(HEADER)
    ws.append(["t1.2.o1", "kuangguan", "in_progress", 10, datetime.date(2010, 11, 15), NOTE])
    ws["F2"].data_type = "s"  # text, not a formula: openpyxl reads "=..." as one
    ws.append([])  # an empty row is skipped
    ws.append(["t1.2.o1", "矿管科", "in_progress", 20, "2010/11/20", None])
    ws.append(["t1.2.o1", "kuangguan", "done", 100, 40512, "序列号日期"])  # 2010-11-30, no date style
    ws2 = wb.create_sheet("第二批")
    ws2.append(HEADER)
    ws2.append(["t1.2.o1", "kuangguan", "in_progress", 10, datetime.date(2010, 11, 16), None])
    ws2.append(["t1.2.o1", "kuangguan", "in_progress", 130, datetime.date(2010, 11, 17), None])
    wb.save(path)


def rewrite(src, dst, member, data):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, data if item.filename == member else zin.read(item.filename))


def big(n, path):
    from xml.sax.saxutils import escape
    base = "xl/"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr(base + "workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<sheets><sheet name="进度" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr(base + "_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open(base + "worksheets/sheet1.xml", "w") as f:
            f.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            f.write(("<row r=\"1\">" + "".join('<c t="inlineStr"><is><t>%s</t></is></c>' % h for h in HEADER) + "</row>").encode())
            for k in range(2, n + 2):
                pct = k % 99 + 1
                row = ('<row r="%d"><c r="A%d" t="inlineStr"><is><t>t1.2.o1</t></is></c><c r="B%d" t="inlineStr"><is><t>kuangguan</t></is></c>'
                       '<c r="C%d" t="inlineStr"><is><t>in_progress</t></is></c><c r="D%d"><v>%d</v></c><c r="E%d"><v>%d</v></c>'
                       '<c r="F%d" t="inlineStr"><is><t>%s</t></is></c></row>' % (k, k, k, k, k, pct, k, 40452 + k % 400, k, escape("第%d次报告" % k)))
                f.write(row.encode())
            f.write(b"</sheetData></worksheet>")


def main(folder):
    p = os.path.join(folder, "progress.xlsx")
    progress(p)
    with zipfile.ZipFile(p) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    rewrite(p, os.path.join(folder, "malformed.xlsx"), "xl/worksheets/sheet1.xml", sheet[:len(sheet) // 2])
    rewrite(p, os.path.join(folder, "bomb.xlsx"), "xl/worksheets/sheet1.xml", b" " * (64 << 20))
    with open(os.path.join(folder, "notzip.xlsx"), "w") as f:
        f.write("outcome,unit\n")


if __name__ == "__main__" and sys.argv[1:2] == ["--big"]:
    big(int(sys.argv[2]), sys.argv[3])
elif __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))

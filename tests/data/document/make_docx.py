#!/usr/bin/env python3
"""Builds a .docx of a plan document's text as Word saves one: every
numbered line's label taken out of its text and given to Word's automatic
numbering (word/numbering.xml: chineseCounting "%1、" and "(%1)", decimal
"%1." and "(%1)", a list restarted where the text starts again at 1), the
first-level headings in a heading style, and optionally a table.

    make_docx.py PLAN.txt OUT.docx [--table] [--multilevel]

--table appends a task table (rows of cells); --multilevel numbers 一、 /
1、 / ① as the three levels of one multi-level list (ilvl 0..2, deeper
levels restarting as Word restarts them) rather than a list per level.
It wrote tests/data/document/seed.docx from the seed's text,
seed-table.docx with --table, and county-2012.docx from county-2012.txt with
--table --multilevel."""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CN = "一二三四五六七八九十"
# level: (pattern, numFmt, lvlText)
LEVELS = [
    (re.compile(r"^([一二三四五六七八九十]+)、"), "chineseCounting", "%1、"),
    (re.compile(r"^\(([一二三四五六七八九十]+)\)"), "chineseCounting", "(%1)"),
    (re.compile(r"^(\d+)\.\s?"), "decimal", "%1."),
    (re.compile(r"^\((\d+)\)"), "decimal", "(%1)"),
    (re.compile(r"^(\d+)、"), "decimal", "%1、"),
    (re.compile(r"^([①-⑳])"), "decimalEnclosedCircle", "%1"),
]
# --multilevel: the patterns (by index in LEVELS) that are levels 0, 1, 2 of one list
MULTI = [0, 4, 5]
MULTI_NUM = 1000


def cn_value(s):
    if "①" <= s <= "⑳":
        return ord(s) - ord("①") + 1
    if s.isdigit():
        return int(s)
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + CN.index(s[1]) + 1
    if len(s) == 2 and s[1] == "十":
        return (CN.index(s[0]) + 1) * 10
    if len(s) == 3:
        return (CN.index(s[0]) + 1) * 10 + CN.index(s[2]) + 1
    return CN.index(s) + 1


def multilevel(k, n, text, current):
    """(text, numId, ilvl) in the one multi-level list, or None when Word would number it otherwise."""
    counts = current.setdefault("multi", [0, 0, 0])
    if counts[k] + 1 != n or any(c == 0 for c in counts[:k]):
        return None
    counts[k] = n
    for j in range(k + 1, 3):
        counts[j] = 0  # a deeper level starts again
    return (text, MULTI_NUM, k)


def numbered(line, nums, current, multi=False):
    """(text, numId, level) for a line Word's numbering can label, else None (kept as typed)."""
    for lvl, (pat, _, _) in enumerate(LEVELS):
        m = pat.match(line)
        if not m:
            continue
        n = cn_value(m.group(1))
        if multi and lvl in MULTI:
            return multilevel(MULTI.index(lvl), n, line[m.end():], current)
        num, count = current.get(lvl, (None, 0))
        if n == 1 and (num is None or count):
            nums.append((len(nums) + 1, lvl))  # the list starts again: a new instance
            num, count = len(nums), 0
        if num is None or count + 1 != n:
            return None  # out of sequence
        current[lvl] = (num, n)
        return (line[m.end():], num, lvl)
    return None


def build(lines, multi=False):
    nums = []  # (numId, level, restart)
    current = {}  # level -> (numId, count)
    paras = []
    for line in lines:
        paras.append(numbered(line, nums, current, multi) or (line, None, None))
    return nums, paras


def run(text):
    # a tab in the text is Word's tab, not a character
    parts = text.split("\t")
    out = []
    for k, p in enumerate(parts):
        if k:
            out.append("<w:tab/>")
        if p:
            out.append('<w:t xml:space="preserve">%s</w:t>' % escape(p))
    return "<w:r>%s</w:r>" % "".join(out)


def paragraph(text, num=None, lvl=None):
    ppr = ""
    if num == MULTI_NUM and lvl == 0:
        ppr = '<w:pPr><w:pStyle w:val="ListHeading"/></w:pPr>'  # numbered by its style
    elif num == MULTI_NUM:
        ppr = '<w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>' % (lvl, num)
    elif num is not None and lvl == 0:
        ppr = '<w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr></w:pPr>' % num
    elif num is not None:
        ppr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr></w:pPr>' % num
    return "<w:p>%s%s</w:p>" % (ppr, run(text))


def table(rows):
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>']
    for r in rows:
        out.append("<w:tr>" + "".join("<w:tc>%s</w:tc>" % paragraph(c) for c in r) + "</w:tr>")
    return "".join(out) + "</w:tbl>"


def numbering(nums):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering %s>' % W]
    for lvl, (_, fmt, text) in enumerate(LEVELS):
        out.append('<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="singleLevel"/>'
                   '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>'
                   '<w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>' % (lvl, fmt, escape(text)))
    out.append('<w:abstractNum w:abstractNumId="99"><w:multiLevelType w:val="multilevel"/>')
    for k, lvl in enumerate(MULTI):
        _, fmt, _ = LEVELS[lvl]
        text = LEVELS[lvl][2].replace("%1", "%%%d" % (k + 1))
        out.append('<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>'
                   '<w:suff w:val="nothing"/></w:lvl>' % (k, fmt, escape(text)))
    out.append('</w:abstractNum><w:num w:numId="%d"><w:abstractNumId w:val="99"/></w:num>' % MULTI_NUM)
    for num, lvl in nums:
        out.append('<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>'
                   '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' % (num, lvl))
    return "".join(out) + "</w:numbering>"


STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles %s>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="ListHeading"><w:name w:val="List Heading"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
          '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>' % (W, MULTI_NUM))
CONTENT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
           '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
           '<Default Extension="xml" ContentType="application/xml"/>'
           '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
           '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
           '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')


def main(src, out, with_table, multi):
    lines = open(src, encoding="utf-8").read().split("\n")
    nums, paras = build(lines, multi)
    body = [paragraph(*p) for p in paras]
    if with_table:
        body.append(table([["序号", "工作任务", "牵头单位", "完成时限"],
                           ["1", "廉政风险点排查", "监察室", "2010年11月底"],
                           ["2", "自查自纠", "各科室", "12月中旬"]]))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s'
           '<w:sectPr/></w:body></w:document>' % (W, "".join(body)))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/document.xml", doc)
        z.writestr("word/numbering.xml", numbering(nums))
        z.writestr("word/styles.xml", STYLES)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--table" in sys.argv[3:], "--multilevel" in sys.argv[3:])

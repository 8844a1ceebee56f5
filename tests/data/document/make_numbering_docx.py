#!/usr/bin/env python3
"""Writes numbering-formats.docx for tests/c/document/test_docx_numbering.c:
one list per numbering format the reader spells out (upperLetter from 26,
lowerRoman from 4, upperRoman from 1999, chineseCounting from 11, 99 and
105, a bullet list), a paragraph with a tab and a line break in its run.

    make_numbering_docx.py [OUT.docx]   (default: next to this script)"""
import os
import sys
import zipfile

from make_docx import CONTENT, DOC_RELS, RELS, STYLES, W

# numId: (numFmt, lvlText, start, texts)
LISTS = {
    1: ("upperLetter", "%1.", 26, ["甲", "乙"]),
    2: ("lowerRoman", "(%1)", 4, ["丙", "丁"]),
    3: ("upperRoman", "%1.", 1999, ["戊"]),
    4: ("chineseCounting", "%1、", 11, ["己", "庚"]),
    5: ("chineseCounting", "%1、", 99, ["辛", "壬"]),
    6: ("chineseCounting", "%1、", 105, ["癸"]),
    7: ("bullet", "•", 1, ["子"]),
}


def main(out):
    num = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering %s>' % W]
    for n, (fmt, text, start, _) in LISTS.items():
        num.append('<w:abstractNum w:abstractNumId="%d"><w:lvl w:ilvl="0"><w:start w:val="%d"/>'
                   '<w:numFmt w:val="%s"/><w:lvlText w:val="%s"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
                   % (n, start, fmt, text))
    for n in LISTS:
        num.append('<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>' % (n, n))
    num.append("</w:numbering>")
    body = []
    for n, (_, _, _, texts) in LISTS.items():
        for t in texts:
            body.append('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr></w:pPr>'
                        '<w:r><w:t>%s</w:t></w:r></w:p>' % (n, t))
    body.append('<w:p><w:r><w:t>左</w:t><w:tab/><w:t>右</w:t><w:br/><w:t>下</w:t></w:r></w:p>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s'
           '<w:sectPr/></w:body></w:document>' % (W, "".join(body)))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/document.xml", doc)
        z.writestr("word/numbering.xml", "".join(num))
        z.writestr("word/styles.xml", STYLES)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "numbering-formats.docx"))

"""A small WordprocessingML writer for the form templates (stdlib only, deterministic).

It writes documents laid out after GB/T 9704-2012: A4, top margin 37 mm, left (binding) 28 mm,
text block 156 x 225 mm, body 3号仿宋_GB2312 (16 pt) on a 22-line grid, title 2号方正小标宋简体,
headings 一、 in 黑体 and （一） in 楷体_GB2312, page numbers 4号宋体 "— 1 —" (odd pages right,
even pages left, none on the cover). Latin text and digits use Times New Roman.

Used by scripts/make_templates.py; see docs/forms.md.
"""
import hashlib
import io
import re
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# GB/T 9704-2012 page geometry in twips (1 mm = 56.6929 twips).
PAGE_W, PAGE_H = 11906, 16838
MARGIN_TOP, MARGIN_BOTTOM = 2098, 1984      # 37 mm, 35 mm
MARGIN_LEFT, MARGIN_RIGHT = 1587, 1474      # 28 mm, 26 mm
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 8845 twips; tables use 8844 (156 mm)
TABLE_W = 8844
HEADER_DIST, FOOTER_DIST = 851, 1247        # 15 mm, 22 mm (page number 7 mm under the block)
BODY_LINE = 579                             # 225 mm / 22 lines, exact

FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"
LATIN = "Times New Roman"
# Every □/☑ box is set in this one face, for all scripts (ascii, hAnsi, eastAsia): □ alone is a
# "neutral" character that LibreOffice sets in the Latin face after a Latin run (a small DejaVu box)
# and in the CJK face after a full-width space (a large Noto box), and ☑ is in no CJK face at all.
# Segoe UI Symbol has both on every Windows; shenbao's PDF stage maps it to DejaVu Sans, which has
# both too (ShenbaoPDF/FontSubstitution.swift), so a row's boxes are one size, ticked or not.
BOX_FONT = "Segoe UI Symbol"

# Font sizes in half-points.
SIZE_2HAO, SIZE_3HAO, SIZE_4HAO, SIZE_XIAO4, SIZE_5HAO = 44, 32, 28, 24, 21

FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
FIXED_ISO_TIME = "2024-01-01T00:00:00Z"


def x(text):
    """Escape text for an XML attribute value."""
    return escape(text, {'"': "&quot;"})


def xt(text):
    """Escape text for an XML text node (quotes stay literal, as Word writes them)."""
    return escape(text)


# --- runs and paragraphs ---------------------------------------------------------------------

def R(text, font=None, sz=None, b=False, u=False, color=None, spacing=None, all_scripts=None):
    """A run holding `text` (one tag per run is kept intact); '\n' becomes a line break.
    `all_scripts` sets one face for Latin and East Asian text alike (the checkbox glyphs)."""
    props = []
    if all_scripts:
        f = x(all_scripts)
        props.append(f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}" w:hint="eastAsia"/>')
    elif font:
        props.append(f'<w:rFonts w:eastAsia="{x(font)}" w:hint="eastAsia"/>')
    if b:
        props.append("<w:b/><w:bCs/>")
    if color:
        props.append(f'<w:color w:val="{color}"/>')
    if spacing is not None:
        props.append(f'<w:spacing w:val="{spacing}"/>')
    if sz:
        props.append(f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>')
    if u:
        props.append('<w:u w:val="single"/>')
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{xt(piece)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def PAGE_BREAK():
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def P(*runs, style=None, jc=None, ind=None, before=None, after=None, line=None, keep=False,
      sz=None, page_before=False, tabs=None):
    """A paragraph. `runs` are strings (plain runs) or run XML from R(). `ind` is a dict of
    w:ind attributes (e.g. {"firstLineChars": 200}); `line` is (value, rule)."""
    ppr = []
    if style:
        ppr.append(f'<w:pStyle w:val="{style}"/>')
    if keep:
        ppr.append("<w:keepNext/>")
    if page_before:
        ppr.append("<w:pageBreakBefore/>")
    if tabs:
        ppr.append("<w:tabs>" + "".join(f'<w:tab w:val="left" w:pos="{t}"/>' for t in tabs) + "</w:tabs>")
    if before is not None or after is not None or line is not None:
        attrs = ""
        if before is not None:
            attrs += f' w:before="{before}"'
        if after is not None:
            attrs += f' w:after="{after}"'
        if line is not None:
            attrs += f' w:line="{line[0]}" w:lineRule="{line[1]}"'
        ppr.append(f"<w:spacing{attrs}/>")
    if ind is not None:
        ppr.append("<w:ind " + " ".join(f'w:{k}="{v}"' for k, v in ind.items()) + "/>")
    if jc:
        ppr.append(f'<w:jc w:val="{jc}"/>')
    if sz:
        ppr.append(f'<w:rPr><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr>')
    body = "".join(r if r.startswith("<w:r>") else R(r, sz=sz) for r in runs)
    ppr_xml = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
    return f"<w:p>{ppr_xml}{body}</w:p>"


# --- tables ----------------------------------------------------------------------------------

class Cell:
    def __init__(self, *paras, span=1, vmerge=None, shade=False, valign="center", width=None,
                 underline=False):
        self.paras = [p if p.startswith("<w:p") or p.startswith("<w:tbl") else P(p, style="TableLabel")
                      for p in paras] or [P(style="TableText")]
        self.span = span
        self.vmerge = vmerge      # "restart", "continue" or None
        self.shade = shade
        self.valign = valign
        self.width = width
        self.underline = underline  # a bottom border only (cover fields in a borderless table)


def Label(text, span=1, vmerge=None, shade=True, style="TableLabel"):
    """A label cell: centred, bold, lightly shaded, as printed forms show field names."""
    return Cell(P(R(text, b=True), style=style), span=span, vmerge=vmerge, shade=shade)


def Value(*runs, span=1, style="TableText", jc=None, valign="center"):
    return Cell(P(*runs, style=style, jc=jc), span=span, valign=valign)


def Row(*cells, h=None, exact=False, header=False, cant_split=True, keep=False):
    """A table row; `keep=True` keeps it on the page of the next row (keepNext on its paragraphs),
    so a heading and the first rows of a short table do not part."""
    return (list(cells), h, exact, header, cant_split, keep)


def _keep_next(para_xml):
    if "<w:keepNext/>" in para_xml:
        return para_xml
    return re.sub(r'(<w:pPr><w:pStyle w:val="[^"]+"/>)', r"\1<w:keepNext/>", para_xml)


def Table(grid, rows, layout_fixed=True, borders=True, width=TABLE_W):
    """A table with fixed column widths (twips) adding up to `width` (the text width by default)
    and full single borders; `borders=False` gives a layout table (cover fields)."""
    assert sum(grid) == width, f"grid {grid} adds up to {sum(grid)}, not {width}"
    kind = "single" if borders else "nil"
    size = ' w:sz="4" w:space="0" w:color="000000"' if borders else ""
    borders = "".join(f'<w:{side} w:val="{kind}"{size}/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = ["<w:tbl><w:tblPr>",
           '<w:tblStyle w:val="FormTable"/>',
           f'<w:tblW w:w="{width}" w:type="dxa"/>',
           '<w:jc w:val="center"/>',
           f"<w:tblBorders>{borders}</w:tblBorders>",
           '<w:tblLayout w:type="fixed"/>' if layout_fixed else "",
           '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>',
           '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>',
           "</w:tblPr><w:tblGrid>"]
    out += [f'<w:gridCol w:w="{w}"/>' for w in grid]
    out.append("</w:tblGrid>")
    for cells, h, exact, header, cant_split, keep in rows:
        span_total = sum(c.span for c in cells)
        assert span_total == len(grid), f"row spans {span_total} of {len(grid)} columns"
        trpr = []
        if cant_split:
            trpr.append("<w:cantSplit/>")
        if h:
            rule = "exact" if exact else "atLeast"
            trpr.append(f'<w:trHeight w:val="{h}" w:hRule="{rule}"/>')
        if header:
            trpr.append("<w:tblHeader/>")
        out.append("<w:tr>" + (f"<w:trPr>{''.join(trpr)}</w:trPr>" if trpr else ""))
        col = 0
        for c in cells:
            width = sum(grid[col:col + c.span])
            col += c.span
            tcpr = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
            if c.span > 1:
                tcpr.append(f'<w:gridSpan w:val="{c.span}"/>')
            if c.vmerge == "restart":
                tcpr.append('<w:vMerge w:val="restart"/>')
            elif c.vmerge == "continue":
                tcpr.append("<w:vMerge/>")
            if c.underline:
                tcpr.append('<w:tcBorders><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tcBorders>')
            if c.shade:
                tcpr.append('<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>')
            tcpr.append(f'<w:vAlign w:val="{c.valign}"/>')
            paras = [_keep_next(p) for p in c.paras] if keep else c.paras
            out.append(f"<w:tc><w:tcPr>{''.join(tcpr)}</w:tcPr>{''.join(paras)}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


# --- package parts ---------------------------------------------------------------------------

def _style(kind, sid, name, ppr="", rpr="", based="Normal", extra=""):
    based_xml = f'<w:basedOn w:val="{based}"/>' if based else ""
    return (f'<w:style w:type="{kind}" w:styleId="{sid}"><w:name w:val="{name}"/>{based_xml}{extra}'
            f'<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')


def _fonts(east):
    return f'<w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{east}" w:cs="{LATIN}"/>'


def _sz(v):
    return f'<w:sz w:val="{v}"/><w:szCs w:val="{v}"/>'


def styles_xml():
    table_ppr = '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="300" w:lineRule="auto"/><w:ind w:firstLine="0"/>'
    styles = [
        ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
         f'<w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="0" w:line="{BODY_LINE}" w:lineRule="exact"/>'
         f'<w:jc w:val="both"/></w:pPr><w:rPr>{_fonts(FANGSONG)}{_sz(SIZE_3HAO)}</w:rPr></w:style>'),
        _style("paragraph", "Body", "正文（首行缩进）", '<w:ind w:firstLineChars="200" w:firstLine="640"/>'),
        _style("paragraph", "FormTitle", "申报表标题",
               '<w:keepNext/><w:spacing w:before="0" w:after="0" w:line="800" w:lineRule="exact"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>',
               _fonts(XIAOBIAOSONG) + "<w:b/><w:bCs/>" + _sz(SIZE_2HAO)),
        _style("paragraph", "Heading1", "heading 1",
               '<w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="0"/>',
               _fonts(HEITI) + "<w:b/><w:bCs/>"),
        _style("paragraph", "Heading2", "heading 2",
               '<w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="1"/>',
               _fonts(KAITI)),
        _style("paragraph", "Heading3", "heading 3",
               '<w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="2"/>',
               "<w:b/><w:bCs/>"),
        _style("paragraph", "CenterHeading", "居中标题（黑体）", '<w:keepNext/><w:jc w:val="center"/>',
               _fonts(HEITI) + "<w:b/><w:bCs/>"),
        _style("paragraph", "Hint", "填写提示（楷体）", '<w:ind w:firstLineChars="200" w:firstLine="640"/>',
               _fonts(KAITI)),
        _style("paragraph", "CoverLine", "封面栏目",
               '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="760" w:lineRule="exact"/><w:ind w:left="958" w:right="640"/><w:jc w:val="left"/>',
               _fonts(FANGSONG) + _sz(SIZE_3HAO)),
        _style("paragraph", "TableText", "表格文字", table_ppr + '<w:jc w:val="left"/>', _sz(SIZE_4HAO)),
        _style("paragraph", "TableLabel", "表格栏目", '<w:jc w:val="center"/>', "", based="TableText"),
        _style("paragraph", "TableBody", "表格段落", '<w:ind w:firstLineChars="200" w:firstLine="560"/><w:jc w:val="both"/>',
               "", based="TableText"),
        _style("paragraph", "TableSmall", "表格小四", table_ppr + '<w:jc w:val="center"/>', _sz(SIZE_XIAO4)),
        _style("paragraph", "TableSmallLeft", "表格小四左", '<w:jc w:val="left"/>', "", based="TableSmall"),
        _style("paragraph", "TableFive", "表格五号", table_ppr + '<w:jc w:val="center"/>', _sz(SIZE_5HAO)),
        _style("paragraph", "TableFiveLeft", "表格五号左", '<w:jc w:val="left"/>', "", based="TableFive"),
        _style("paragraph", "Footer", "footer",
               '<w:tabs><w:tab w:val="center" w:pos="4153"/><w:tab w:val="right" w:pos="8306"/></w:tabs>'
               '<w:spacing w:line="240" w:lineRule="auto"/>',
               _fonts(SONGTI) + _sz(SIZE_4HAO)),
    ]
    table_style = ('<w:style w:type="table" w:styleId="FormTable"><w:name w:val="表格（全框线）"/>'
                   '<w:tblPr><w:tblBorders>'
                   + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                             for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
                   + '</w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
            f'<w:docDefaults><w:rPrDefault><w:rPr>{_fonts(FANGSONG)}<w:kern w:val="2"/>{_sz(SIZE_3HAO)}'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
            + "".join(styles) + table_style + "</w:styles>")


def settings_xml():
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W_NS}">'
            '<w:zoom w:percent="100"/><w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/>'
            '<w:drawingGridHorizontalSpacing w:val="160"/><w:drawingGridVerticalSpacing w:val="579"/>'
            '<w:displayHorizontalDrawingGridEvery w:val="0"/><w:displayVerticalDrawingGridEvery w:val="2"/>'
            '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat>'
            '<w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/>'
            '<w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>'
            '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
            '</w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
            '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')


def font_table_xml():
    fonts = [(LATIN, "02020603050405020304", "00"), (FANGSONG, "02010609030101010101", "86"),
             (XIAOBIAOSONG, "02000000000000000000", "86"), (HEITI, "02010609060101010101", "86"),
             (KAITI, "02010609030101010101", "86"), (SONGTI, "02010600030101010101", "86"),
             (BOX_FONT, "020B0502040204020203", "00")]
    alt = {FANGSONG: "仿宋", KAITI: "楷体", XIAOBIAOSONG: "方正小标宋_GBK"}
    body = "".join(
        f'<w:font w:name="{x(n)}">' + (f'<w:altName w:val="{x(alt[n])}"/>' if n in alt else "")
        + f'<w:panose1 w:val="{p}"/><w:charset w:val="{c}"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
        for n, p, c in fonts)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W_NS}">{body}</w:fonts>'


def footer_xml(side):
    """Page number "— 1 —" in 4号宋体: odd pages right, even pages left, one character in."""
    if side == "none":
        para = '<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p>'
    else:
        jc, ind = ("right", 'w:right="280"') if side == "odd" else ("left", 'w:left="280"')
        field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                 '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                 '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
        para = (f'<w:p><w:pPr><w:pStyle w:val="Footer"/><w:ind {ind}/><w:jc w:val="{jc}"/></w:pPr>'
                f'<w:r><w:t xml:space="preserve">— </w:t></w:r>{field}<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{para}</w:ftr>')


def sect_pr():
    return ('<w:sectPr>'
            '<w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
            '<w:footerReference w:type="even" r:id="rIdFooterEven"/>'
            '<w:footerReference w:type="first" r:id="rIdFooterFirst"/>'
            f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
            f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" '
            f'w:left="{MARGIN_LEFT}" w:header="{HEADER_DIST}" w:footer="{FOOTER_DIST}" w:gutter="0"/>'
            '<w:cols w:space="425"/><w:titlePg/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="0"/>'
            '</w:sectPr>')


def document_xml(body):
    ns = (f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {ns}><w:body>'
            + "".join(body) + sect_pr() + "</w:body></w:document>")


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/word/footer3.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    '</Types>')

PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    '</Relationships>')

DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
    '<Relationship Id="rIdFontTable" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
    '<Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
    '<Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>'
    '<Relationship Id="rIdFooterFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer3.xml"/>'
    '</Relationships>')


GENERATED_NOTE = ("由 scripts/make_templates.py 生成，请勿直接编辑：改动请写进脚本后重新生成"
                  "（python3 scripts/make_templates.py，见 docs/forms.md）。")
FINGERPRINT_PREFIX = "shenbao-generated sha256:"


def fingerprint(parts):
    """sha256 over every part but docProps/core.xml (which records it), names and bytes in order."""
    h = hashlib.sha256()
    for name, data in parts:
        if name != "docProps/core.xml":
            h.update(name.encode("utf-8") + b"\0" + data + b"\0")
    return h.hexdigest()


def recorded_fingerprint(docx_bytes):
    """(recorded, actual) fingerprints of a .docx: the one its core.xml records (None when it has
    none) and the one of its parts now. They differ once the file was edited after generation."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as zf:
        parts = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    core = dict(parts).get("docProps/core.xml", b"").decode("utf-8", "replace")
    m = re.search(re.escape(FINGERPRINT_PREFIX) + r"([0-9a-f]{64})", core)
    return (m.group(1) if m else None), fingerprint(parts)


def core_xml(title, subject, print_hash=""):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{xt(title)}</dc:title><dc:subject>{xt(subject)}</dc:subject>'
            '<dc:creator>shenbao</dc:creator><cp:keywords></cp:keywords>'
            f'<dc:description>{xt(GENERATED_NOTE)}</dc:description>'
            '<cp:lastModifiedBy>shenbao</cp:lastModifiedBy><cp:revision>1</cp:revision>'
            f'<cp:contentStatus>{FINGERPRINT_PREFIX}{print_hash}</cp:contentStatus>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_ISO_TIME}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_ISO_TIME}</dcterms:modified>'
            '</cp:coreProperties>')


APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           '<Template>Normal.dotm</Template><Application>shenbao make_templates.py</Application>'
           '<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><SharedDoc>false</SharedDoc>'
           '<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>')


def docx_bytes(body, title, subject):
    """A .docx, deterministically: fixed timestamps and order, [Content_Types].xml first, and
    core.xml recording the generator's note and the fingerprint of the other parts."""
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", None),
        ("docProps/app.xml", APP_XML),
        ("word/document.xml", document_xml(body)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", styles_xml()),
        ("word/settings.xml", settings_xml()),
        ("word/fontTable.xml", font_table_xml()),
        ("word/footer1.xml", footer_xml("odd")),
        ("word/footer2.xml", footer_xml("even")),
        ("word/footer3.xml", footer_xml("none")),
    ]
    encoded = [(name, text.encode("utf-8") if text is not None else None) for name, text in parts]
    core = core_xml(title, subject, fingerprint([p for p in encoded if p[1] is not None])).encode("utf-8")
    encoded = [(name, data if data is not None else core) for name, data in encoded]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in encoded:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            zf.writestr(info, data)
    return out.getvalue()

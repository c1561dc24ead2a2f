"""Shared blocks of the form templates: cover, 填报说明, headings, checkboxes, opinion boxes.

Used by the forms_*.py modules; scripts/make_templates.py writes the files.
"""
import os

from docxgen import (P, R, Cell, Label, Row, Table, docx_bytes, recorded_fingerprint,
                     BOX_FONT, KAITI, SIZE_4HAO, SIZE_XIAO4, SIZE_5HAO, TABLE_W)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FULL_SPACE = "\u3000"
# U+2060 WORD JOINER between a checkbox tag (□/☑ once filled) and its option text: LibreOffice
# and Word never break a line there, and `shenbao check` keeps it (it is not whitespace).
WORD_JOINER = "\u2060"

# The formatter every multi-line answer's tag carries (section_text, text_cell, opinion texts):
# each line of the answer becomes its own paragraph, indented like the template's paragraph.
# The one place to change how multi-line answers print.
MULTILINE_FORMATTER = " | paragraphs"


def multiline_tag(key):
    """The tag text of a multi-line answer: {{key}} plus MULTILINE_FORMATTER. `key` may carry its own
    formatters (`荣誉 | default "无"`); MULTILINE_FORMATTER goes last."""
    return f"{{{{{key}{MULTILINE_FORMATTER}}}}}"


# Column widths (twips) shared by every form, so label columns line up from table to table.
CELL_MARGINS = 170         # left + right cell margin (85 + 85)
LABEL_W = 2520             # fits an 8-character bold 4号 label (联合申报单位名称, 统一社会信用代码)
VALUE_W = TABLE_W - LABEL_W  # 6324
SUB_LABEL_W = 760          # 姓名/电话/职务/邮箱 inside 联系人 (two characters)


# --- shared building blocks ------------------------------------------------------------------

def blank(n=1, style=None):
    return [P(style=style) for _ in range(n)]


CHAR_3HAO = 320  # one full-width character at 3号 (16 pt), in twips


def spread_label(label, width_chars):
    """A label spread to `width_chars` characters, as Word's distributed alignment does it:
    extra character spacing on every character but the last (申 报 日 期)."""
    if len(label) >= width_chars or len(label) < 2:
        return [R(label)]
    extra = (width_chars - len(label)) * CHAR_3HAO // (len(label) - 1)
    return [R(label[:-1], spacing=extra), R(label[-1])]


def cover(title_lines, fields, top_blank=None, middle_blank=None, note=None):
    """A cover page: the title in 2号方正小标宋简体, then one paragraph per field: the label spread
    to the widest label's width, a colon, and the value underlined; wrapped values hang under the
    value's start. The seal tag sits right after the unit name, so the seal covers it."""
    if top_blank is None:
        top_blank = 3 if len(title_lines) <= 2 else 2
    if middle_blank is None:
        middle_blank = max(2, 8 - len(fields) - (1 if note else 0) - max(0, len(title_lines) - 2))
    body = blank(top_blank)
    for line in title_lines:
        body.append(P(line, style="FormTitle"))
    body += blank(middle_blank)
    width = max(len(label) for label, _ in fields)
    hang = (width + 1) * CHAR_3HAO
    for label, runs in fields:
        body.append(P(*spread_label(label, width), R("："), *[underlined(r) for r in runs],
                      style="CoverLine", ind={"left": hang, "hanging": hang, "right": 0}))
    if note:
        body += blank(1)
        body.append(P(note, style="CoverLine", jc="center", ind={"left": 0, "right": 0}))
    return body


def underlined(run_xml):
    """Underline a run made by R()/tag() (the value lines of a cover)."""
    if "<w:rPr>" in run_xml:
        return run_xml.replace("</w:rPr>", '<w:u w:val="single"/></w:rPr>', 1)
    return run_xml.replace("<w:r>", '<w:r><w:rPr><w:u w:val="single"/></w:rPr>', 1)


def instructions(items, title="填报说明"):
    body = [P(title, style="CenterHeading", after=290, page_before=True)]
    body += [P(item, style="Body") for item in items]
    return body


def heading(text, level=1, page=False):
    """A heading; `page=True` starts it on a new page (pageBreakBefore, no empty break paragraph)."""
    return P(text, style=f"Heading{level}", page_before=page)


def tag(text, **kw):
    """A run holding exactly one tag (or tag plus fixed text)."""
    return R(text, **kw)


def text_width(text, sz=SIZE_4HAO):
    """Estimated width in twips of `text` at `sz` half-points: CJK and full-width characters one
    em, Latin letters and digits about half an em (Times New Roman)."""
    em = sz * 10
    return sum(em if ord(c) > 0x2000 and c != WORD_JOINER else (0 if c == WORD_JOINER else em * 11 // 20)
               for c in text)


STYLE_SIZES = {"TableText": SIZE_4HAO, "TableLabel": SIZE_4HAO, "TableBody": SIZE_4HAO,
               "TableSmall": SIZE_XIAO4, "TableSmallLeft": SIZE_XIAO4,
               "TableFive": SIZE_5HAO, "TableFiveLeft": SIZE_5HAO}


def option_runs(key, option, label=None):
    """□ tag (in BOX_FONT, so every box of a row is one size) + word joiner + option text: the box
    never ends a line away from its label."""
    return [tag(f"{{{{{key}={option}}}}}", all_scripts=BOX_FONT), R(WORD_JOINER + (label if label is not None else option))]


def checkboxes(key, options, width=VALUE_W, style="TableText", jc=None):
    """Checkbox options {{key=选项}}选项 in a cell `width` twips wide: on one line two full-width
    spaces apart when they fit, else one space apart, else in aligned columns (a tab grid, as many
    columns as fit) over several lines. Returns the paragraph(s) as one XML string."""
    room = width - CELL_MARGINS
    em = STYLE_SIZES.get(style, SIZE_4HAO) * 10
    widths = [em + text_width(o, STYLE_SIZES.get(style, SIZE_4HAO)) for o in options]
    for gap in (2, 1):
        sep = FULL_SPACE * gap
        if sum(widths) + em * gap * (len(options) - 1) <= room:
            runs = []
            for i, option in enumerate(options):
                if i:
                    runs.append(R(sep))
                runs += option_runs(key, option)
            return P(*runs, style=style, jc=jc)
    # Tab grid: the most options a line whose columns (each as wide as its widest option, half an
    # em apart at least) fit. Equal columns when the widest option fits one, else packed columns
    # at most two ems apart.
    for per_line in range(len(options) - 1, 0, -1):
        columns = [max(widths[i::per_line]) for i in range(per_line)]
        slack = room - sum(columns) - em // 2 * (per_line - 1)
        if slack >= 0 or per_line == 1:
            break
    equal = room // per_line
    if all(c + em // 2 <= equal for c in columns[:-1]) and columns[-1] <= equal:
        tabs = [equal * i for i in range(1, per_line)]
    else:
        gap = em // 2 + min(em * 3 // 2, max(0, slack) // max(1, per_line - 1))
        tabs = [sum(columns[:i]) + gap * i for i in range(1, per_line)]
    paras = []
    for start in range(0, len(options), per_line):
        runs = []
        for i, option in enumerate(options[start:start + per_line]):
            if i:
                runs.append(R("\t"))
            runs += option_runs(key, option)
        paras.append(P(*runs, style=style, tabs=tabs))
    return "".join(paras)


def checkbox_columns(key, columns, width=VALUE_W, style="TableText"):
    """Options in two aligned columns inside one cell (a tab stop, not table columns), read column
    by column: `columns` is [left options, right options], each option a string or (option, label).
    The tab stop sits halfway through the room left over by the widest option of each column."""
    sz = STYLE_SIZES.get(style, SIZE_4HAO)
    norm = [[o if isinstance(o, tuple) else (o, o) for o in col] for col in columns]
    left_w = max(sz * 10 + text_width(label, sz) for _, label in norm[0])
    right_w = max(sz * 10 + text_width(label, sz) for _, label in norm[1])
    room = width - CELL_MARGINS
    tab = left_w + max(sz * 5, (room - left_w - right_w) // 2)
    paras = []
    for i in range(max(len(norm[0]), len(norm[1]))):
        runs = []
        if i < len(norm[0]):
            runs += option_runs(key, *norm[0][i])
        if i < len(norm[1]):
            runs.append(R("\t"))
            runs += option_runs(key, *norm[1][i])
        paras.append(P(*runs, style=style, tabs=[tab]))
    return "".join(paras)


def checkbox_lines(key, options, style="TableText"):
    """One option per paragraph (for long labels in a narrow cell)."""
    return [P(*option_runs(key, o), style=style) for o in options]


def text_cell(key, span=1, style="TableBody", hint=None, multiline=True):
    """A value cell aligned to the top, with an optional 楷体 hint; a multi-line answer's tag goes
    through multiline_tag(), a one-line text's (multiline=False) stays plain."""
    paras = []
    if hint:
        paras.append(P(R(hint, font=KAITI), style="TableText"))
    paras.append(P(tag(multiline_tag(key) if multiline else f"{{{{{key}}}}}"), style=style))
    return Cell(*paras, span=span, valign="top")


def section_text(number_title, key, hint=None, level=3):
    """A numbered sub-heading ("1. …" or "（1）…") with its answer paragraph under it."""
    out = [P(number_title, style=f"Heading{level}" if level else "Body", keep=True)]
    if hint:
        out.append(P(hint, style="Hint", keep=True))
    out.append(P(tag(multiline_tag(key)), style="Body"))
    return out


SEAL_RIGHT = 1300  # the unit name ends this far (twips) from the cell's right edge: the 42 mm seal
                   # centred on the name's end (1191 twips each side) stays inside the cell


def seal_block(label, name_tag, seal_key, date_runs, note=None):
    """The signing lines of an opinion/commitment box: the label (单位（盖章）：) on its own line, the
    unit name on the next, right-aligned and whole (a 19-character name fits the narrowest box),
    with the seal centred on its end, then the date under it, so the seal is pressed over the name
    and date and stays inside the cell: four lines below the name hold its lower half."""
    paras = [P(style="TableText"),
             P(R(label), style="TableText", ind={"left": 2400}),
             P(tag(name_tag), tag(f"{{{{%{seal_key}}}}}"), style="TableText", jc="right",
               ind={"right": SEAL_RIGHT})]
    paras.append(P(R(note, sz=SIZE_XIAO4), style="TableText", ind={"left": 2400}) if note else P(style="TableText"))
    paras.append(P(style="TableText"))
    paras.append(P(*date_runs, style="TableText", jc="right", ind={"right": 560}))
    paras.append(P(style="TableText"))
    return paras


def joint_seal_places(section_key, name_tag, label="联合申报单位（盖章）："):
    """One seal place per joint unit, for forms whose notice says 联合申报的，均需盖章: the
    paragraphs between {{#section_key}} and {{/section_key}} repeat per unit of a list (or show
    once for a filled value): an empty line, the label, the unit's name right-aligned with its end
    where the seal is pressed, four empty lines. No image tag: the place is left clear for the
    unit's physical seal. Seven lines (about 56 mm at 表格文字) from one label to the next hold
    a 42 mm seal pressed over the name and keep it out of the next label's ±16 mm, where the scan
    check looks for that unit's red ink (ShenbaoCheck's ScanMarks)."""
    return [P(tag(f"{{{{#{section_key}}}}}"), style="TableText"),
            P(style="TableText"),
            P(R(label), style="TableText", ind={"left": 2400}),
            P(tag(name_tag), style="TableText", jc="right", ind={"right": SEAL_RIGHT}),
            *blank(4, "TableText"),
            P(tag(f"{{{{/{section_key}}}}}"), style="TableText")]


BLANK_DATE = [R(f"年{FULL_SPACE}{FULL_SPACE}月{FULL_SPACE}{FULL_SPACE}日")]


OPINION_LABEL_W = 1900  # six 4号 characters a line; longer labels carry their own "\n" breaks


def opinion_table(label, paras, height=4200):
    """A box with a label cell on the left (e.g. 推荐单位\n意见) and free text on the right. The label
    column is narrow; break labels over six characters at a word boundary with "\n"."""
    assert all(len(line) <= 6 for line in label.split("\n")), f"break the label {label!r} with \\n"
    return Table([OPINION_LABEL_W, TABLE_W - OPINION_LABEL_W],
                 [Row(Label(label), Cell(*paras, valign="top"), h=height)])


class EditedTemplate(Exception):
    """templates/<id>/template.docx was changed after it was generated (in Word, WPS, by hand)."""


def write(form_id, title, body, check=False, force=False):
    """Writes templates/<form_id>/template.docx, or with `check` only compares: returns whether the
    file is (now) what the generator makes. A file edited since it was generated (its parts no
    longer match the fingerprint its core.xml records) is never overwritten without `force`: the
    edit must be carried into the script first."""
    folder = os.path.join(ROOT, "templates", form_id)
    path = os.path.join(folder, "template.docx")
    data = docx_bytes(body, title=title, subject=form_id)
    old = open(path, "rb").read() if os.path.exists(path) else None
    if old == data:
        return True
    if check:
        return False
    if old is not None and not force:
        recorded, actual = recorded_fingerprint(old)
        if recorded != actual:
            why = "没有生成指纹" if recorded is None else "各部件与记录的生成指纹不符"
            raise EditedTemplate(
                f"templates/{form_id}/template.docx 在生成之后被改过（{why}），没有覆盖："
                "请先把改动写进 scripts/forms_*.py，再加 --force 重新生成")
    os.makedirs(folder, exist_ok=True)
    with open(path + ".tmp", "wb") as f:
        f.write(data)
    os.replace(path + ".tmp", path)
    print(f"wrote templates/{form_id}/template.docx")
    return True



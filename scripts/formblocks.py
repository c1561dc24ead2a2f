"""Shared blocks of the form templates: cover, 填报说明, headings, checkboxes, opinion boxes.

Used by the forms_*.py modules; scripts/make_templates.py writes the files.
"""
import os

from docxgen import (P, R, Cell, Label, Row, Table, write_docx,
                     KAITI, SIZE_XIAO4)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FULL_SPACE = "\u3000"


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
                      style="CoverLine", ind={"left": 640 + hang, "hanging": hang, "right": 320}))
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


def checkboxes(key, options, sep=FULL_SPACE + FULL_SPACE, style="TableText", jc=None):
    """One paragraph of checkbox options: {{key=选项}}选项."""
    runs = []
    for i, option in enumerate(options):
        if i:
            runs.append(R(sep))
        runs.append(tag(f"{{{{{key}={option}}}}}"))
        runs.append(R(option))
    return P(*runs, style=style, jc=jc)


def checkbox_lines(key, options, style="TableText"):
    """One option per paragraph (for long labels in a narrow cell)."""
    return [P(tag(f"{{{{{key}={o}}}}}"), R(o), style=style) for o in options]


def text_cell(key, span=1, style="TableBody", hint=None):
    paras = []
    if hint:
        paras.append(P(R(hint, font=KAITI), style="TableText"))
    paras.append(P(tag(f"{{{{{key}}}}}"), style=style))
    return Cell(*paras, span=span, valign="top")


def section_text(number_title, key, hint=None, level=3):
    """A numbered sub-heading ("1. …" or "（1）…") with its answer paragraph under it."""
    out = [P(number_title, style=f"Heading{level}" if level else "Body", keep=True)]
    if hint:
        out.append(P(hint, style="Hint", keep=True))
    out.append(P(tag(f"{{{{{key}}}}}"), style="Body"))
    return out


def seal_block(label, name_tag, seal_key, date_runs, note=None):
    """The signing lines of an opinion/commitment box: 单位（盖章）: name + seal, then the date,
    both right of centre so the seal is pressed over the name and date."""
    paras = [P(style="TableText"),
             P(R(label), tag(name_tag), tag(f"{{{{%{seal_key}}}}}"), style="TableText",
               ind={"left": 3400})]
    if note:
        paras.append(P(R(note, sz=SIZE_XIAO4), style="TableText", ind={"left": 3400}))
    paras.append(P(style="TableText"))
    paras.append(P(*date_runs, style="TableText", jc="right", ind={"right": 560}))
    paras.append(P(style="TableText"))
    return paras


BLANK_DATE = [R(f"年{FULL_SPACE}{FULL_SPACE}月{FULL_SPACE}{FULL_SPACE}日")]


def opinion_table(label, paras, height=4200):
    """A box with a label cell on the left (e.g. 推荐单位意见) and free text on the right."""
    return Table([1600, 7244], [Row(Label(label), Cell(*paras, valign="top"), h=height)])


def write(form_id, title, body):
    folder = os.path.join(ROOT, "templates", form_id)
    os.makedirs(folder, exist_ok=True)
    write_docx(os.path.join(folder, "template.docx"), body, title=title, subject=form_id)
    print(f"wrote templates/{form_id}/template.docx")



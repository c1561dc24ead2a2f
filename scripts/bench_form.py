"""The form the fill benchmark gives shenbao and docxtpl alike (scripts/bench-fill.sh).

    python3 scripts/bench_form.py DIR ROWS...

writes DIR/shenbao.docx and DIR/docxtpl.docx (one layout: a title, 40 paragraphs of text with
tags, an 8-column personnel table whose one row repeats; only the tag syntax differs) and
DIR/data-ROWS.json for each ROWS. Both engines read the same JSON file. Stdlib only, deterministic.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from docxgen import P, R, Row, Table, Value, Label, docx_bytes  # noqa: E402

COLUMNS = ["序号", "姓名", "性别", "出生年月", "职称", "学历", "工作单位", "分工"]
KEYS = [None, "name", "sex", "born", "title", "degree", "employer", "role"]
GRID = [700, 1000, 700, 1200, 1200, 1200, 1700, 1144]


def body(syntax):
    """The document body; `syntax` is "shenbao" ({{a.b}}, {{#people}}) or "docxtpl" (Jinja)."""
    def tag(path):
        return "{{" + path + "}}" if syntax == "shenbao" else "{{ " + path + " }}"
    out = [P(R(tag("unit.name") + "数据开放创新应用实验室申报书", sz=44), jc="center")]
    for i in range(40):
        out.append(P(
            f"（{i + 1}）申报单位{tag('unit.name')}（{tag('unit.short')}），负责人{tag('lead.name')}，"
            f"联系电话{tag('lead.phone')}。" + "本项目面向数据开放创新应用，建设内容说明文字。" * 4,
            ind={"firstLineChars": 200}))
    header = Row(*[Label(c) for c in COLUMNS], header=True)
    if syntax == "shenbao":
        cells = [Value("{{#people}}{{@index}}")] + [Value(tag(k)) for k in KEYS[1:-1]] + [Value(tag("role") + "{{/people}}")]
        rows = [header, Row(*cells)]
    else:
        cells = [Value("{{ loop.index }}")] + [Value(tag("p." + k)) for k in KEYS[1:]]
        rows = [header,
                Row(Value("{%tr for p in people %}", span=8)),
                Row(*cells),
                Row(Value("{%tr endfor %}", span=8))]
    out.append(Table(GRID, rows))
    return out


def data(rows):
    people = [{"name": f"成员{i}", "sex": "男" if i % 2 else "女", "born": f"{1970 + i % 30}-{1 + i % 12:02d}",
               "title": "正高级工程师" if i % 3 == 0 else "工程师", "degree": "博士研究生",
               "employer": "山东省大数据研究院", "role": "数据治理与应用开发"} for i in range(rows)]
    return {"unit": {"name": "山东省大数据研究院", "short": "大数据院"},
            "lead": {"name": "张三", "phone": "0531-51785094"}, "people": people}


def main():
    directory, counts = sys.argv[1], [int(n) for n in sys.argv[2:]]
    os.makedirs(directory, exist_ok=True)
    for syntax in ("shenbao", "docxtpl"):
        with open(os.path.join(directory, f"{syntax}.docx"), "wb") as out:
            out.write(docx_bytes(body(syntax), "fill benchmark", syntax))
    for n in counts:
        with open(os.path.join(directory, f"data-{n}.json"), "w", encoding="utf-8") as f:
            json.dump(data(n), f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()

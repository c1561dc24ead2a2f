"""Forms of the Shandong Big Data Bureau and the Shandong industry department.

sd-lab-2022   seed 000 附件2 (printed in full; followed exactly)
sd-jbgs-2025  seed 001 附件1 (not printed; designed after the notice)
sd-platform   seed 003 (no form printed; designed after the 工作方案)
"""
from docxgen import P, R, Cell, Label, Value, Row, Table, SIZE_XIAO4
from formblocks import (FULL_SPACE, option_runs, BLANK_DATE, LABEL_W, VALUE_W, SUB_LABEL_W, blank, cover, instructions,
                        heading, tag, checkboxes, checkbox_columns, checkbox_lines, multiline_tag,
                        text_cell, section_text, seal_block, joint_seal_places, opinion_table)


# --- 山东省数据开放创新应用实验室（第二批）申报表 ------------------------------------------------

LAB_NATURE = ["高校", "科研院所", "医院", "企业", "其他"]


def sd_lab_2022():
    title = "山东省数据开放创新应用实验室（第二批）申报表"
    body = cover(["山东省数据开放创新应用实验室（第二批）", "申报表"], [
        ("申报单位（盖章）", [tag("{{主申报单位名称}}"), tag("{{%公章}}")]),
        ("申报日期", [tag("{{申报日期 | date}}")]),
    ])
    body += instructions([
        "一、申报单位应仔细阅读《关于开展山东省数据开放创新应用实验室（第二批）申报工作的通知》"
        "《山东省数据开放创新应用实验室（第二批）申报表》的有关要求、说明，如实、详细地填写每一部分内容。",
        "二、单位名称应填写全称。",
        "三、表中选取项目请在“□”中划“√”。",
        "四、申报单位应按《山东省数据开放创新应用实验室（第二批）申报表》统一制作的格式填写电子版，"
        "并加盖公章扫描为 PDF 版本。",
        "五、电子版材料的内容与格式应与扫描版材料一致，如不一致以扫描版材料为准。",
    ])

    # 一、单位基本信息 — label column + four value columns (联系人 uses them as sub-cells).
    body.append(heading("一、单位基本信息", page=True))
    body.append(Table(INFO_GRID, [
        Row(Label("主申报单位名称"), Value(tag("{{主申报单位名称}}"), span=4), h=680),
        Row(Label("主申报单位性质"), Cell(checkboxes("主申报单位性质", LAB_NATURE), span=4), h=680),
        Row(Label("联合申报单位名称"), Value(tag('{{联合申报单位名称 | default "无"}}'), span=4), h=680),
        Row(Label("联合申报单位性质"), Cell(checkboxes("联合申报单位性质", LAB_NATURE), span=4), h=680),
        Row(Label("申报方向"), Cell(checkbox_columns("申报方向", [["数据开放应用创新", "数据开放流通创新"],
                                                                ["数据开放技术创新", "数据开放其他领域创新"]]),
                                    span=4), h=900),
        Row(Label("单位地址"), Value(tag("{{单位地址}}"), span=4), h=680),
        *contact_rows(),
        Row(Label("单位简介"), text_cell("单位简介", span=4), h=4500, cant_split=False),
    ]))

    # 二、人员参与情况 — one row repeated per member.
    body.append(P())
    body.append(heading("二、人员参与情况"))
    # 五号 throughout (seven columns): 性别/年龄 hold two characters, 职务/职称 five (研究室主任),
    # the dates 2023.01-2025.12 one line; 分工 gets the rest (twelve characters a line).
    cols = [800, 600, 600, 1240, 1240, 2724, 1640]
    head = ["姓名", "性别", "年龄", "职务", "职称", "分工", "参与起止日期"]
    body.append(Table(cols, [
        Row(*[Label(h, style="TableFive") for h in head], h=560, header=True),
        Row(Value(tag("{{#人员}}"), tag("{{姓名}}"), style="TableFive"),
            Value(tag("{{性别}}"), style="TableFive"),
            Value(tag("{{年龄}}"), style="TableFive"),
            Value(tag("{{职务}}"), style="TableFive"),
            Value(tag("{{职称}}"), style="TableFive"),
            Value(tag("{{分工}}"), style="TableFiveLeft"),
            Value(tag("{{参与起止日期}}"), tag("{{/人员}}"), style="TableFive"), h=520),
    ]))

    # 三、实验室建设概述
    body.append(heading("三、实验室建设概述", page=True))
    body.append(P("1. 实验室总体简介", style="Heading3"))
    body += section_text("（1）重点研究领域（如，健康医疗、教育、金融、数据安全、数据治理等）",
                         "实验室总体简介.重点研究领域", level=None)
    body += section_text("（2）聚焦解决问题", "实验室总体简介.聚焦解决问题", level=None)
    body += section_text("（3）使用数据情况（如，社会数据：手机信令数据；政务数据：山东省企业登记基本信息）",
                         "实验室总体简介.使用数据情况", level=None)
    body += section_text("（4）主要成果内容", "实验室总体简介.主要成果内容", level=None)
    body += section_text("2. 实验室建设目的和必要性", "建设目的和必要性")
    body += section_text("3. 实施建设分阶段目标、主要内容和创新特色", "分阶段目标")
    body += section_text("4. 实验室建设的主要预期成果", "预期成果")
    body += section_text("5. 实验室建设的社会和经济效益", "社会和经济效益")
    body += section_text("6. 实验室建设的保障基础、制度及措施", "保障基础",
                         hint="主要概述实验室建设的场地、资金、团队、数据等方面保障基础、制度及措施，"
                              "以及保障数据安全方面的制度及措施。")

    # 四、真实性承诺
    body.append(P())
    body.append(heading("四、真实性承诺"))
    promise = ("我单位所有申报材料，均真实、完整、准确，我单位申报材料内容所涉及的活动均符合国家相关法律法规要求。"
               "前述声明与实际情况如有不符，我单位愿承担相应的责任。")
    body.append(opinion_table("真实性\n承诺", [P(promise, style="TableBody")] + seal_block(
        "申报单位(公章)：", "{{主申报单位名称}}", "公章", [tag("{{申报日期 | date}}")],
        note="（联合申报的，均需盖章）")
        # The joint unit's place shows when it has one: 联合申报单位性质 is ticked exactly when the name
        # is not 无 (form.yaml's rules), so the section is over the 性质, not the name.
        + joint_seal_places("联合申报单位性质", "{{联合申报单位名称}}", "联合申报单位(公章)："), height=4800))

    # 五、推荐单位意见
    body.append(P())
    body.append(heading("五、推荐单位意见"))
    body.append(Table([8844], [Row(Cell(P(tag(multiline_tag("推荐意见")), style="TableBody"), *blank(3, "TableText"),
                                        *seal_block("推荐单位(公章)：", "{{推荐单位}}", "推荐单位公章", BLANK_DATE),
                                        valign="top"), h=4800)]))
    return title, body


# --- 2025年全省数据要素市场化配置改革揭榜挂帅申报书 -----------------------------------------------

JBGS_DIRECTIONS = ["数据产权保护", "数据治理", "公共数据资源授权运营", "数据流通交易",
                   "数据收益分配", "数据流通利用技术", "数据产业发展", "数据安全"]
# Label column, then 姓名 | value | 电话 | value for 联系人; the right value (电话, 邮箱) is the wider.
INFO_GRID = [LABEL_W, SUB_LABEL_W, 2164, SUB_LABEL_W, VALUE_W - 2 * SUB_LABEL_W - 2164]


def contact_rows(prefix="联系人"):
    """Two rows: 联系人 | 姓名 … 电话 … / 职务 … 邮箱 … on the five-column INFO_GRID. The e-mail
    (Latin, unbreakable) is set in 小四 so a 20-character address fits on one line."""
    return [
        Row(Label(prefix, vmerge="restart"), Label("姓名", shade=False), Value(tag(f"{{{{{prefix}.姓名}}}}")),
            Label("电话", shade=False), Value(tag(f"{{{{{prefix}.电话}}}}")), h=600),
        Row(Label("", vmerge="continue"), Label("职务", shade=False), Value(tag(f"{{{{{prefix}.职务}}}}")),
            Label("邮箱", shade=False), Value(tag(f"{{{{{prefix}.邮箱}}}}"), style="TableSmallLeft"), h=600),
    ]


def wide_row(label, runs, h=640):
    return Row(Label(label), Value(*runs, span=4), h=h)


def loop_table(grid, heads, key, cells, empty_text=None, index=True, small="TableSmall"):
    """A header row plus one row repeated per item of `key` ({{#key}} in the first cell, {{/key}} in
    the last). `cells` are (tag text, style) for the columns after 序号. With `empty_text`, an
    inverse row {{^key}}…{{/key}} says so when the list is empty. `small` is the centred style of
    the header, 序号 and empty row (小四; "TableFive" for tables of many columns). The 序号 column
    needs 680 twips at 小四 and 600 at 五号 to keep 序号 on one line."""
    heads = (["序号"] if index else []) + heads
    row_cells = []
    specs = ([("{{@index}}", small)] if index else []) + cells
    for i, (text, style) in enumerate(specs):
        runs = []
        if i == 0:
            runs.append(tag(f"{{{{#{key}}}}}"))
        runs.append(tag(text))
        if i == len(specs) - 1:
            runs.append(tag(f"{{{{/{key}}}}}"))
        row_cells.append(Value(*runs, style=style))
    rows = [Row(*[Label(h, style=small) for h in heads], h=560, header=True), Row(*row_cells, h=560)]
    if empty_text:
        rows.append(Row(Value(tag(f"{{{{^{key}}}}}"), R("—"), style=small),
                        Value(R(empty_text), tag(f"{{{{/{key}}}}}"), style=small, span=len(grid) - 1),
                        h=560))
    return Table(grid, rows)


def sd_jbgs_2025():
    title = "2025年全省数据要素市场化配置改革揭榜挂帅申报书"
    body = cover(["2025年全省数据要素市场化配置改革", "揭榜挂帅申报书"], [
        ("榜单方向", [tag("{{榜单方向}}")]),
        ("揭榜任务", [tag("{{任务名称}}")]),
        ("揭榜单位（盖章）", [tag("{{揭榜单位名称}}"), tag("{{%公章}}")]),
        ("推荐单位", [tag("{{推荐单位}}")]),
        ("申报日期", [tag("{{申报日期 | date}}")]),
    ])
    body += instructions([
        "一、揭榜单位应仔细阅读《关于开展2025年全省数据要素市场化配置改革揭榜挂帅工作的通知》，"
        "如实、详细地填写每一部分内容，单位名称应填写全称。",
        "二、每个揭榜单位牵头申报1个榜单方向。联合申报的，揭榜单位与联合单位总数不超过3家，"
        "前期应有良好的合作基础。",
        "三、揭榜任务应聚焦榜单方向，明确总体目标、阶段性目标及预期成果。理论研究类应至少完成一个研究报告，"
        "技术创新类应至少形成一个创新成果，应用实践类应至少打造一个应用场景或实践案例。",
        "四、表中选取项目请在“□”中划“√”。",
        "五、中央驻鲁、省属企事业单位于2025年1月20日前将申报书报送至省大数据局，"
        "其他揭榜单位于2025年1月15日前报送至所在设区市大数据局。",
        "六、申报书须提交盖章PDF版和Word版，两者内容应一致。",
    ])

    body.append(heading("一、揭榜单位基本情况", page=True))
    body.append(P("（一）揭榜单位", style="Heading2"))
    body.append(Table(INFO_GRID, [
        wide_row("单位名称", [tag("{{揭榜单位名称}}")]),
        wide_row("统一社会信用代码", [tag("{{统一社会信用代码}}")]),
        Row(Label("单位性质"), Cell(checkboxes("单位性质", ["企业", "高校", "科研院所", "其他事业单位", "社会组织"]),
                                    span=4), h=640),
        Row(Label("隶属关系"), Cell(checkboxes("隶属关系", ["中央驻鲁", "省属", "市属及以下"]), span=4), h=640),
        wide_row("注册地址", [tag("{{注册地址}}")]),
        wide_row("法定代表人", [tag("{{法定代表人}}")]),
        Row(Label("实验室依托单位"), Cell(P(*option_runs("是否实验室依托单位", "是"), R(FULL_SPACE * 2),
                                           *option_runs("是否实验室依托单位", "否"),
                                           R("（是否为山东省数据开放创新应用实验室建设依托单位）", sz=SIZE_XIAO4),
                                           style="TableText"), span=4), h=640),
        *contact_rows(),
        Row(Label("单位简介"), text_cell("单位简介", span=4,
                                       hint="（主营业务、数据领域研究创新能力、近三年相关项目和成果等，500字以内）"),
            h=3600, cant_split=False),
    ]))
    body.append(P("（二）联合单位（总数不超过2家）", style="Heading2"))
    # 序号 + 单位名称 = LABEL_W, so the columns line up with 合作基础 below; the 18-character code
    # and 山东省济南市 each on one line.
    body.append(loop_table([680, LABEL_W - 680, 2700, 1640, 1984], ["单位名称", "统一社会信用代码", "所在地", "承担任务"],
                           "联合单位", [("{{单位名称}}", "TableSmallLeft"), ("{{统一社会信用代码}}", "TableSmall"),
                                        ("{{所在地}}", "TableSmall"), ("{{承担任务}}", "TableSmallLeft")],
                           empty_text="无联合单位（独立揭榜）"))
    body.append(Table([LABEL_W, VALUE_W], [Row(Label("合作基础"), text_cell('合作基础 | default "无"'), h=1400)]))

    body.append(P())
    body.append(heading("二、揭榜任务"))
    half = len(JBGS_DIRECTIONS) // 2
    body.append(Table(INFO_GRID, [
        Row(Label("榜单方向"), Cell(checkbox_columns("榜单方向", [JBGS_DIRECTIONS[:half], JBGS_DIRECTIONS[half:]]),
                                    span=4), h=1600),
        wide_row("揭榜任务名称", [tag("{{任务名称}}")]),
        Row(Label("任务类型"), Cell(
            P(*option_runs("任务类型", "理论研究", "理论研究类（至少完成一个研究报告）"), style="TableText"),
            P(*option_runs("任务类型", "技术创新", "技术创新类（至少形成一个创新成果）"), style="TableText"),
            P(*option_runs("任务类型", "应用实践", "应用实践类（至少打造一个应用场景或实践案例）"), style="TableText"),
            span=4), h=1200),
        Row(Label("任务内容"), text_cell("任务内容", span=4,
                                       hint="（围绕榜单方向细化揭榜任务，说明拟解决的问题、主要研究或建设内容、技术路线）"),
            h=4000, cant_split=False),
    ]))

    body.append(P())
    body.append(heading("三、目标及预期成果"))
    body += section_text("（一）总体目标", "总体目标", level=2)
    body.append(P("（二）阶段性目标", style="Heading2"))
    body.append(loop_table([1200, 2900, 4744], ["阶段", "时间", "目标"], "阶段目标",
                           [("{{阶段}}", "TableSmall"), ("{{时间}}", "TableSmall"), ("{{目标}}", "TableSmallLeft")],
                           index=False))
    body.append(P("（三）预期成果", style="Heading2"))
    body.append(loop_table([700, 4644, 1800, 1700], ["成果名称", "成果形式", "完成时间"], "预期成果",
                           [("{{成果名称}}", "TableSmallLeft"), ("{{成果形式}}", "TableSmall"),
                            ("{{完成时间}}", "TableSmall")]))
    body += section_text("（四）创新点及推广价值", "创新点", level=2)

    body.append(P())
    body.append(heading("四、工作基础及团队"))
    body += section_text("（一）前期工作基础", "工作基础", level=2,
                         hint="（已承担的数据领域相关项目、获奖成果、发明专利、标准规范及应用成效等）")
    body.append(P("（二）研究团队", style="Heading2"))
    body.append(loop_table([680, 900, 2120, 1700, 1644, 1800], ["姓名", "单位", "职务/职称", "专业领域", "任务分工"],
                           "团队成员", [("{{姓名}}", "TableSmall"), ("{{单位}}", "TableSmallLeft"),
                                        ("{{职务职称}}", "TableSmall"), ("{{专业领域}}", "TableSmall"),
                                        ("{{任务分工}}", "TableSmallLeft")]))

    body.append(P())
    body.append(heading("五、保障条件"))
    body += section_text("（一）场地、人员、经费、技术等保障", "保障条件", level=2)
    body.append(P(R("计划投入经费："), tag("{{计划投入经费 | number}}"), R("元（大写："), tag("{{计划投入经费 | rmb}}"),
                  R("），其中自筹经费："), tag("{{自筹经费 | number}}"), R("元。"), style="Body"))
    body += section_text("（二）数据安全管理制度及技术措施", "数据安全保障", level=2)

    body.append(P())
    body.append(heading("六、诚信及真实性承诺"))
    promise = ("本单位及联合单位近三年内无重大违法经营行为，在质量、安全、环保等方面未发生重大事故，信用状况良好。"
               "所有申报材料均真实、完整、准确，申报内容所涉及的活动均符合国家相关法律法规要求。"
               "如获揭榜，将按承诺完成揭榜任务，并及时提请验收。前述声明与实际情况如有不符，本单位愿承担相应的责任。")
    body.append(opinion_table("揭榜单位\n承诺", [P(promise, style="TableBody")] + seal_block(
        "揭榜单位（盖章）：", "{{揭榜单位名称}}", "公章", [tag("{{申报日期 | date}}")]), height=4600))
    body.append(opinion_table("联合单位\n确认", [
        P("我单位同意参与上述揭榜任务联合申报，并按分工承担相应任务。", style="TableBody"),
        *joint_seal_places("联合单位", "{{单位名称}}", "联合单位（盖章）："),
        P(*BLANK_DATE, style="TableText", jc="right", ind={"right": 560}),
    ], height=2400))

    body.append(P())
    body.append(heading("七、推荐单位意见"))
    body.append(opinion_table("推荐单位\n意见", [
        P(tag(multiline_tag("推荐意见")), style="TableBody"),
        P(R("推荐排序：第 "), tag("{{推荐排序}}"), R(" 位"), style="TableText", ind={"left": 3400}, before=240),
    ] + seal_block("推荐单位（盖章）：", "{{推荐单位}}", "推荐单位公章", BLANK_DATE), height=4200))
    return title, body


# --- 山东省大数据发展创新平台申报书 ---------------------------------------------------------------

PLATFORM_KINDS = ["实验室", "产业创新中心", "创新服务机构", "创新人才基地"]
TEN_INDUSTRIES = ["新一代信息技术", "高端装备", "新能源新材料", "智慧海洋", "医养健康", "绿色化工",
                  "现代高效农业", "文化创意", "精品旅游", "现代金融"]
SERVICE_KINDS = ["数据资源提供商", "数据服务龙头单位", "第三方服务机构", "产业集聚区（园区）服务机构"]
SERVICE_FIELDS = ["数据采集", "数据传输", "数据存储", "数据流通", "数据计算", "数据分析", "数据可视化", "数据安全"]
TALENT_KINDS = ["院士工作站", "博士后工作站", "大数据实训基地"]


def kind_section(key, title, rows):
    """A part shown only for one platform kind: {{#key}} and {{/key}} stand alone in their own
    paragraphs around a heading and a table; inner tags use dotted paths (key.field)."""
    return [P(tag(f"{{{{#{key}}}}}"), style="TableText"),
            P(title, style="Heading2"),
            Table([LABEL_W, VALUE_W], rows),
            P(tag(f"{{{{/{key}}}}}"), style="TableText")]


def kv(label, key, h=640):
    return Row(Label(label), Value(tag(f"{{{{{key}}}}}")), h=h)


def kv_text(label, key, h=2400, hint=None):
    return Row(Label(label), text_cell(key, hint=hint), h=h, cant_split=False)


def sd_platform():
    title = "山东省大数据发展创新平台申报书"
    body = cover(["山东省大数据发展创新平台", "申报书"], [
        ("平台名称", [tag("{{平台名称}}")]),
        ("平台类别", [tag("{{平台类别}}")]),
        ("申报单位（盖章）", [tag("{{申报单位名称}}"), tag("{{%公章}}")]),
        ("推荐单位", [tag("{{推荐单位}}")]),
        ("申报日期", [tag("{{申报日期 | date}}")]),
    ])
    body += instructions([
        "一、本申报书适用于山东省大数据发展创新实验室、大数据产业创新中心、大数据创新服务机构、"
        "大数据创新人才基地的申报，每份申报书只申报一类平台。",
        "二、申报单位应如实填写各项内容，单位名称应填写全称，金额单位为元。",
        "三、表中选取项目请在“□”中划“√”；“平台专项情况”只填写所申报类别对应的部分。",
        "四、申报单位将申报书报所在市工业和信息化局或有关单位初审推荐，由省工业和信息化厅组织专家评审。",
        "五、申报书须提交加盖公章的PDF版本和可编辑Word版本，两者内容应一致。",
    ])

    body.append(heading("一、申报单位基本情况", page=True))
    body.append(Table(INFO_GRID, [
        wide_row("单位名称", [tag("{{申报单位名称}}")]),
        wide_row("统一社会信用代码", [tag("{{统一社会信用代码}}")]),
        Row(Label("单位性质"), Cell(checkboxes("单位性质", ["企业", "高校", "科研院所", "其他事业单位", "社会组织"]),
                                    span=4), h=640),
        wide_row("注册地址", [tag("{{注册地址}}")]),
        wide_row("法定代表人", [tag("{{法定代表人}}")]),
        wide_row("成立时间", [tag("{{成立时间 | date}}")]),
        wide_row("职工人数", [tag("{{职工人数}}"), R(" 人，其中研发人员 "), tag("{{研发人员数}}"), R(" 人")]),
        wide_row("上年度营业收入", [tag("{{上年度营业收入 | number}}"), R(" 元")]),
        wide_row("上年度研发投入", [tag("{{上年度研发投入 | number}}"), R(" 元")]),
        *contact_rows(),
        Row(Label("单位简介"), text_cell("单位简介", span=4), h=3200, cant_split=False),
    ]))

    body.append(P())
    body.append(heading("二、平台基本情况"))
    body.append(Table(INFO_GRID, [
        wide_row("平台名称", [tag("{{平台名称}}")]),
        Row(Label("平台类别"), Cell(checkboxes("平台类别", PLATFORM_KINDS), span=4), h=640),
        wide_row("重点领域", [tag("{{重点领域}}")]),
        Row(Label("平台负责人", vmerge="restart"), Label("姓名", shade=False), Value(tag("{{平台负责人.姓名}}")),
            Label("职务", shade=False), Value(tag("{{平台负责人.职务}}")), h=600),
        Row(Label("", vmerge="continue"), Label("职称", shade=False), Value(tag("{{平台负责人.职称}}")),
            Label("电话", shade=False), Value(tag("{{平台负责人.电话}}")), h=600),
        wide_row("团队人数", [tag("{{团队人数}}"), R(" 人")]),
        wide_row("场地面积", [tag("{{场地面积}}"), R(" 平方米")]),
        wide_row("已投入资金", [tag("{{已投入资金 | number}}"), R(" 元")]),
        wide_row("计划投入资金", [tag("{{计划投入资金 | number}}"), R(" 元（"), tag("{{计划投入资金 | rmb}}"),
                                 R("），建设期三年")]),
        Row(Label("平台概况"), text_cell("平台概况", span=4,
                                       hint="（建设基础、组织架构、场地设备、团队、已开展的工作和取得的成效）"),
            h=3600, cant_split=False),
    ]))

    body.append(P())
    body.append(heading("三、平台专项情况"))
    body.append(P("（只填写所申报类别对应的部分）", style="Hint"))
    body += kind_section("实验室", "大数据发展创新实验室", [
        kv("依托学科", "实验室.依托学科"),
        kv("研究方向", "实验室.研究方向"),
        kv_text("理论研究与\n工程技术攻关", "实验室.研究攻关",
                hint="（在数字孪生、知识图谱等新兴前沿交叉领域或量子计算、海洋科学等特色优势领域的研究与攻关）"),
        kv_text("代表性成果", "实验室.代表性成果", h=1800),
    ])
    body += kind_section("产业创新中心", "大数据产业创新中心", [
        Row(Label("服务产业"), Cell(checkboxes("产业创新中心.服务产业", TEN_INDUSTRIES)), h=1000),
        kv_text("技术创新与\n成果转化", "产业创新中心.技术创新",
                hint="（技术创新、产业技术开发与推广应用、系统性技术解决方案研发供给等）"),
        kv("产学研合作单位", "产业创新中心.合作单位"),
        Row(Label("孵化企业"), Value(tag("{{产业创新中心.孵化企业数}}"), R(" 家")), h=640),
    ])
    body += kind_section("创新服务机构", "大数据创新服务机构", [
        Row(Label("机构类型"), Cell(*checkbox_lines("创新服务机构.机构类型", SERVICE_KINDS)), h=1200),
        Row(Label("服务领域"), Cell(checkboxes("创新服务机构.服务领域", SERVICE_FIELDS)), h=900),
        kv_text("服务内容及成效", "创新服务机构.服务内容"),
        Row(Label("服务企业"), Value(tag("{{创新服务机构.服务企业数}}"), R(" 家")), h=640),
    ])
    body += kind_section("创新人才基地", "大数据创新人才基地", [
        Row(Label("基地类型"), Cell(checkboxes("创新人才基地.基地类型", TALENT_KINDS)), h=640),
        kv("合作院校", "创新人才基地.合作院校"),
        kv_text("人才引进和培养", "创新人才基地.人才培养",
                hint="（高层次人才引进、教育培训、实践锻炼等人才培养情况）"),
        Row(Label("年培训人数"), Value(tag("{{创新人才基地.年培训人数}}"), R(" 人次")), h=640),
    ])

    body.append(P())
    body.append(heading("四、建设目标与年度计划"))
    body += section_text("（一）建设目标", "建设目标", level=2)
    body.append(P("（二）年度计划", style="Heading2"))
    body.append(loop_table([1000, 4544, 3300], ["年度", "建设内容", "主要指标"], "年度计划",
                           [("{{年度}}", "TableSmall"), ("{{建设内容}}", "TableSmallLeft"),
                            ("{{主要指标}}", "TableSmallLeft")], index=False))
    body += section_text("五、保障措施", "保障措施", level=1,
                         hint="（组织管理、资金投入、运行机制、人才队伍、数据安全等方面的保障）")

    body.append(P())
    body.append(heading("六、真实性承诺"))
    promise = ("我单位对本申报书内容及所附材料的真实性、准确性负责，申报平台建设所涉及的活动均符合国家相关法律法规要求。"
               "如获认定，将按建设目标完成建设任务，按要求上报年度工作总结和工作计划，接受动态管理。")
    body.append(opinion_table("申报单位\n承诺", [P(promise, style="TableBody")] + seal_block(
        "申报单位（盖章）：", "{{申报单位名称}}", "公章", [tag("{{申报日期 | date}}")]), height=4200))
    body.append(P())
    body.append(heading("七、推荐单位意见"))
    body.append(opinion_table("市工业和\n信息化局\n（有关单位）\n意见", [
        P(tag(multiline_tag("推荐意见")), style="TableBody"),
        P(R("推荐排序：第 "), tag("{{推荐排序}}"), R(" 位"), style="TableText", ind={"left": 3400}, before=240),
    ] + seal_block("推荐单位（盖章）：", "{{推荐单位}}", "推荐单位公章", BLANK_DATE), height=4200))
    return title, body

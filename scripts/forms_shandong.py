"""Forms of the Shandong Big Data Bureau and the Shandong industry department.

sd-lab-2022   seed 000 附件2 (printed in full; followed exactly)
sd-jbgs-2025  seed 001 附件1 (not printed; designed after the notice)
sd-platform   seed 003 (no form printed; designed after the 工作方案)
"""
from docxgen import P, R, Cell, Label, Value, Row, Table, PAGE_BREAK, KAITI, SIZE_XIAO4
from formblocks import (FULL_SPACE, BLANK_DATE, blank, cover, instructions, heading, tag, checkboxes,
                        checkbox_lines, text_cell, labelled_text_rows, section_text, seal_block,
                        opinion_table)


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
    grid = [2200, 900, 2422, 900, 2422]
    body.append(heading("一、单位基本信息"))
    body.append(Table(grid, [
        Row(Label("主申报单位名称"), Value(tag("{{主申报单位名称}}"), span=4), h=680),
        Row(Label("主申报单位性质"), Cell(checkboxes("主申报单位性质", LAB_NATURE), span=4), h=680),
        Row(Label("联合申报单位名称"), Value(tag('{{联合申报单位名称 | default "无"}}'), span=4), h=680),
        Row(Label("联合申报单位性质"), Cell(checkboxes("联合申报单位性质", LAB_NATURE), span=4), h=680),
        Row(Label("申报方向"),
            Cell(*checkbox_lines("申报方向", ["数据开放应用创新", "数据开放流通创新"]), span=2),
            Cell(*checkbox_lines("申报方向", ["数据开放技术创新", "数据开放其他领域创新"]), span=2), h=900),
        Row(Label("单位地址"), Value(tag("{{单位地址}}"), span=4), h=680),
        Row(Label("联系人", vmerge="restart"), Label("姓名", shade=False), Value(tag("{{联系人.姓名}}")),
            Label("电话", shade=False), Value(tag("{{联系人.电话}}")), h=600),
        Row(Label("", vmerge="continue"), Label("职务", shade=False), Value(tag("{{联系人.职务}}")),
            Label("邮箱", shade=False), Value(tag("{{联系人.邮箱}}")), h=600),
        Row(Label("单位简介"), text_cell("单位简介", span=4), h=4500, cant_split=False),
    ]))

    # 二、人员参与情况 — one row repeated per member.
    body.append(P())
    body.append(heading("二、人员参与情况"))
    cols = [1150, 700, 700, 1500, 1350, 1944, 1500]
    head = ["姓名", "性别", "年龄", "职务", "职称", "分工", "参与起止日期"]
    body.append(Table(cols, [
        Row(*[Label(h) for h in head], h=600, header=True),
        Row(Value(tag("{{#人员}}"), tag("{{姓名}}"), style="TableSmall"),
            Value(tag("{{性别}}"), style="TableSmall"),
            Value(tag("{{年龄}}"), style="TableSmall"),
            Value(tag("{{职务}}"), style="TableSmall"),
            Value(tag("{{职称}}"), style="TableSmall"),
            Value(tag("{{分工}}"), style="TableSmallLeft"),
            Value(tag("{{参与起止日期}}"), tag("{{/人员}}"), style="TableSmall"), h=560),
    ]))

    # 三、实验室建设概述
    body.append(PAGE_BREAK())
    body.append(heading("三、实验室建设概述"))
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
    body.append(opinion_table("真实性承诺", [P(promise, style="TableBody")] + seal_block(
        "申报单位(公章)：", "{{主申报单位名称}}", "公章", [tag("{{申报日期 | date}}")],
        note="（联合申报的，均需盖章）"), height=4800))

    # 五、推荐单位意见
    body.append(P())
    body.append(heading("五、推荐单位意见"))
    body.append(Table([8844], [Row(Cell(P(tag("{{推荐意见}}"), style="TableBody"), *blank(3, "TableText"),
                                        *seal_block("推荐单位(公章)：", "{{推荐单位}}", "推荐单位公章", BLANK_DATE),
                                        valign="top"), h=4800)]))
    return title, body


def sd_jbgs_2025():
    raise NotImplementedError


def sd_platform():
    raise NotImplementedError

"""Forms of the Suzhou Big Data Bureau.

sz-lab  seed 004 苏州市大数据创新应用实验室申报指南 (申报表 not printed; designed after the 指南)
"""
from docxgen import P, R, Cell, Label, Row, Table
from formblocks import (FULL_SPACE, BLANK_DATE, cover, instructions, heading, tag, checkboxes,
                        checkbox_columns, multiline_tag, option_runs, text_cell, section_text,
                        seal_block, joint_seal_places, opinion_table)
from forms_shandong import INFO_GRID, contact_rows, wide_row, loop_table

SZ_DIRECTIONS = ["数字关键技术突破", "数据要素流通提速", "数据治理体系深化", "数字安全体系创新",
                 "赋能数字经济发展", "经济运行发展应用创新", "文化数字化建设创新", "农业农村建设应用创新",
                 "民生服务应用创新", "政府管理服务应用创新", "社会治理应用创新", "工业应用创新",
                 "城市建设应用创新", "公共信用服务应用创新"]
SZ_NATURE = ["高校", "科研院所", "医院", "企业", "社会组织", "其他"]


def numbered(options, start):
    """(option, "n.option") pairs for checkbox_columns."""
    return [(o, f"{start + i}.{o}") for i, o in enumerate(options)]


def sz_lab():
    title = "苏州市大数据创新应用实验室申报表"
    body = cover(["苏州市大数据创新应用实验室", "申报表"], [
        ("实验室名称", [tag("{{实验室名称}}")]),
        ("申报单位（盖章）", [tag("{{申报单位名称}}"), tag("{{%公章}}")]),
        ("推荐单位", [tag("{{推荐单位}}")]),
        ("申报日期", [tag("{{申报日期 | date}}")]),
    ])
    body += instructions([
        "一、申报单位应仔细阅读《苏州市大数据创新应用实验室申报指南》，如实、详细地填写每一部分内容，"
        "单位名称应填写全称。",
        "二、表中选取项目请在“□”中划“√”。",
        "三、实验室团队人员配置应不少于15人，其中具有副高职称或硕士学位及以上的科研人员不少于3人。",
        "四、所有申报单位联合申报次数均不能超过3次。高校须以相关专业二级学院名义申报。",
        "五、申报单位于2023年6月30日17点前将申报材料电子版（加盖公章的PDF版本与可编辑Word版本）"
        "及纸质版提交至注册地所属县级市（区）大数据主管部门；市级事业单位可提交至上级业务主管部门。",
        "六、电子版材料的内容与格式应与纸质版一致。",
    ])

    body.append(heading("一、申报单位基本情况", page=True))
    body.append(Table(INFO_GRID, [
        wide_row("单位名称", [tag("{{申报单位名称}}")]),
        wide_row("统一社会信用代码", [tag("{{统一社会信用代码}}")]),
        Row(Label("单位性质"), Cell(checkboxes("单位性质", SZ_NATURE), span=4), h=640),
        wide_row("所属地区", [tag("{{所属地区}}")]),
        wide_row("注册地址", [tag("{{注册地址}}")]),
        wide_row("法定代表人", [tag("{{法定代表人}}")]),
        *contact_rows(),
        Row(Label("单位简介"), text_cell("单位简介", span=4,
                                       hint="（单位基本情况、大数据应用相关领域研究能力、近三年相关项目及获奖情况）"),
            h=3600, cant_split=False),
    ]))

    body.append(P())
    body.append(heading("二、实验室基本情况"))
    body.append(Table(INFO_GRID, [
        wide_row("实验室名称", [tag("{{实验室名称}}")]),
        Row(Label("申报方向"), Cell(checkbox_columns("申报方向", [numbered(SZ_DIRECTIONS[:7], 1),
                                                                numbered(SZ_DIRECTIONS[7:], 8)],
                                                     style="TableSmallLeft"), span=4), h=2600),
        Row(Label("申报方式"), Cell(P(*option_runs("申报方式", "单独申报"), R(FULL_SPACE * 2),
                                      *option_runs("申报方式", "联合申报", "联合申报（本单位联合申报次数："),
                                      tag("{{联合申报次数}}"), R(" 次，含本次，不超过3次）"), style="TableText"),
                                    span=4), h=640),
    ]))
    body.append(P("联合申报单位", style="TableLabel", before=120, after=60))
    body.append(loop_table([700, 3300, 1500, 3344], ["单位名称", "单位性质", "承担任务"], "联合申报单位",
                           [("{{单位名称}}", "TableSmallLeft"), ("{{单位性质}}", "TableSmall"),
                            ("{{承担任务}}", "TableSmallLeft")], empty_text="无（单独申报）"))
    body += section_text("（一）实验室简介及主攻方向", "实验室简介", level=2,
                         hint="（研究方向和领域的优势或特色、拟解决的问题、在行业中的地位和示范作用）")

    body.append(P())
    body.append(heading("三、团队情况"))
    body.append(P("（一）团队成员（不少于15人，其中副高职称或硕士学位及以上不少于3人）", style="Heading2"))
    # Nine columns in 五号: 序号/性别/年龄 two characters, 姓名/职称 three, 学历 five (博士研究生),
    # 职务 five, 专业 six (地理信息系统); 分工 the rest.
    body.append(loop_table([600, 800, 600, 600, 1300, 840, 1344, 1440, 1320],
                           ["姓名", "性别", "年龄", "学历", "职称", "职务", "专业", "分工"], "人员",
                           [("{{姓名}}", "TableFive"), ("{{性别}}", "TableFive"), ("{{年龄}}", "TableFive"),
                            ("{{学历}}", "TableFive"), ("{{职称}}", "TableFive"), ("{{职务}}", "TableFive"),
                            ("{{专业}}", "TableFive"), ("{{分工}}", "TableFiveLeft")], small="TableFive"))
    body.append(P("（二）近三年承担的数字苏州建设项目或相关研究项目", style="Heading2"))
    body.append(loop_table([700, 3094, 2000, 1850, 1200], ["项目名称", "项目来源", "起止时间", "承担角色"],
                           "承担项目", [("{{项目名称}}", "TableSmallLeft"), ("{{项目来源}}", "TableSmallLeft"),
                                        ("{{起止时间}}", "TableSmall"), ("{{承担角色}}", "TableSmall")]))

    body.append(P())
    body.append(heading("四、实验室发展规划（未来2年）"))
    body += section_text("（一）发展思路和建设目标", "建设目标", level=2)
    body += section_text("（二）技术攻关", "发展规划.技术攻关", level=2)
    body += section_text("（三）知识产权", "发展规划.知识产权", level=2)
    body += section_text("（四）资金投入方式", "发展规划.资金投入", level=2)
    body.append(P(R("计划投入资金："), tag("{{计划投入资金 | number}}"), R(" 元（大写："),
                  tag("{{计划投入资金 | rmb}}"), R("）。"), style="Body"))
    body += section_text("（五）成果场景化应用", "发展规划.成果应用", level=2)
    body.append(P("（六）年度计划", style="Heading2"))
    body.append(loop_table([1400, 4144, 3300], ["年度", "目标任务", "预期成果"], "年度计划",
                           [("{{年度}}", "TableSmall"), ("{{目标任务}}", "TableSmallLeft"),
                            ("{{预期成果}}", "TableSmallLeft")], index=False))

    body.append(P())
    body.append(heading("五、实验条件和运行机制"))
    body += section_text("（一）科研设施和仪器设备", "实验条件.科研设施", level=2)
    body += section_text("（二）固定实验场所", "实验条件.实验场所", level=2)
    body += section_text("（三）管理体制和运行机制", "实验条件.运行机制", level=2)
    body += section_text("（四）数据安全管理", "数据安全保障", level=2,
                         hint="（数据安全管理制度、技术手段、应急机制及应急预案）")

    body.append(P())
    body.append(heading("六、申报单位承诺"))
    promise = ("本单位近三年未发生数据安全、知识产权及违法失信等不良行为。所有申报材料均真实、完整、准确，"
               "申报内容所涉及的活动均符合国家相关法律法规要求。前述声明与实际情况如有不符，本单位愿承担相应的责任。")
    body.append(opinion_table("申报单位\n承诺", [P(promise, style="TableBody")] + seal_block(
        "申报单位（盖章）：", "{{申报单位名称}}", "公章", [tag("{{申报日期 | date}}")],
        note="（联合申报的，各单位均需盖章）") + joint_seal_places("联合申报单位", "{{单位名称}}"), height=4200))
    body.append(P())
    body.append(heading("七、推荐意见"))
    body.append(opinion_table("推荐单位\n意见", [
        # Two options that do not fit one line: the second hangs under the first.
        P(R("推荐单位类型："), *option_runs("推荐单位类型", "县级市（区）大数据主管部门"),
          R("\n"), *option_runs("推荐单位类型", "市级部门"), style="TableText",
          ind={"left": 7 * 280, "hanging": 7 * 280}),
        P(tag(multiline_tag("推荐意见")), style="TableBody", before=120),
        P(R("推荐排序：第 "), tag("{{推荐排序}}"), R(" 位"), style="TableText", ind={"left": 3400}, before=240),
    ] + seal_block("推荐单位（盖章）：", "{{推荐单位}}", "推荐单位公章", BLANK_DATE), height=4200))
    return title, body

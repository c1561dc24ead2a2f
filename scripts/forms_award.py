"""全省大数据创新应用成果评选 (seed 002): one form per kind, the fields of the online 填报系统
laid out as a printable 申报表 (the notice prints no form).

sd-award-benchmark-unit  创新应用标杆单位
sd-award-scenario        典型应用场景 (数字政府/数字社会/数字经济; 建设现状 and 建设成效)
sd-award-solution        优秀解决方案
"""
from docxgen import P, R, Cell, Label, Row, Table
from formblocks import (FULL_SPACE, BLANK_DATE, LABEL_W, VALUE_W, cover, instructions, heading, tag,
                        checkboxes, multiline_tag, option_runs, text_cell, section_text, seal_block,
                        opinion_table)
from forms_shandong import INFO_GRID, contact_rows, wide_row, loop_table

UNIT_KINDS = ["政务部门", "事业单位", "企业", "社会组织", "第三方科研机构"]
DOMAINS = ["数字政府", "数字社会", "数字经济"]
TITLE = "全省大数据创新应用成果评选"


def award_instructions(kind, extra):
    return instructions([
        "一、本表依据《关于开展全省大数据创新应用成果评选工作的通知》编制，内容与大数据创新应用成果评选"
        "填报系统一致。申报单位在填报系统完成注册和填写后推送至推荐单位，并留存本表。",
        f"二、本表用于申报{kind}。单位名称应填写全称，表中选取项目请在“□”中划“√”。",
        extra,
        "四、各设区市大数据局、省直有关单位审核申报材料后，按推荐优先级排序推荐；"
        "省直各有关部门自主申报。",
        "五、申报材料须真实、准确，加盖公章的PDF版本与可编辑版本内容应一致。",
    ])


def unit_table(name_label="申报单位"):
    return Table(INFO_GRID, [
        wide_row("单位名称", [tag("{{申报单位名称}}")]),
        wide_row("统一社会信用代码", [tag("{{统一社会信用代码}}")]),
        Row(Label("单位类型"), Cell(checkboxes("单位类型", UNIT_KINDS), span=4), h=640),
        wide_row("所在市", [tag("{{所在市}}")]),
        wide_row("通讯地址", [tag("{{通讯地址}}")]),
        *contact_rows(),
    ])


def effect_table():
    """建设成效: service counts, time/labour/cost saved, satisfaction and other benefits. The short
    rows keep together with the last, so the heading never stands over a lone row."""
    return Table([LABEL_W, VALUE_W], [
        Row(Label("已提供服务次数"), Cell(P(tag("{{建设成效.服务次数 | number}}"), R(" 次"), style="TableText")), h=600, keep=True),
        Row(Label("服务对象数量"), Cell(P(tag("{{建设成效.服务对象数 | number}}"), R(" 个（人/家）"),
                                        style="TableText")), h=600, keep=True),
        Row(Label("节省时间"), text_cell("建设成效.节省时间", style="TableText", multiline=False), h=600, keep=True),
        Row(Label("节省人力"), text_cell("建设成效.节省人力", style="TableText", multiline=False), h=600, keep=True),
        Row(Label("节省资金成本"), Cell(P(R("约 "), tag("{{建设成效.节省资金 | number}}"), R(" 元/年"),
                                        style="TableText")), h=600, keep=True),
        Row(Label("服务对象满意度"), Cell(P(tag("{{建设成效.满意度}}"), R("%"), style="TableText")), h=600, keep=True),
        Row(Label("提高服务水平\n及其他经济、社会\n和生态效益"), text_cell("建设成效.其他效益"), h=2400, cant_split=False),
    ])


def commitment_and_recommendation(body, unit_label="申报单位"):
    body.append(P())
    body.append(heading("五、申报单位承诺"))
    promise = ("本单位承诺所填报内容真实、准确，申报成果所涉及的数据采集、使用和服务均符合国家相关法律法规要求，"
               "不存在知识产权纠纷。如有不实，本单位愿承担相应责任。")
    body.append(opinion_table("申报单位\n承诺", [P(promise, style="TableBody")] + seal_block(
        f"{unit_label}（盖章）：", "{{申报单位名称}}", "公章", [tag("{{申报日期 | date}}")]), height=4000))
    body.append(P())
    body.append(heading("六、推荐意见"))
    body.append(opinion_table("推荐单位\n意见", [
        P(R("推荐单位类型："), *option_runs("推荐单位类型", "设区市大数据局"), R(FULL_SPACE),
          *option_runs("推荐单位类型", "省直有关部门"), style="TableText"),
        P(tag(multiline_tag("推荐意见")), style="TableBody", before=120),
        P(R("推荐排序：第 "), tag("{{推荐排序}}"), R(" 位"), style="TableText", ind={"left": 3400}, before=240),
    ] + seal_block("推荐单位（盖章）：", "{{推荐单位}}", "推荐单位公章", BLANK_DATE), height=4200))


def award_cover(kind, name_label, name_key):
    return cover([TITLE, "申报表", f"（{kind}）"], [
        (name_label, [tag(f"{{{{{name_key}}}}}")]),
        ("申报单位（盖章）", [tag("{{申报单位名称}}"), tag("{{%公章}}")]),
        ("推荐单位", [tag("{{推荐单位}}")]),
        ("申报日期", [tag("{{申报日期 | date}}")]),
    ])


def sd_award_scenario():
    title = f"{TITLE}申报表（典型应用场景）"
    body = award_cover("典型应用场景", "场景名称", "场景名称")
    body += award_instructions("典型应用场景", "三、典型应用场景需写明场景的建设现状（场景完成情况、主要支撑系统、使用数据情况等），"
                               "并重点说明建设成效（已提供服务次数、提高服务水平、节省时间或人力、资金成本情况、"
                               "提升服务对象满意度，以及其他经济、社会和生态效益等）。")
    body.append(heading("一、申报单位基本情况", page=True))
    body.append(unit_table())
    body.append(P())
    body.append(heading("二、场景基本情况"))
    body.append(Table(INFO_GRID, [
        wide_row("场景名称", [tag("{{场景名称}}")]),
        Row(Label("应用领域"), Cell(checkboxes("应用领域", DOMAINS), span=4), h=640),
        wide_row("细分领域", [tag("{{细分领域}}")]),
        Row(Label("场景概述"), text_cell("场景概述", span=4,
                                       hint="（立足部门（单位）业务主责，针对政府、企业和群众面临的痛点、难点、堵点问题，"
                                            "说明场景的应用对象、业务流程和以数据驱动的解决思路）"),
            h=4000, cant_split=False),
    ]))
    body.append(P())
    body.append(heading("三、建设现状"))
    body.append(Table([LABEL_W, VALUE_W], [
        Row(Label("场景完成情况"), Cell(checkboxes("建设现状.完成情况", ["已建成并投入使用", "部分建成并试运行"]),
                                      P(R("上线运行时间："), tag("{{建设现状.上线时间 | date}}"), style="TableText")), h=900),
        Row(Label("主要支撑系统"), text_cell("建设现状.支撑系统"), h=2000, cant_split=False),
        Row(Label("使用数据情况"), text_cell("建设现状.使用数据",
                                         hint="（数据来源、数据项和数据量、共享交换和更新方式）"), h=2400, cant_split=False),
    ]))
    body.append(P())
    body.append(heading("四、建设成效"))
    body.append(effect_table())
    body += section_text("（一）创新点", "创新点", level=2)
    body += section_text("（二）复制推广价值", "推广价值", level=2)
    commitment_and_recommendation(body)
    return title, body


def sd_award_solution():
    title = f"{TITLE}申报表（优秀解决方案）"
    body = award_cover("优秀解决方案", "方案名称", "方案名称")
    body += award_instructions("优秀解决方案", "三、优秀解决方案应面向某一类应用场景中的某一具体问题或环节，以数据驱动为核心，"
                               "重点说明建设成效（已提供服务次数、提高服务水平、节省时间或人力、资金成本情况、"
                               "提升服务对象满意度，以及其他经济、社会和生态效益等）。")
    body.append(heading("一、申报单位基本情况", page=True))
    body.append(unit_table())
    body.append(P())
    body.append(heading("二、方案基本情况"))
    body.append(Table(INFO_GRID, [
        wide_row("方案名称", [tag("{{方案名称}}")]),
        Row(Label("面向领域"), Cell(checkboxes("面向领域", DOMAINS), span=4), h=640),
        wide_row("适用场景", [tag("{{适用场景}}")]),
        Row(Label("解决的问题"), text_cell("解决的问题", span=4), h=2000, cant_split=False),
        Row(Label("方案内容"), text_cell("方案内容", span=4,
                                       hint="（整合的产品和服务、技术架构、数据资源的挖掘利用方式）"),
            h=4000, cant_split=False),
        Row(Label("自主研发情况"), text_cell("自主研发", span=4,
                                         hint="（核心技术、发明专利、软件著作权等自主知识产权）"),
            h=2000, cant_split=False),
    ]))
    body.append(P())
    body.append(heading("三、应用案例"))
    body.append(loop_table([680, 2220, 2300, 1600, 2044], ["用户单位", "应用场景", "上线时间", "应用效果"],
                           "应用案例", [("{{用户单位}}", "TableSmallLeft"), ("{{应用场景}}", "TableSmallLeft"),
                                        ("{{上线时间}}", "TableSmall"), ("{{应用效果}}", "TableSmallLeft")]))
    body.append(P())
    body.append(heading("四、建设成效"))
    body.append(effect_table())
    body += section_text("（一）复制推广价值", "推广价值", level=2)
    commitment_and_recommendation(body)
    return title, body


def sd_award_benchmark_unit():
    title = f"{TITLE}申报表（创新应用标杆单位）"
    body = award_cover("创新应用标杆单位", "单位名称", "申报单位名称")
    body += award_instructions("创新应用标杆单位", "三、标杆单位应为推荐的典型应用场景的主责单位，或能提供较多解决方案的优秀企业，"
                               "具备大数据分析、挖掘和应用服务能力，在数据资源管理、数据分析服务、业务模式创新、"
                               "带动行业大数据应用等方面具有较强的示范引领作用。")
    body.append(heading("一、申报单位基本情况", page=True))
    body.append(unit_table())
    body.append(Table(INFO_GRID, [
        wide_row("职工人数", [tag("{{职工人数}}"), R(" 人，其中大数据专业人员 "), tag("{{大数据人员数}}"), R(" 人")]),
        Row(Label("单位简介"), text_cell("单位简介", span=4), h=3000, cant_split=False),
    ]))
    body.append(P())
    body.append(heading("二、大数据分析、挖掘和应用服务能力"))
    body += section_text("（一）数据资源管理", "示范引领.数据资源管理", level=2)
    body += section_text("（二）数据分析服务", "示范引领.数据分析服务", level=2)
    body += section_text("（三）业务模式创新", "示范引领.业务模式创新", level=2)
    body += section_text("（四）带动行业大数据应用", "示范引领.带动行业应用", level=2)
    body.append(P())
    body.append(heading("三、已开展或参与的大数据创新应用"))
    body.append(P("（一）应用场景", style="Heading2"))
    body.append(loop_table([680, 2720, 1300, 1400, 2744], ["场景名称", "应用领域", "本单位角色", "主要成效"],
                           "应用场景", [("{{场景名称}}", "TableSmallLeft"), ("{{应用领域}}", "TableSmall"),
                                        ("{{本单位角色}}", "TableSmall"), ("{{主要成效}}", "TableSmallLeft")]))
    body.append(P("（二）提供的解决方案", style="Heading2"))
    body.append(loop_table([680, 4364, 2000, 1800], ["方案名称", "面向领域", "应用单位数"],
                           "解决方案", [("{{方案名称}}", "TableSmallLeft"), ("{{面向领域}}", "TableSmall"),
                                        ("{{应用单位数}}", "TableSmall")], empty_text="无"))
    body.append(P())
    body.append(heading("四、荣誉及示范情况"))
    body.append(P(tag(multiline_tag('荣誉 | default "无"')), style="Body"))
    commitment_and_recommendation(body)
    return title, body

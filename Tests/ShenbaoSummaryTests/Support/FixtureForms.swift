/// Form specs shaped like the notices' rules, written to a temporary templates folder by the
/// tests. (The real packages under templates/ are summarised by FormPackageSummaryTests.)
enum FixtureForms {
    /// 揭榜挂帅: ≤2 per 榜单方向 per city, in recommendation order.
    static let jbgs = """
        id: jbgs-test
        title: 2025年全省数据要素市场化配置改革揭榜挂帅申报书
        fields:
          - {key: 揭榜单位名称, type: text, required: true}
          - {key: 榜单方向, type: choice, options: [数据产权, 公共数据授权运营, 数据流通交易, 数据收益分配, 数据要素安全治理, 数据基础设施, 数据资产入表, 数据标注]}
          - {key: 推荐单位, type: text}
          - {key: 推荐排序, type: integer}
          - key: 联系人
            type: group
            fields:
              - {key: 姓名, type: text}
              - {key: 电话, type: phone}
          - {key: 申请资金, label: 申请资金（万元）, type: amount}
        summary:
          by: 推荐单位
          rank: 推荐排序
          unit: 揭榜单位名称
          quotas:
            - {per: [推荐单位, 榜单方向], max: 2, message: 每个榜单方向每市推荐数量不超过2个}
          columns:
            - {key: 推荐单位, label: 推荐单位}
            - 推荐排序
            - {key: 揭榜单位名称, label: 揭榜单位}
            - 榜单方向
            - {key: 联系人.姓名, label: 联系人}
            - {key: 联系人.电话, label: 联系电话}
            - 申请资金

        """

    /// 山东省数据开放创新应用实验室: ≤2 per city, ≤1 per provincial department.
    static let sdLab = """
        id: sd-lab-test
        title: 山东省数据开放创新应用实验室（第二批）申报表
        fields:
          - {key: 主申报单位名称, type: text}
          - {key: 实验室名称, type: text}
          - {key: 推荐单位, type: text}
          - {key: 推荐排序, type: integer}
        summary:
          quotas:
            - per: 推荐单位
              when: {推荐单位: {matches: '市大数据局$'}}
              max: 2
              message: 每市推荐原则上不超过2个
            - per: 推荐单位
              when: {推荐单位: {not_matches: '市大数据局$'}}
              max: 1
              message: 省直各部门、单位推荐原则上不超过1个
          columns:
            - {key: 主申报单位名称, label: 申报单位}
            - 实验室名称
            - 推荐单位
            - 推荐排序

        """

    /// 大数据创新应用成果评选: about 15 标杆单位 per city — a soft quota.
    static let bigData = """
        id: bigdata-test
        title: 大数据创新应用标杆单位推荐表
        fields:
          - {key: 单位名称, type: text}
          - {key: 推荐单位, type: text}
          - {key: 推荐排序, type: integer}
        summary:
          quotas:
            - {per: 推荐单位, max: 15, severity: warning, message: 各设区市择优推荐15个左右}
          columns: [单位名称, 推荐单位, 推荐排序]

        """

    /// All fixtures by id.
    static let all: [String: String] = ["jbgs-test": jbgs, "sd-lab-test": sdLab, "bigdata-test": bigData]
}

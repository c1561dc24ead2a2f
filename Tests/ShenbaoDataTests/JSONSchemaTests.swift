import Foundation
import ShenbaoCore
import ShenbaoTestSupport
import Testing

@testable import ShenbaoData

@Suite struct JSONSchemaTests {
    func parsed(_ spec: FormSpec) throws -> [String: Any] {
        let text = JSONSchemaGenerator.schema(for: spec)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func committedSchemaIsUpToDate() throws {
        let committed = try String(contentsOfFile: repositoryRoot + "/templates/sd-lab-2022/form.schema.json", encoding: .utf8)
        #expect(committed == JSONSchemaGenerator.schema(for: try sdLabSpec()),
                "regenerate: .build/debug/shenbao schema --form sd-lab-2022 -o templates/sd-lab-2022/form.schema.json")
    }

    @Test func schemaCarriesLabelsChoicesRequiredAndTables() throws {
        let schema = try parsed(try sdLabSpec())
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["additionalProperties"] as? Bool == false)
        let required = try #require(schema["required"] as? [String])
        #expect(required.contains("申报日期") && required.contains("推荐单位") && !required.contains("联合申报单位名称") && !required.contains("公章"))
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect((properties["form"] as? [String: Any])?["const"] as? String == "sd-lab-2022")
        let nature = try #require(properties["主申报单位性质"] as? [String: Any])
        #expect(nature["enum"] as? [String] == ["高校", "科研院所", "医院", "企业", "其他"])
        let team = try #require(properties["人员"] as? [String: Any])
        #expect(team["title"] as? String == "人员参与情况")
        #expect(team["minItems"] as? Int == 1)
        let row = try #require(team["items"] as? [String: Any])
        #expect(row["required"] as? [String] == ["姓名"])
        let age = try #require((row["properties"] as? [String: Any])?["年龄"] as? [String: Any])
        #expect(age["minimum"] as? Int == 18 && age["maximum"] as? Int == 80)
        let contact = try #require(properties["联系人"] as? [String: Any])
        #expect(contact["required"] as? [String] == ["姓名", "电话", "邮箱"])
        let intro = try #require(properties["单位简介"] as? [String: Any])
        #expect(intro["maxLength"] as? Int == 1500)
        #expect(intro["description"] as? String == "单位基本情况、研究基础、相关资质，1500 字以内")
    }

    @Test func unconditionalRuleMinimumBecomesMinItems() throws {
        let spec = try FormSpec.parse(Array(SuzhouLabFixture.spec.utf8), path: "form.yaml")
        let properties = try #require(try parsed(spec)["properties"] as? [String: Any])
        #expect((properties["团队成员"] as? [String: Any])?["minItems"] as? Int == 15)
        #expect((properties["联合申报单位"] as? [String: Any])?["maxItems"] as? Int == 3)
    }

    /// Checks the schema with an independent implementation (python-jsonschema) when it is installed.
    @Test(.enabled(if: RequiredTools.present(.jsonSchema)))
    func anIndependentValidatorAcceptsTheSampleAndRejectsMistakes() throws {
        let files = try TestFiles()
        let schema = try files.write("schema.json", JSONSchemaGenerator.schema(for: try sdLabSpec()))
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            v = jsonschema.Draft202012Validator(schema)
            data = json.load(open(sys.argv[2]))
            print(len(list(v.iter_errors(data))))
            data["主申报单位性质"] = "大学"; data["联系人"]["传真"] = "1"; del data["单位地址"]; data["人员"][0]["年龄"] = 90
            print(sorted(e.validator for e in v.iter_errors(data)))
            """
        let result = try ExternalTool.run("python3", ["-c", script, schema, repositoryRoot + "/samples/sd-lab-2022/申报数据.json"], timeout: 60)
        #expect(result.status == 0, "\(result.errorText)")
        #expect(result.outputText == "0\n['additionalProperties', 'enum', 'maximum', 'required']\n")
    }
}

#!/usr/bin/env python3
"""Write every form template: templates/<form-id>/template.docx.

Stdlib only and deterministic (same script → byte-identical files). Run from the repository root:

    python3 scripts/make_templates.py            # all forms
    python3 scripts/make_templates.py sz-lab     # one form
    python3 scripts/make_templates.py --check    # exit 1 when a template differs from the script
    python3 scripts/make_templates.py --force    # overwrite templates edited after generation

The script is the templates' one source of truth: each template.docx records (docProps/core.xml) that
it is generated and a fingerprint of its parts; a template edited in Word or WPS afterwards is never
overwritten silently (the script stops and names it), and the test suite fails while a committed
template differs from what the script makes (Tests/ShenbaoCLITests/TemplateSourceTests.swift).

Tags are typed as text and each stays inside one run (see docs/forms.md for the tag language):
{{key}}, {{a.b}}, {{#rows}}…{{/rows}} (row loop: open tag in the first cell, close tag in the last
cell of one row), {{^rows}}…{{/rows}}, {{key=选项}} (checkbox ☑/□), {{%公章}} (seal image),
{{key | date}}, {{key | default "无"}}, {{key | number}}, {{key | rmb}}, {{@index}}.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from formblocks import write, EditedTemplate  # noqa: E402

# --- forms -----------------------------------------------------------------------------------

from forms_shandong import sd_lab_2022, sd_jbgs_2025, sd_platform  # noqa: E402
from forms_award import sd_award_benchmark_unit, sd_award_scenario, sd_award_solution  # noqa: E402
from forms_suzhou import sz_lab  # noqa: E402

FORMS = {
    "sd-lab-2022": sd_lab_2022,
    "sd-jbgs-2025": sd_jbgs_2025,
    "sd-award-benchmark-unit": sd_award_benchmark_unit,
    "sd-award-scenario": sd_award_scenario,
    "sd-award-solution": sd_award_solution,
    "sd-platform": sd_platform,
    "sz-lab": sz_lab,
}


def main(argv):
    flags = {a for a in argv[1:] if a.startswith("--")}
    unknown = flags - {"--check", "--force"}
    if unknown:
        sys.exit(f"未知的选项 {', '.join(sorted(unknown))}；可用：--check、--force")
    wanted = [a for a in argv[1:] if not a.startswith("--")] or list(FORMS)
    stale = []
    for form_id in wanted:
        if form_id not in FORMS:
            sys.exit(f"未知的表单编号 {form_id}；可用：{'、'.join(FORMS)}")
        title, body = FORMS[form_id]()
        try:
            if not write(form_id, title, body, check="--check" in flags, force="--force" in flags):
                stale.append(form_id)
        except EditedTemplate as e:
            print(f"错误：{e}", file=sys.stderr)
            stale.append(form_id)
    if stale:
        what = "与脚本生成的不一致（运行 python3 scripts/make_templates.py）" if "--check" in flags else "未写入"
        print(f"以下模板{what}：{'、'.join(stale)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv)

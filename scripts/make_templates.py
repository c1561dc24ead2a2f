#!/usr/bin/env python3
"""Write every form template: templates/<form-id>/template.docx.

Stdlib only and deterministic (same script → byte-identical files). Run from the repository root:

    python3 scripts/make_templates.py            # all forms
    python3 scripts/make_templates.py sz-lab     # one form

Tags are typed as text and each stays inside one run (see docs/forms.md for the tag language):
{{key}}, {{a.b}}, {{#rows}}…{{/rows}} (row loop: open tag in the first cell, close tag in the last
cell of one row), {{^rows}}…{{/rows}}, {{key=选项}} (checkbox ☑/□), {{%公章}} (seal image),
{{key | date}}, {{key | default "无"}}, {{key | number}}, {{key | rmb}}, {{@index}}.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from formblocks import write  # noqa: E402

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
    wanted = argv[1:] or list(FORMS)
    for form_id in wanted:
        if form_id not in FORMS:
            sys.exit(f"unknown form id {form_id}; known: {', '.join(FORMS)}")
        title, body = FORMS[form_id]()
        write(form_id, title, body)


if __name__ == "__main__":
    main(sys.argv)

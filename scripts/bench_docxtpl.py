"""docxtpl, the peer in the fill benchmark (scripts/bench-fill.sh).

    python bench_docxtpl.py TEMPLATE DATA.json OUT.docx          # one fill, as a command
    python bench_docxtpl.py TEMPLATE DATA.json OUT.docx --repeat N  # in-process: median of N fills

In-process timing counts what a Python caller pays per document once Python and docxtpl are
loaded: read the JSON, open the template, render, save.
"""
import json
import sys
import time

from docxtpl import DocxTemplate


def fill(template, data_path, out):
    with open(data_path, encoding="utf-8") as f:
        data = json.load(f)
    doc = DocxTemplate(template)
    doc.render(data)
    doc.save(out)


def main():
    template, data_path, out = sys.argv[1:4]
    if len(sys.argv) > 5 and sys.argv[4] == "--repeat":
        times = []
        for _ in range(int(sys.argv[5])):
            start = time.perf_counter()
            fill(template, data_path, out)
            times.append(time.perf_counter() - start)
        times.sort()
        print(f"{times[len(times) // 2] * 1000:.1f}")
    else:
        fill(template, data_path, out)


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Writes templates/<form-id>/summary.docx (the 推荐汇总表 template a bureau may restyle) for
# every form package whose form.yaml has a `summary:` section. Deterministic: re-running it on
# unchanged specs rewrites identical bytes. Usage: scripts/make-summary-templates.sh [form-id...]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product shenbao >/dev/null
bin="$(swift build --show-bin-path)/shenbao"
if [ "$#" -gt 0 ]; then ids=("$@"); else
    ids=()
    for spec in templates/*/form.yaml; do
        grep -q '^summary:' "$spec" && ids+=("$(basename "$(dirname "$spec")")")
    done
fi
for id in "${ids[@]}"; do
    "$bin" summary --form "$id" --make-template -o "templates/$id/summary.docx"
    echo "templates/$id/summary.docx"
done

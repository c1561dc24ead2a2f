#!/usr/bin/env bash
# Fill benchmark against the peer, in one run (BENCHMARKS.md, docs/bench-fill.md):
#   scripts/bench-fill.sh [ROWS...]        (default 100 1000 5000 20000)
# Builds shenbao (release), installs docxtpl from PyPI in a venv of its own under
# ~/.cache/shenbao (outside the checkout), generates one form for both engines
# (scripts/bench_form.py: a title, 40 paragraphs of tags, an 8-column personnel table) and the
# same JSON data, then times both as whole commands with hyperfine (medians), docxtpl once more in-process,
# prints the ratios, and checks that fill's peak memory stays within 4x the output's largest part
# plus the constant of a 100-row fill (exit 1 when it does not).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=("$@")
((${#rows[@]})) || rows=(100 1000 5000 20000)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/shenbao"
venv="$cache/venv-docxtpl"
if ! command -v hyperfine >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "bench: installing hyperfine"; $sudo apt-get install -y -qq hyperfine >/dev/null
fi
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import docxtpl" 2>/dev/null; then
  echo "bench: installing docxtpl into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "docxtpl==0.20.2"
fi
swift build -c release --static-swift-stdlib --product shenbao >/dev/null
shenbao="$PWD/.build/release/shenbao"
work="$(mktemp -d "${TMPDIR:-/tmp}/shenbao-bench-fill-XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 scripts/bench_form.py "$work" 100 "${rows[@]}"
docxtpl=("$venv/bin/python" "$PWD/scripts/bench_docxtpl.py")
echo "docxtpl $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("docxtpl"))'), $("$shenbao" --version 2>/dev/null || echo shenbao), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# The median of the runs, as bench_docxtpl.py reports its in-process fills: on a shared machine a
# few runs land on a busy core, and a mean moves with them.
median() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"]*1000)' "$1"; }
# The highest peak RSS of 5 runs: the template is compiled and the data checked on a second thread,
# and how their allocations interleave moves a run's peak by up to ~1.5 MB.
peak() { local top=0 kb; for _ in 1 2 3 4 5; do kb=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1); ((kb > top)) && top=$kb; done; echo "$top"; }
largest() { python3 -c 'import zipfile,sys; print(max(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist()))' "$1"; }

"$shenbao" fill "$work/shenbao.docx" "$work/data-100.json" -o "$work/base.docx"
base_kb=$(peak "$shenbao" fill "$work/shenbao.docx" "$work/data-100.json" -o "$work/base.docx")
status=0
printf '\n%7s %12s %12s %8s %14s %10s %12s\n' rows "docxtpl ms" "shenbao ms" ratio "in-process ms" ratio "peak MB"
for n in "${rows[@]}"; do
  data="$work/data-$n.json"
  runs=30; peer_runs=10
  ((n >= 5000)) && peer_runs=5
  ((n >= 20000)) && { runs=10; peer_runs=3; }
  hyperfine -N -w 2 -r "$runs" --export-json "$work/s.json" "$shenbao fill $work/shenbao.docx $data -o $work/s-$n.docx" >/dev/null 2>&1
  hyperfine -N -w 1 -r "$peer_runs" --export-json "$work/d.json" "${docxtpl[*]} $work/docxtpl.docx $data $work/d-$n.docx" >/dev/null 2>&1
  ours=$(median "$work/s.json"); peer=$(median "$work/d.json")
  inproc=$("${docxtpl[@]}" "$work/docxtpl.docx" "$data" "$work/d-$n.docx" --repeat "$peer_runs")
  rss_kb=$(peak "$shenbao" fill "$work/shenbao.docx" "$data" -o "$work/s-$n.docx")
  part=$(largest "$work/s-$n.docx")
  bound_kb=$((4 * part / 1024 + base_kb))
  printf '%7d %12.1f %12.1f %7.1fx %14.1f %9.1fx %6.1f of %.1f\n' "$n" "$peer" "$ours" \
    "$(python3 -c "print($peer/$ours)")" "$inproc" "$(python3 -c "print($inproc/$ours)")" \
    "$(python3 -c "print($rss_kb/1024)")" "$(python3 -c "print($bound_kb/1024)")"
  if ((rss_kb > bound_kb)); then
    echo "bench: FAIL: $n rows peaked at $rss_kb KB, over 4 x $part bytes (largest part) + $base_kb KB"
    status=1
  fi
done
echo
echo "ratio = docxtpl's time / shenbao fill's time (both whole commands; in-process: docxtpl's render+save"
echo "inside one Python process against shenbao as a command). peak MB: fill's peak RSS of its bound,"
echo "4 x the largest part of the output + the peak of a 100-row fill ($((base_kb / 1024)) MB); peaks are the highest of 5 runs."
exit $status

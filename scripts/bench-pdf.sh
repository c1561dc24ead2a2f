#!/usr/bin/env bash
# Conversion benchmark against the peers, in one run (BENCHMARKS.md, docs/bench-pdf.md):
#   scripts/bench-pdf.sh [COUNT]           (default 50)
# Fills the sd-lab-2022 sample (9 pages) and converts COUNT copies four ways, each timed from
# start to last PDF: `shenbao pdf --jobs 2` (its LibreOffice pool), `soffice --convert-to pdf`
# once per file, unoserver with one `unoconvert` per file (warm), and `shenbao pdf --remote` on
# two unoservers. Needs LibreOffice and the unoserver venv (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-50}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/shenbao"
uno="$cache/venv-unoserver/bin"
[ -x "$uno/unoserver" ] || { echo "bench: no unoserver venv; run scripts/setup.sh"; exit 2; }
swift build -c release --static-swift-stdlib --product shenbao >/dev/null
shenbao="$PWD/.build/release/shenbao"
work="$(mktemp -d "${TMPDIR:-/tmp}/shenbao-bench-pdf-XXXXXX")"
cleanup() {
  for f in "$work"/pid-*; do [ -f "$f" ] && kill -- "-$(cat "$f")" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/in"
"$shenbao" fill templates/sd-lab-2022/template.docx samples/sd-lab-2022/申报数据.yaml \
  --spec templates/sd-lab-2022/form.yaml -o "$work/form.docx"
for i in $(seq -w 1 "$count"); do cp "$work/form.docx" "$work/in/d$i.docx"; done
echo "$count copies of the filled sd-lab-2022 form; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
now() { date +%s.%N; }
per() { python3 -c "import sys; print(f'{(float(sys.argv[2]) - float(sys.argv[1])) / int(sys.argv[3]):.3f}')" "$1" "$2" "$count"; }
pdfs() { find "$1" -name '*.pdf' | wc -l; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_unoserver() {  # NAME -> prints the XML-RPC port; the instance leads its own process group
  local port uport; port=$(free_port); uport=$(free_port)
  # setsid may fork: the instance's own pid (its group) is what it writes, not $!.
  setsid sh -c 'echo $$ >"$1"; exec "$2" --interface 127.0.0.1 --port "$3" --uno-port "$4" --user-installation "$5" --quiet' \
    sh "$work/pid-$1" "$uno/unoserver" "$port" "$uport" "$work/uno-$1" >/dev/null 2>&1 &
  for _ in $(seq 1 120); do  # warm: the first conversion waits for LibreOffice
    "$uno/unoconvert" --host 127.0.0.1 --port "$port" "$work/form.docx" "$work/warm-$1.pdf" >/dev/null 2>&1 && break
    sleep 0.5
  done
  echo "$port"
}

t0=$(now); "$shenbao" pdf "$work"/in/*.docx -o "$work/pool" --jobs 2 >/dev/null 2>&1; t1=$(now)
pool=$(per "$t0" "$t1"); echo "shenbao pdf --jobs 2:        $pool s a document ($(pdfs "$work/pool") PDFs)"

soffice --headless -env:UserInstallation="file://$work/soffice-profile" --convert-to pdf --outdir "$work/warm" "$work/form.docx" >/dev/null 2>&1
t0=$(now)
for f in "$work"/in/*.docx; do
  soffice --headless -env:UserInstallation="file://$work/soffice-profile" --convert-to pdf --outdir "$work/soffice" "$f" >/dev/null 2>&1
done
t1=$(now); soffice_per=$(per "$t0" "$t1"); echo "soffice once per file:       $soffice_per s a document ($(pdfs "$work/soffice") PDFs)"

a=$(start_unoserver a)
mkdir -p "$work/unoconvert"
t0=$(now)
for f in "$work"/in/*.docx; do "$uno/unoconvert" --host 127.0.0.1 --port "$a" "$f" "$work/unoconvert/$(basename "$f" .docx).pdf" >/dev/null 2>&1; done
t1=$(now); unoconvert_per=$(per "$t0" "$t1"); echo "unoserver, unoconvert per file: $unoconvert_per s a document ($(pdfs "$work/unoconvert") PDFs)"

b=$(start_unoserver b)
t0=$(now); "$shenbao" pdf "$work"/in/*.docx -o "$work/remote" --remote "127.0.0.1:$a,127.0.0.1:$b" >/dev/null 2>&1; t1=$(now)
remote=$(per "$t0" "$t1"); echo "shenbao pdf --remote (2 unoservers): $remote s a document ($(pdfs "$work/remote") PDFs)"

python3 - "$pool" "$soffice_per" "$unoconvert_per" "$remote" <<'PY'
import sys
pool, soffice, unoconvert, remote = map(float, sys.argv[1:])
print(f"\nshenbao pdf --jobs 2 is {soffice / pool:.1f}x soffice per file and {unoconvert / pool:.1f}x unoconvert per file;")
print(f"--remote on two warm unoservers is {soffice / remote:.1f}x soffice per file and {unoconvert / remote:.1f}x unoconvert per file.")
print("target: <= 0.2 s a document with 2 jobs:", "met" if pool <= 0.2 else "NOT met")
PY

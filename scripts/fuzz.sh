#!/bin/sh
# Builds the libFuzzer targets in Fuzz/ (with AddressSanitizer) and runs each for FUZZ_SECONDS
# (default 60) from the seed corpus in Fuzz/Corpus/<target>. New inputs go to
# .build-fuzz/corpus/<target>, crashes to .build-fuzz/artifacts/ (and fail the run).
# Usage: scripts/fuzz.sh [target...]   (targets: json yaml taglexer package image)
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-60}"
SCRATCH=.build-fuzz
TARGETS="${*:-json yaml taglexer package image}"
swift build --package-path Fuzz --scratch-path "$SCRATCH" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing
BIN="$(swift build --package-path Fuzz --scratch-path "$SCRATCH" --show-bin-path)"
mkdir -p "$SCRATCH/artifacts"
status=0
for target in $TARGETS; do
    case "$target" in
        json) exe=FuzzJSON ;; yaml) exe=FuzzYAML ;; taglexer) exe=FuzzTagLexer ;;
        package) exe=FuzzPackage ;; image) exe=FuzzImage ;;
        *) echo "unknown fuzz target $target" >&2; exit 2 ;;
    esac
    mkdir -p "$SCRATCH/corpus/$target"
    echo "== $exe: $SECONDS_EACH s"
    if ! "$BIN/$exe" "$SCRATCH/corpus/$target" "Fuzz/Corpus/$target" \
        -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
        -artifact_prefix="$SCRATCH/artifacts/$target-" -print_final_stats=1 2>"$SCRATCH/$target.log"; then
        echo "!! $exe found a crash: see $SCRATCH/$target.log and $SCRATCH/artifacts/" >&2
        tail -40 "$SCRATCH/$target.log" >&2
        status=1
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$SCRATCH/$target.log" || true
done
exit $status

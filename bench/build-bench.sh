#!/usr/bin/env bash
# Build-time and memory benchmark of `coursepack build`, run by hand (never by the tests).
#
#   bench/build-bench.sh [UNITS] [RUNS]
#
# Makes a synthetic course of UNITS resources (default 200) from the example course, each with
# its own title, then builds the seeds course (if ../shared/seeds exists), the example course and
# the synthetic one RUNS times each (default 5), twice: "cold" into an empty output folder (the
# French analysis starts LanguageTool) and "rebuild" into the folder of a previous build (its
# analysis cache is reused, as when a trainer rebuilds after an edit). Prints the median wall time
# and the peak resident memory of each. Needs target/coursepack.jar (mvn -q -B package
# -DskipTests) and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS=${1:-200}
RUNS=${2:-5}
JAR=target/coursepack.jar
[ -f "$JAR" ] || { echo "build the jar first: mvn -q -B package -DskipTests" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (Debian package 'time')" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BIG="$WORK/synthetic"
mkdir -p "$BIG"
i=0
while [ "$i" -lt "$UNITS" ]; do
  for f in examples/qui-fait-quoi-numerique/0[123]-*.md; do
    [ "$i" -lt "$UNITS" ] || break
    n=$(printf '%04d' "$i")
    # A title of its own for each copy, so that every unit gets its own slug and package.
    sed -E "0,/^title:/s/^(title:.*)$/\1 (copie $n)/" "$f" > "$BIG/$n-$(basename "$f")"
    i=$((i + 1))
  done
done

measure() { # name dir cold|rebuild
  local name=$1 dir=$2 mode=$3 times=() rss=0
  rm -rf "$WORK/out"
  if [ "$mode" = rebuild ]; then
    java -jar "$JAR" build "$dir" --out "$WORK/out" -q > /dev/null 2>&1 || true
  fi
  for _ in $(seq "$RUNS"); do
    [ "$mode" = cold ] && rm -rf "$WORK/out"
    /usr/bin/time -f '%e %M' -o "$WORK/time" java -jar "$JAR" build "$dir" --out "$WORK/out" -q \
      > /dev/null 2>&1 || true
    read -r t m < "$WORK/time"
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  local archives
  archives=$(find "$WORK/out" -type f ! -path '*/.coursepack-cache/*' | wc -l)
  printf '%-24s %-8s %5s files  median %6.2f s  peak RSS %5d MB\n' \
    "$name" "$mode" "$archives" "$median" $((rss / 1024))
}

echo "coursepack build, $RUNS runs each, $(nproc) cores, $(java -version 2>&1 | head -1)"
for mode in cold rebuild; do
  [ -d ../shared/seeds ] && measure "seeds (5 units)" ../shared/seeds "$mode"
  measure "example (4 units)" examples/qui-fait-quoi-numerique "$mode"
  measure "synthetic ($UNITS units)" "$BIG" "$mode"
done

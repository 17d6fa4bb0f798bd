#!/usr/bin/env bash
# Memory and time of `coursepack validate` on big archives, run by hand (never by the tests).
#
#   bench/validate-bench.sh [SIZE_MB]
#
# Makes a one-unit course whose local video is SIZE_MB of random bytes (default 1024), builds it
# (SCORM 1.2 zips and the Moodle backup both carry the video), then validates the unit zip, the
# course zip and the .mbz, printing wall time and peak resident memory of each run. Memory must
# stay flat whatever the size: entries are streamed (the .mbz blob is hashed as it passes), never
# held in memory or unpacked. Needs target/coursepack.jar and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-1024}
JAR=target/coursepack.jar
[ -f "$JAR" ] || { echo "build the jar first: mvn -q -B package -DskipTests" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (Debian package 'time')" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/course/videos"
head -c "$((SIZE * 1024 * 1024))" /dev/urandom > "$WORK/course/videos/grande.mp4"
cat > "$WORK/course/grande.md" <<'MD'
---
title: Une très grande vidéo
videoFile: videos/grande.mp4
---

## Transcription

Le CPD numérique anime le réseau des eRUN du département.
MD
run() { # label command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > "$WORK/out.txt" 2>&1 || true
  read -r secs kb < "$WORK/time"
  printf '%-34s %7.1f s %6d MB  %s\n' "$label" "$secs" "$((kb / 1024))" "$(tail -1 "$WORK/out.txt")"
}
run "build ($SIZE MB video)" java -jar "$JAR" build "$WORK/course" --out "$WORK/out" --format scorm12,mbz -q
for f in "$WORK"/out/scorm12/*.zip "$WORK"/out/mbz/*.mbz; do
  run "validate $(basename "$f") ($(( $(stat -c %s "$f") / 1048576 )) MB)" java -jar "$JAR" validate "$f"
done
run "validate (small: the example's mbz)" java -jar "$JAR" validate src/test/resources/validate/good.mbz

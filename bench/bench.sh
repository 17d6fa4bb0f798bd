#!/usr/bin/env bash
# The benchmark of issue 12 ("fast and light"), run by hand (never by the tests).
#
#   bench/bench.sh [--units N] [--runs R] [--video-mb M] [--seeds DIR] [--jar JAR] [--launcher]
#                  [--no-video]
#
# Prints one table: the floor (`java -jar coursepack.jar --version`, the cost of starting the JVM
# and the program), then each row of the issue's table with what was measured, the target, the
# ratio to the floor and whether the target is met, the processor time (user + system, which the
# load of other processes distorts less than the wall time) and the peak resident memory. Times are
# the median of R runs (default 3) of the whole process, JVM start included; memory the largest
# peak.
#
# With --launcher every row but the floor runs the release zip's launcher (src/dist/bin/coursepack,
# with the JVM options it passes) on the jar instead of `java -jar`, and one more row gives the
# launcher's own floor; the ratios stay to the `java -jar` floor. --no-video leaves out the video
# row (a few minutes).
#
#   seeds, all formats, cold    build of the seeds course (DIR, default ../shared/seeds; the row
#                               is skipped when absent) into an empty folder, every format
#   N units, cold               build of a synthetic course of N resources (default 200) whose
#                               transcripts are all different (bench/synthetic-course.py), and
#                               how many cores it kept busy ((user + system) / wall)
#   one text of N edited        rebuild into the cold build's folder after one transcript changed
#   check seeds, cold           `check` on the seeds, with no analysis cache
#   500 KB unpunctuated         `check` of a 500 KB transcript without punctuation, minus `check`
#                               of a one-sentence one: the analysis alone
#   video M MiB                 build --format scorm12,mbz,h5p with -Xmx256m of a course whose
#                               local video is M MiB (default 256) of random bytes: archive bytes
#                               written per second beyond the same build with a 1 MiB video,
#                               against `cp` of the video; and, from one more run under strace,
#                               how many times the video file was read through
#   jar                         size and what takes the room
#
# Needs target/coursepack.jar (mvn -q -B package -DskipTests), GNU time, Python 3; strace for the
# count of video reads (skipped without it). Other processes on the machine make the times noisy:
# the load average is printed with the table.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
UNITS=200
RUNS=3
VIDEO_MB=256
SEEDS=../shared/seeds
JAR=target/coursepack.jar
LAUNCHER=no
NO_VIDEO=no
while [ $# -gt 0 ]; do
  case $1 in
    --units) UNITS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --video-mb) VIDEO_MB=$2; shift 2 ;;
    --seeds) SEEDS=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    --launcher) LAUNCHER=yes; shift ;;
    --no-video) NO_VIDEO=yes; shift ;;
    *) sed -n '2,/^set /p' "$0" | sed 's/^# \{0,1\}//;/^set /d' >&2; exit 2 ;;
  esac
done
JAR=$(realpath "$JAR")
[ -f "$JAR" ] || { echo "build the jar first: mvn -q -B package -DskipTests" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (Debian package 'time')" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
CORES=$(nproc)

# run LABEL CMD...: runs the command once in $WORK/cwd (no analysis cache there), appending
# "wall user sys rssKB" to $WORK/LABEL.
run() {
  local label=$1; shift
  mkdir -p "$WORK/cwd"
  (cd "$WORK/cwd" && /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "$@" > "$WORK/last.log" 2>&1) \
    || { echo "failed: $* (see below)" >&2; tail -5 "$WORK/last.log" >&2; }
  cat "$WORK/time" >> "$WORK/t/$label"
}
mkdir -p "$WORK/t"
median() { awk '{print $'"${2:-1}"'}' "$WORK/t/$1" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cpus() { awk '{print $2+$3}' "$WORK/t/$1" | sort -n | awk '{a[NR]=$1} END {printf "%.2f s", a[int((NR+1)/2)]}'; }
cpu() { awk '{c=($2+$3)/$1; print c}' "$WORK/t/$1" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'; }
peak() { awk 'BEGIN{m=0} {if ($4>m) m=$4} END {printf "%d", m/1024}' "$WORK/t/$1"; }
calc() { awk "BEGIN {printf \"%.2f\", $*}"; }
ok() { awk "BEGIN {exit !($*)}" && echo pass || echo FAIL; }
ROWS=()
# row LABEL MEASURED TARGET RATIO PASS RSS [CPU]
row() { ROWS+=("$(printf '| %s | %s | %s | %s | %s | %s | %s |' "$1" "$2" "$3" "$4" "$5" "${7:-}" "$6")"); }

# How a row runs coursepack: `java -jar`, or the release launcher on the same jar.
CP=(java -jar "$JAR")
VIA=""
if [ "$LAUNCHER" = yes ]; then
  mkdir -p "$WORK/home/bin" "$WORK/home/lib"
  cp src/dist/bin/coursepack "$WORK/home/bin/coursepack"
  ln -s "$JAR" "$WORK/home/lib/coursepack.jar"
  CP=("$WORK/home/bin/coursepack")
  VIA=", bin/coursepack"
fi

echo "coursepack benchmark: $CORES cores, $(java -version 2>&1 | head -1), $(date -u '+%Y-%m-%d %H:%M UTC')" >&2
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# ---------------------------------------------------------------- floor
for _ in $(seq "$RUNS"); do run floor java -jar "$JAR" --version; done
FLOOR=$(median floor)
row "floor: \`--version\`" "$FLOOR s" "" "1.00" "" "$(peak floor) MB" "$(cpus floor)"
if [ "$LAUNCHER" = yes ]; then
  for _ in $(seq "$RUNS"); do run lfloor "${CP[@]}" --version; done
  row "floor$VIA" "$(median lfloor) s" "" "$(calc "$(median lfloor) / $FLOOR")" "" \
    "$(peak lfloor) MB" "$(cpus lfloor)"
fi
echo "floor $FLOOR s" >&2

# ---------------------------------------------------------------- seeds
if [ -d "$SEEDS" ]; then
  SEEDS=$(realpath "$SEEDS")
  for _ in $(seq "$RUNS"); do
    rm -rf "$WORK/out-seeds"
    run seeds "${CP[@]}" build "$SEEDS" --out "$WORK/out-seeds" -q
  done
  T=$(median seeds); R=$(peak seeds)
  row "seeds ($(find "$SEEDS" -maxdepth 1 -name '*.txt' -o -maxdepth 1 -name '*.md' | wc -l) units), all formats, cold$VIA" \
    "$T s" "≤ 5 × floor, ≤ 256 MB" "$(calc "$T / $FLOOR")" \
    "$(ok "$T <= 5 * $FLOOR && $R <= 256")" "$R MB" "$(cpus seeds)"
  echo "seeds cold $T s" >&2
  for _ in $(seq "$RUNS"); do run checkseeds "${CP[@]}" check "$SEEDS" -q; done
  T=$(median checkseeds)
  CHECK_ROW=("check seeds, cold$VIA" "$T s" "≤ 4 × floor" "$(calc "$T / $FLOOR")" \
    "$(ok "$T <= 4 * $FLOOR")" "$(peak checkseeds) MB" "$(cpus checkseeds)")
  echo "check seeds $T s" >&2
else
  row "seeds" "skipped: no $SEEDS" "" "" "" ""
  CHECK_ROW=("check seeds" "skipped" "" "" "" "")
fi

# ---------------------------------------------------------------- N units
python3 bench/synthetic-course.py "$WORK/synthetic" --units "$UNITS" > /dev/null
for _ in $(seq "$RUNS"); do
  rm -rf "$WORK/out-n"
  run ncold "${CP[@]}" build "$WORK/synthetic" --out "$WORK/out-n" -q
done
T=$(median ncold); C=$(cpu ncold)
TARGET=$(calc "0.030 * $UNITS + 5 * $FLOOR")
row "$UNITS units, distinct transcripts, cold$VIA" "$T s ($(calc "1000 * $T / $UNITS") ms/unit), $C cores busy" \
  "≤ $TARGET s (30 ms/unit + 5 × floor), every core" "$(calc "$T / $FLOOR")" \
  "$(ok "$T <= $TARGET && $C >= $CORES - 0.5")" "$(peak ncold) MB" "$(cpus ncold)"
echo "$UNITS cold $T s, $C cores" >&2
COLD=$T
for i in $(seq "$RUNS"); do
  f=$(printf '%s/synthetic/%04d-episode.md' "$WORK" $((i * 7 % UNITS + 1)))
  echo "Cette phrase a été ajoutée pour la mesure numéro $i." >> "$f"
  run nedit "${CP[@]}" build "$WORK/synthetic" --out "$WORK/out-n" -q
done
T=$(median nedit)
row "one text of $UNITS edited, rebuild$VIA" "$T s ($(calc "100 * $T / $COLD") % of cold)" \
  "≤ 10 % of cold or ≤ 3 × floor" "$(calc "$T / $FLOOR")" \
  "$(ok "$T <= 0.10 * $COLD || $T <= 3 * $FLOOR")" "$(peak nedit) MB" "$(cpus nedit)"
echo "rebuild $T s" >&2
row "${CHECK_ROW[@]}"

# ---------------------------------------------------------------- 500 KB without punctuation
python3 bench/synthetic-course.py "$WORK/unpunctuated" --unpunctuated 500
mkdir -p "$WORK/tiny"
printf 'title: Court\nshortname: COURT\nlanguage: fr\n' > "$WORK/tiny/course.yaml"
printf -- '---\ntitle: Court\n---\n\n## Transcription\n\nLe CPD numérique anime le réseau des eRUN.\n' \
  > "$WORK/tiny/court.md"
for _ in $(seq "$RUNS"); do
  run unp "${CP[@]}" check "$WORK/unpunctuated" -q
  run tiny "${CP[@]}" check "$WORK/tiny" -q
done
A=$(calc "$(median unp) - $(median tiny)")
row "500 KB transcript without punctuation$VIA" "$A s of analysis ($(median unp) s − $(median tiny) s)" \
  "≤ 2 s, linear" "$(calc "$(median unp) / $FLOOR")" "$(ok "$A <= 2")" "$(peak unp) MB" "$(cpus unp)"
echo "500 KB $A s" >&2

# ---------------------------------------------------------------- big video
if [ "$NO_VIDEO" = no ]; then
  video_course() { # DIR MB
    mkdir -p "$1/videos"
    head -c "$(($2 * 1024 * 1024))" /dev/urandom > "$1/videos/grande.mp4"
    printf 'title: Vidéo\nshortname: VIDEO\nlanguage: fr\n' > "$1/course.yaml"
    printf -- '---\ntitle: Une grande vidéo\nvideoFile: videos/grande.mp4\n---\n\n## Transcription\n\nLe CPD numérique anime le réseau des eRUN du département.\n' \
      > "$1/grande.md"
  }
  video_course "$WORK/video" "$VIDEO_MB"
  video_course "$WORK/video1" 1
  if [ "$LAUNCHER" = yes ]; then
    BUILD_VIDEO=(env JAVA_OPTS=-Xmx256m "${CP[@]}" build --format scorm12,mbz,h5p -q)
  else
    BUILD_VIDEO=(java -Xmx256m -jar "$JAR" build --format scorm12,mbz,h5p -q)
  fi
  for _ in $(seq "$RUNS"); do
    rm -rf "$WORK/out-v" "$WORK/out-v1" "$WORK/copy.mp4"
    run video "${BUILD_VIDEO[@]}" "$WORK/video" --out "$WORK/out-v"
    run video1 "${BUILD_VIDEO[@]}" "$WORK/video1" --out "$WORK/out-v1"
    run cp cp "$WORK/video/videos/grande.mp4" "$WORK/copy.mp4"
  done
  archives() { find "$1" -type f \( -name '*.zip' -o -name '*.mbz' -o -name '*.h5p' \) -printf '%s\n' | awk '{s+=$1} END {print s}'; }
  NARCH=$(find "$WORK/out-v" -type f \( -name '*.zip' -o -name '*.mbz' -o -name '*.h5p' \) | wc -l)
  BYTES=$(($(archives "$WORK/out-v") - $(archives "$WORK/out-v1")))
  TV=$(median video); TV1=$(median video1); TCP=$(median cp)
  BUILD_RATE=$(calc "$BYTES / 1048576 / ($TV - $TV1)")
  CP_RATE=$(calc "$VIDEO_MB / ($TCP > 0.01 ? $TCP : 0.01)")
  READS="not counted (no strace)"
  if command -v strace > /dev/null; then
    rm -rf "$WORK/out-v"
    strace -f -qq -e trace=openat,read,close -o "$WORK/strace" \
      "${BUILD_VIDEO[@]}" "$WORK/video" --out "$WORK/out-v" > /dev/null 2>&1 || true
    READS=$(python3 - "$WORK/strace" "$WORK/video/videos/grande.mp4" "$((VIDEO_MB * 1048576))" <<'PY'
import re, sys
log, video, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
fds, total, passes, current = {}, 0, 0, {}
for line in open(log, errors="replace"):
    m = re.match(r'\d+\s+openat\([^"]*"([^"]*)".*\)\s*=\s*(\d+)', line)
    if m:
        if m.group(1) == video:
            fds[m.group(2)] = True
            current[m.group(2)] = 0
        else:
            fds.pop(m.group(2), None)
        continue
    m = re.match(r'\d+\s+read\((\d+),.*\)\s*=\s*(\d+)', line)
    if m and m.group(1) in fds:
        n = int(m.group(2)); total += n; current[m.group(1)] += n
        continue
    m = re.match(r'\d+\s+close\((\d+)\)', line)
    if m and fds.pop(m.group(1), None):
        passes += current.pop(m.group(1)) >= 0.9 * size
print(f"{total / size:.2f} {passes}")
PY
  )
    read -r VOLUME PASSES <<< "$READS"
    READS="read $PASSES times through ($VOLUME × its size) for $NARCH archives"
  fi
  row "video $VIDEO_MB MiB: SCORM 1.2 + .mbz + H5P, -Xmx256m$VIA" \
    "$TV s; $BUILD_RATE MB/s of archives vs cp $CP_RATE MB/s; $READS" \
    "≥ 0.8 × cp, heap ≤ 256 MB, video read ≤ twice" "$(calc "$BUILD_RATE / $CP_RATE") × cp" \
    "$(ok "$BUILD_RATE >= 0.8 * $CP_RATE")" "$(peak video) MB" "$(cpus video)"
  echo "video $TV s" >&2
fi

# ---------------------------------------------------------------- jar
JARINFO=$(python3 - "$JAR" <<'PY'
import sys, zipfile, collections
z = zipfile.ZipFile(sys.argv[1])
by = collections.Counter()
for i in z.infolist():
    parts = i.filename.split("/")
    key = "/".join(parts[:3]) if parts[0] in ("org", "com", "net", "io", "de", "edu") else parts[0]
    by[key] += i.compress_size
top = ", ".join(f"{k} {v / 1e6:.1f}" for k, v in by.most_common(6))
print(f"{len(z.infolist())} entries; MB by prefix: {top}")
PY
)
row "jar" "$(( $(stat -c %s "$JAR") / 1000000 )) MB: $JARINFO" "no library never called" "" "libraries below" ""

echo
echo "coursepack benchmark: $CORES cores, $(java -version 2>&1 | head -1), $RUNS runs each (median), load $(cut -d' ' -f1-3 /proc/loadavg) after"
echo
echo "| row | measured | target | ratio to floor | | CPU user+sys | peak RSS |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "Libraries in the jar (from their Maven metadata):"
unzip -Z1 "$JAR" | sed -n 's|^META-INF/maven/\([^/]*\)/\([^/]*\)/pom.properties$|\2|p' | sort | tr '\n' ' '
echo

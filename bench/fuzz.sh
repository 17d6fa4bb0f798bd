#!/usr/bin/env bash
# Runs the fuzz tests (Jazzer @FuzzTest, issue 13.6) as fuzzers, one after another, by hand
# (never by the tests: `mvn -B verify` only replays their committed inputs).
#
#   bench/fuzz.sh [SECONDS per target, default 300] [TARGET...]
#
# TARGETs (default: all, in this order):
#   resource     source/ResourceReaderFuzzTest    one resource file: decoding, front matter, body
#   course-yaml  source/CourseReaderFuzzTest      course.yaml beside one ordinary resource
#   overrides    quiz/QuizOverridesFuzzTest       a quiz sidecar applied to a small quiz
#   zip          validate/ValidatorFuzzTest       SCORM 1.2/2004, H5P and IMS CC archives made by
#                                                 editing the entries of valid ones
#   mbz          validate/ValidatorFuzzTest       Moodle backups (.mbz) made the same way
#   moodle-xml   validate/ValidatorFuzzTest       Moodle XML question files
#   gift         validate/ValidatorFuzzTest       GIFT question files
#
# A finding is an exception out of the entry point, an "internal error" diagnostic, a diagnostic
# on a line the file does not have, an input taking more than FUZZ_TIMEOUT seconds (default 20),
# or an OutOfMemoryError with a heap of FUZZ_HEAP (default 1g). For each target the script prints
# the executions, executions per second, libFuzzer's coverage counters (cov: edges, ft: features)
# and the crash files. Jazzer writes a crashing input into the target's committed inputs folder
# (src/test/resources/<package>/<Class>Inputs/<method>/crash-<sha1>), so that `mvn test` replays
# it from then on: fix the bug, give the file a name that says what it holds, commit it.
# The working corpus of a run is kept in .cifuzz-corpus/ (not committed) and grows across runs.
# Full logs: target/fuzz/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-300}
shift || true
timeout_s=${FUZZ_TIMEOUT:-20}
heap=${FUZZ_HEAP:-1g}

declare -A TARGETS=(
  [resource]='ResourceReaderFuzzTest#anyFileGivesDiagnosticsOnItsOwnLinesAndNeverAnInternalError'
  [course-yaml]='CourseReaderFuzzTest#anyCourseYamlGivesACourseAndDiagnosticsOnItsOwnLines'
  [overrides]='QuizOverridesFuzzTest#anySidecarGivesAQuizAndDiagnosticsOnItsOwnLines'
  [zip]='ValidatorFuzzTest#anyZipPackageMadeFromAValidOneGetsAReport'
  [mbz]='ValidatorFuzzTest#anyBackupMadeFromAValidOneGetsAReport'
  [moodle-xml]='ValidatorFuzzTest#anyMoodleXmlFileGetsAReport'
  [gift]='ValidatorFuzzTest#anyGiftFileGetsAReport'
)
ORDER=(resource course-yaml overrides zip mbz moodle-xml gift)
if [ $# -eq 0 ]; then set -- "${ORDER[@]}"; fi
for t in "$@"; do
  if [ -z "${TARGETS[$t]:-}" ]; then
    echo "unknown target '$t'; targets: ${ORDER[*]}" >&2
    exit 2
  fi
done

mkdir -p target/fuzz
echo "compiling the tests..."
mvn -q -B test-compile

printf '\n%-12s %12s %8s %8s %8s %s\n' target executions exec/s cov ft findings
for t in "$@"; do
  log=target/fuzz/$t.log
  # Fuzzing mode fuzzes one @FuzzTest per JVM: one Maven run per target. The libFuzzer flags go
  # through Jazzer's JUnit configuration (jazzer.internal.arg.N); arg 0 is the program name.
  JAZZER_FUZZ=1 mvn -B surefire:test \
    -Dtest="${TARGETS[$t]}" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="${seconds}s" \
    -Djazzer.internal.arg.0=fuzz \
    -Djazzer.internal.arg.1=-timeout="$timeout_s" \
    -Djazzer.internal.arg.2=-print_final_stats=1 \
    -DargLine="-Xmx$heap" >"$log" 2>&1 || true
  execs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)
  rate=$(grep -oE '^stat::average_exec_per_sec: *[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)
  cov=$(grep -oE ' cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  ft=$(grep -oE ' ft: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  crashes=$(grep -oE 'Test unit written to [^ ]+' "$log" | sed 's/Test unit written to //' || true)
  if [ -n "$crashes" ]; then
    found=$(echo "$crashes" | wc -l)
  elif grep -qE 'Tests run: .*(Failures: [1-9]|Errors: [1-9])|BUILD FAILURE' "$log"; then
    found="failed without a crash file: see $log"
  else
    found=0
  fi
  printf '%-12s %12s %8s %8s %8s %s\n' "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$found"
  for c in $crashes; do
    echo "    $c"
    grep -m1 -E 'FuzzTestFindingException|Out of memory|timeout after' "$log" | sed 's/^/    /' || true
  done
done
cat <<'EOF'

A crash file is replayed by `mvn test -Dtest=<Class>` (the class of the target above); its stack
trace is in target/fuzz/<target>.log. Fix the bug, add a test named after the behaviour, rename
the crash file to say what it holds and commit it with the fix.
EOF

#!/usr/bin/env bash
# Runs ./test.sh (or the command given) on a machine made busy on purpose: two processes that spin on the
# CPU compete with it for the whole run, as other work does on a shared 2-core machine. The busy processes
# are started here and stopped here (by their process ids) when the run ends, fails or is interrupted; each
# also ends by itself after the run's limit, so none outlives a killed script.
#
# Usage: tests/loaded-run.sh                  (./test.sh with 2 busy processes)
#        tests/loaded-run.sh -- CMD ARGS...   (any other command, e.g. one test project)
#        tests/loaded-run.sh --dry-run        (say what would run, run nothing)
# Settings: VN_LOAD_BUSY=N busy processes (default 2); VN_LOAD_LIMIT=MINUTES for the whole run (default 40:
#           a quiet run of ./test.sh takes under 20 minutes; the limit only catches a hang).
# Reports: the command's last line (./test.sh's "N passed, N failed"), its exit code, how long it took and
# the highest load average seen; exits with the command's exit code (124 when it ran past the limit).
set -uo pipefail
cd "$(dirname "$0")/.."

busy=${VN_LOAD_BUSY:-2}
limit_minutes=${VN_LOAD_LIMIT:-40}
dry_run=false
command=(./test.sh)
if [ "${1:-}" = "--dry-run" ]; then
  dry_run=true
  shift
fi
if [ "${1:-}" = "--" ]; then
  shift
  [ $# -gt 0 ] || { echo "loaded-run: nothing to run after --" >&2; exit 2; }
  command=("$@")
elif [ $# -gt 0 ]; then
  echo "loaded-run: unknown argument '$1' (usage: tests/loaded-run.sh [--dry-run] [-- CMD ARGS...])" >&2
  exit 2
fi
case "$busy$limit_minutes" in
  *[!0-9]*) echo "loaded-run: VN_LOAD_BUSY and VN_LOAD_LIMIT must be whole numbers" >&2; exit 2 ;;
esac

echo "loaded-run: ${command[*]} with $busy busy process(es), limit $limit_minutes minute(s), on $(nproc) core(s)"
if $dry_run; then
  echo "loaded-run: dry run: would start $busy busy process(es) for at most $limit_minutes minute(s), run: timeout ${limit_minutes}m ${command[*]}, then stop them"
  exit 0
fi

busy_pids=()
sampler_pid=
peak_file=$(mktemp)
output_file=$(mktemp)
stop_load() {
  for pid in "${busy_pids[@]}"; do
    kill "$pid" 2>/dev/null
  done
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null
  wait 2>/dev/null
  rm -f "$peak_file" "$output_file"
}
trap stop_load EXIT
trap 'exit 130' INT TERM

for _ in $(seq "$busy"); do
  # A shell loop that never sleeps: one core's worth of work, ended by its own timeout at the latest.
  timeout "${limit_minutes}m" sh -c 'while :; do :; done' &
  busy_pids+=($!)
done

# The highest 1-minute load average, sampled every 10 s while the command runs.
echo 0 >"$peak_file"
(
  while sleep 10; do
    read -r load _ </proc/loadavg
    awk -v now="$load" -v file="$peak_file" 'BEGIN { getline peak < file; if (now + 0 > peak + 0) print now > file }'
  done
) &
sampler_pid=$!

started=$(date +%s)
timeout "${limit_minutes}m" "${command[@]}" 2>&1 | tee "$output_file"
status=${PIPESTATUS[0]}
elapsed=$(( $(date +%s) - started ))

last_line=$(grep -v '^[[:space:]]*$' "$output_file" | tail -n 1)
echo "loaded-run: ${command[*]} ended with exit code $status after $((elapsed / 60)) min $((elapsed % 60)) s" \
  "(peak load average $(cat "$peak_file"), $busy busy process(es) on $(nproc) core(s))"
[ "$status" -eq 124 ] && echo "loaded-run: it ran past the limit of $limit_minutes minute(s) and was stopped"
echo "loaded-run: last line: $last_line"
exit "$status"

# Shared shell helpers of the benchmark drivers (run_tally_bench.sh, run_voucher_bench.sh,
# run_convert_bench.sh; run_lines_bench.sh and run_parcels_bench.sh use the pinned runs at the end).
# Source it after setting:
#   WORK   the work directory (outputs; raw timings go to $WORK/timings)
#   GUOTU  the guotu binary
#   TOOLS  space-separated names of the tools to run now
#   TIME   GNU time (/usr/bin/time)
# Nothing here writes outside $WORK.

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
want() { [[ " $TOOLS " == *" $1 "* ]]; }

# The lead may be rebuilding the C code: wait up to 5 minutes for the binary.
wait_for_guotu_binary() {
    for _ in $(seq 30); do [[ -x "$GUOTU" ]] && break; log "waiting for $GUOTU"; sleep 10; done
    [[ -x "$GUOTU" ]] || { echo "guotu binary not found: $GUOTU (build it first)" >&2; exit 2; }
}

# Forget earlier timings of the tools run now (others are kept, so a subset can be re-run).
forget_timings() {
    local t
    for t in $TOOLS; do rm -f "$WORK/timings/$t".run* "$WORK/timings/$t".setup.cmd; done
}

# What was benchmarked (the binary may be rebuilt later by someone else). Extra
# "key: value" lines can be passed as arguments.
record_run_info() {
    local root="$1"; shift
    { echo "started: $(date -Iseconds)"
      echo "git_head: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
      echo "guotu_version: $("$GUOTU" --version 2>&1 | head -1)"
      echo "guotu_sha256: $(sha256sum "$GUOTU" | cut -d' ' -f1)"
      echo "nproc: $(nproc)"
      echo "tools: $TOOLS"
      local kv; for kv in "$@"; do echo "$kv"; done; } > "$WORK/run_info.$(date +%Y%m%dT%H%M%S).txt"
}

# timed NAME RUN -- command...: runs it under GNU time -v, keeps its log, exit code,
# load average just before the run and the command line. Never aborts the script.
# When the command runs guotu (also behind a wrapper such as taskset), the sha256 of the
# binary is recorded.
timed() {
    local name="$1" run="$2"; shift 3
    local base="$WORK/timings/$name.run$run"
    printf '%q ' "$@" > "$base.cmd"; echo >> "$base.cmd"
    local a
    for a in "$@"; do
        if [[ "$a" == "$GUOTU" ]]; then
            # The lead may be rebuilding guotu: wait until the binary runs again.
            for _ in $(seq 60); do "$GUOTU" --version >/dev/null 2>&1 && break; sleep 5; done
            sha256sum "$GUOTU" | cut -d' ' -f1 > "$base.sha256"
            break
        fi
    done
    cut -d' ' -f1-3 /proc/loadavg > "$base.load"
    log "run $name #$run"
    local rc=0
    "$TIME" -v -o "$base.time" "$@" > "$base.log" 2>&1 || rc=$?
    echo "$rc" > "$base.rc"
    cut -d' ' -f1-3 /proc/loadavg > "$base.load_after"
    log "  $name #$run: exit $rc, $(grep -E 'Elapsed' "$base.time" | sed 's/.*: //') wall," \
        "$(grep -E 'Maximum resident' "$base.time" | sed 's/.*: //') KB peak RSS," \
        "load before $(cat "$base.load")"
    return 0
}

# wall_s NAME RUN: the wall time in seconds of a finished timed run (empty if none).
wall_s() {
    local f="$WORK/timings/$1.run$2.time"
    [[ -f "$f" ]] || return 0
    grep -E 'Elapsed \(wall clock\)' "$f" | sed 's/.*: //' |
        awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f\n", s }'
}

# slow_runs NAME: how many runs of a slow tool to make. GUOTU_BENCH_REPEAT_SLOW runs,
# but only one when its first run took longer than GUOTU_BENCH_SLOW_ONCE_S seconds
# (default 600: a tool taking more than 10 minutes is run once). Call after run 1.
more_slow_runs_wanted() {
    local name="$1" limit="${GUOTU_BENCH_SLOW_ONCE_S:-600}" w
    w="$(wall_s "$name" 1)"
    [[ -n "$w" ]] || return 0
    if awk -v w="$w" -v l="$limit" 'BEGIN { exit !(w > l) }'; then
        log "$name took ${w} s > ${limit} s: run once only"
        return 1
    fi
    return 0
}

# ---------------------------------------------------------------- pinned runs
# run_lines_bench.sh and run_parcels_bench.sh time each tool pinned to one CPU ($CPU) and read
# the runs back with bench/pinned_runs.py. Need WORK and CPU.

load_avg() { cut -d' ' -f1-3 /proc/loadavg; }

# pinned NAME command...: runs it pinned to $CPU (taskset); GNU time's "wall user sys KB" goes to
# $WORK/NAME.time, the load average before and after the run to $WORK/NAME.load, the output to
# $WORK/NAME.log. A failing command stops a `set -e` script, as a benchmark must not go on without it.
pinned() {
    local name="$1"; shift
    local before; before=$(load_avg)
    log "$name (load $before)"
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/$name.time" taskset -c "$CPU" "$@" > "$WORK/$name.log" 2>&1
    echo "$before -> $(load_avg)" > "$WORK/$name.load"
    log "  $name: wall user sys KB = $(cat "$WORK/$name.time")"
}

# machine_line: cores, CPU model and OS, as the results record the machine.
machine_line() {
    echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(. /etc/os-release; echo "$PRETTY_NAME")"
}

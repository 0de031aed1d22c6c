# shellcheck shell=bash
# How a service of the local stack is started and measured, shared by deploy/local/stack (which prints the
# figures of every `up`) and deploy/local/measure (which writes them into a results file): one definition of
# the JVM options and one of the figures.
#   ready time  from the JVM's process start (its start time in /proc, the kernel's clock) to the first
#               readiness probe (/q/health/ready) that answers UP; polled every 50 ms
#   RSS         the process's resident memory (VmRSS)
# Expects $here (deploy/local) and $repo.

jvm_options_file=$here/jvm.options

# jvm_options SERVICE_MODULE: the JVM options of a service, one per line: deploy/local/jvm.options without
# its comments, then the AppCDS archive when the build produced one (the JVM runs in the quarkus-app folder:
# Java 17 refuses an archive whose recorded, relative, jar path does not resolve from the working directory).
jvm_options() {
  sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$jvm_options_file" | grep -v '^$' || true
  local archive=$repo/$1/target/quarkus-app/app-cds.jsa
  [ ! -s "$archive" ] || echo "-XX:SharedArchiveFile=$archive"
}

uptime_ms() { local up; read -r up _ </proc/uptime; up=${up/./}; echo $((10#$up * 10)); }
clock_ticks=$(getconf CLK_TCK 2>/dev/null || echo 100)
# age_ms PID: milliseconds since PID started (10 ms resolution).
age_ms() {
  local stat start
  stat=$(<"/proc/$1/stat") || return 1
  start=$(cut -d' ' -f20 <<<"${stat##*) }")
  echo $(($(uptime_ms) - start * 1000 / clock_ticks))
}
# A zombie (exited, not yet reaped by its parent) counts as stopped.
alive() { [ -r "/proc/$1/stat" ] && [ "$(sed 's/.*) //' "/proc/$1/stat" | cut -d' ' -f1)" != Z ]; }
rss_kb() { awk '/^VmRSS:/ {print $2; f = 1} END {if (!f) exit 1}' "/proc/$1/status" 2>/dev/null; }
fmt_s() { printf '%d.%02d s' $(($1 / 1000)) $(($1 % 1000 / 10)); }
fmt_mb() { printf '%d MB' $(($1 / 1024)); }

health() { # PORT -> UP, DOWN or "no answer"
  local body
  body=$(curl -s -m 3 "http://127.0.0.1:$1/q/health/ready" 2>/dev/null) || { echo "no answer"; return; }
  grep -oE '"status" *: *"[A-Z]+"' <<<"$body" | head -n 1 | grep -oE '[A-Z]+' || echo "no answer"
}

# measure_ready PID PORT DEADLINE_SECONDS: waits for readiness; prints "READY_MS RSS_KB".
# Returns 1 when the process exited, 2 at the deadline (bash's $SECONDS).
measure_ready() {
  local pid=$1 p=$2 end=$3 ready
  until [ "$(health "$p")" = UP ]; do
    alive "$pid" || return 1
    [ $SECONDS -lt "$end" ] || return 2
    sleep 0.05
  done
  ready=$(age_ms "$pid") || return 1
  echo "$ready $(rss_kb "$pid" || echo 0)"
}

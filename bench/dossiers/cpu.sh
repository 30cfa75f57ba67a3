#!/usr/bin/env bash
# CPU per online submission (or per tracking lookup with KIND=tracking), for comparing builds on the database run.sh
# generated (motcua_bench): a published build ($1, else this tree published to /tmp/motcua-pub) takes 40 s of requests
# to warm up, then 20 s at each of $CONNS connections; the CPU time of the application and of all PostgreSQL processes
# (from /proc) is divided by the requests answered. Throughput spreads widely between runs on a shared machine; CPU per
# request much less. Needs wrk, psql and PostgreSQL on this machine ($PG as in run.sh; the application connects
# through $APP_PG when set).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
pg=${PG:-"Host=127.0.0.1;Port=55432;Username=postgres"}
host=$(sed -E 's/.*Host=([^;]+).*/\1/' <<<"$pg"); port=$(sed -E 's/.*Port=([^;]+).*/\1/' <<<"$pg")
pub=${1:-}
if [ -z "$pub" ]; then
  pub=/tmp/motcua-pub
  dotnet publish "$root/src/MotCua.Web" -c Release -o "$pub" -v q -nologo >/dev/null
fi
db=motcua_bench
source "$root/bench/app.sh"
export Dossiers__TrackingPerMinute=100000000
start_app "$pub" /tmp/motcua-cpu.log
: > /tmp/motcua-cpu-citizens.txt
for i in $(seq 1 200); do token "bench$i" >> /tmp/motcua-cpu-citizens.txt; echo >> /tmp/motcua-cpu-citizens.txt; done
authority=$(psql -X -q -h "$host" -p "$port" -U postgres -d $db -tA -c 'SELECT "Id" FROM "Agencies" WHERE "ParentId" IS NULL LIMIT 1')
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
pgticks() { local s=0; for p in $(pgrep -u postgres); do s=$((s + $(ticks "$p"))); done; echo $s; }
hz=$(getconf CLK_TCK)
kind=${KIND:-submission}
if [ "$kind" = tracking ] && [ ! -s /tmp/motcua-codes.txt ]; then
  psql -X -q -h "$host" -p "$port" -U postgres -d $db -tA \
    -c 'SELECT "Code" FROM "Dossiers" TABLESAMPLE BERNOULLI (2) WHERE "Code" IS NOT NULL LIMIT 200000' > /tmp/motcua-codes.txt
fi
measure() {
  local a0 p0 a1 p1 out n
  a0=$(ticks $app); p0=$(pgticks)
  if [ "$kind" = tracking ]; then
    out=$(wrk -t2 -c"$1" -d"$2" --latency -s "$root/bench/dossiers/tracking.lua" http://127.0.0.1:5090 -- /tmp/motcua-codes.txt)
  else
    out=$(wrk -t2 -c"$1" -d"$2" --latency -s "$root/bench/dossiers/submit.lua" http://127.0.0.1:5090 -- @/tmp/motcua-cpu-citizens.txt "$authority")
  fi
  a1=$(ticks $app); p1=$(pgticks)
  n=$(grep -oE '^ +[0-9]+ requests' <<<"$out" | grep -oE '[0-9]+')
  if grep -q 'Non-2xx' <<<"$out"; then echo "$out" | grep 'Non-2xx' >&2; fi
  awk -v c="$1" -v r="$(awk '/Requests\/sec/ { print $2 }' <<<"$out")" -v p99="$(awk '/ 99%/ { print $2 }' <<<"$out")" \
    -v a=$((a1 - a0)) -v p=$((p1 - p0)) -v n="$n" -v hz="$hz" -v k="$kind" \
    'BEGIN { printf "%2d connections: %7.1f %s/s, p99 %8s; CPU per request: application %.3f ms, PostgreSQL %.3f ms\n", c, r, k, p99, 1000 * a / hz / n, 1000 * p / hz / n }'
}
measure 16 40s >/dev/null
for c in ${CONNS:-32 16}; do measure "$c" 20s; done

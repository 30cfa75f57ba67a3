#!/usr/bin/env bash
# Queue benchmark of issue 25 (bench/MotCua.Load/QueueBench.cs): 100 centres on one node with 5 boards each, TICKETS
# tickets (default 200,000: 2,000 per centre) arriving at RATE per second (default 60, three times a three-hour
# morning's mean over the 100 centres; RATE=0: CONCURRENCY clients as fast as answered, for the ceiling), after PRELOAD
# tickets of the day taken as fast as answered and not measured (the whole day's tables without an hour of arrivals), ROUNDS rounds of the province centre's
# 50 counters calling at once (time to each of its boards) and of 100 counters of one centre calling at once. On SQLite
# in a temp folder, or on PostgreSQL when PG names a server (e.g. "Host=127.0.0.1;Port=55432;Username=postgres"; the
# database motcua_queue_bench is made anew).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/motcua-queue.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet publish "$root/src/MotCua.Web" -c Release -o "$work/app" -v q -nologo >/dev/null
dotnet publish "$root/bench/MotCua.Load" -c Release -o "$work/load" -v q -nologo >/dev/null
args=(queue --app "$work/app" --tickets "${TICKETS:-200000}" --preload "${PRELOAD:-0}" --rate "${RATE:-60}" --concurrency "${CONCURRENCY:-16}" --rounds "${ROUNDS:-20}")
if [ -n "${PG:-}" ]; then
  host=$(sed -E 's/.*Host=([^;]+).*/\1/' <<<"$PG"); port=$(sed -E 's/.*Port=([^;]+).*/\1/' <<<"$PG")
  psql -X -q -h "$host" -p "$port" -U postgres -c "DROP DATABASE IF EXISTS motcua_queue_bench" -c "CREATE DATABASE motcua_queue_bench"
  args+=(--postgres "$PG;Database=motcua_queue_bench;Maximum Pool Size=32")
fi
dotnet "$work/load/MotCua.Load.dll" "${args[@]}"

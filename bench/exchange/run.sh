#!/usr/bin/env bash
# Exchange benchmark of issue 23: documents to and from another province through the national platform's simulator
# (bench/MotCua.Load/ExchangeBench.cs). COUNT packages (default 10,000) of SIZE bytes (default 1 MiB) each way,
# CONCURRENCY sends at once (default 4). On SQLite in a temp folder, or on PostgreSQL when PG names a server
# (e.g. "Host=127.0.0.1;Port=55432;Username=postgres"; the database motcua_exchange_bench is made anew).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/motcua-exchange.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet publish "$root/src/MotCua.Web" -c Release -o "$work/app" -v q -nologo >/dev/null
dotnet publish "$root/bench/MotCua.Load" -c Release -o "$work/load" -v q -nologo >/dev/null
args=(exchange --app "$work/app" --count "${COUNT:-10000}" --size "${SIZE:-1048576}" --concurrency "${CONCURRENCY:-4}")
if [ -n "${PG:-}" ]; then
  host=$(sed -E 's/.*Host=([^;]+).*/\1/' <<<"$PG"); port=$(sed -E 's/.*Port=([^;]+).*/\1/' <<<"$PG")
  psql -X -q -h "$host" -p "$port" -U postgres -c "DROP DATABASE IF EXISTS motcua_exchange_bench" -c "CREATE DATABASE motcua_exchange_bench"
  args+=(--postgres "$PG;Database=motcua_exchange_bench;Maximum Pool Size=16")
fi
/usr/bin/time -v dotnet "$work/load/MotCua.Load.dll" "${args[@]}" 2> >(grep -E "Maximum resident|Elapsed|^app:" >&2)

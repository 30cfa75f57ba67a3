#!/usr/bin/env bash
# Dossier benchmark on PostgreSQL (issue 4): N generated dossiers, then online submission, tracking, a staff queue
# page and a province-year of statistics over HTTP against the published build. Needs a PostgreSQL server
# ($PG, e.g. "Host=127.0.0.1;Port=55432;Username=postgres") with psql on PATH, and wrk. The application connects
# through $APP_PG when set (e.g. "Host=/tmp/devpg;Port=55432;Username=postgres": PostgreSQL on the same machine through
# its Unix socket), with a pool of $POOL connections (8: more PostgreSQL processes than cores only queue on them).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${N:-10700000}
pg=${PG:-"Host=127.0.0.1;Port=55432;Username=postgres"}
host=$(sed -E 's/.*Host=([^;]+).*/\1/' <<<"$pg"); port=$(sed -E 's/.*Port=([^;]+).*/\1/' <<<"$pg")
psql_() { psql -X -q -h "$host" -p "$port" -U postgres "$@"; }
db=motcua_bench
if [ "${REUSE:-0}" != 1 ]; then
  psql_ -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
fi
dotnet publish "$root/src/MotCua.Web" -c Release -o /tmp/motcua-pub -v q -nologo >/dev/null
source "$root/bench/app.sh"
export Dossiers__TrackingPerMinute=100000000 Dossiers__TrackingCacheSeconds=${CACHE:-0}
start_app /tmp/motcua-pub /tmp/motcua-bench.log
if [ "${REUSE:-0}" != 1 ]; then
  start=$(date +%s)
  psql_ -d $db -v n="$n" -f "$root/bench/dossiers/generate.sql"
  echo "generated in $(( $(date +%s) - start )) s"
fi
# The tables and indexes the lookups read go into PostgreSQL's shared buffers first (pg_prewarm, from PostgreSQL's own
# contrib): otherwise the first minutes measure reads from the operating system's cache, and whatever ran before.
psql_ -d $db -tA -c 'CREATE EXTENSION IF NOT EXISTS pg_prewarm' \
  -c "SELECT pg_prewarm('\"IX_Dossiers_Code\"'), pg_prewarm('\"IX_DossierEvents_DossierId_At\"'), pg_prewarm('\"Dossiers\"'), pg_prewarm('\"DossierEvents\"')" >/dev/null
specialist=$(token chuyenvien); supervisor=$(token giamsat)
# Submissions come from 200 citizens (copies of the demo citizen), not all from one account.
psql_ -d $db -f "$root/bench/dossiers/citizens.sql"
: > /tmp/motcua-citizens.txt
for i in $(seq 1 200); do token "bench$i" >> /tmp/motcua-citizens.txt; echo >> /tmp/motcua-citizens.txt; done
citizen="@/tmp/motcua-citizens.txt"
authority=$(psql_ -d $db -tA -c 'SELECT "Id" FROM "Agencies" WHERE "ParentId" IS NULL LIMIT 1')
# 200,000 codes drawn from every page of the table; with the answer cache off (CACHE=0, the default here) every
# lookup reads the database.
psql_ -d $db -tA -c 'SELECT "Code" FROM "Dossiers" TABLESAMPLE BERNOULLI (2) WHERE "Code" IS NOT NULL LIMIT 200000' > /tmp/motcua-codes.txt
# Each request type is measured after its own warm-up of half a minute: under full load the runtime is still
# re-compiling hot methods (tiered PGO) for that long, and a shorter warm-up measured that (about 700 submissions/s
# instead of 1,100). Tracking goes first, before the submissions leave work for PostgreSQL's autovacuum.
echo "== warm-up (tracking)"
wrk -t2 -c16 -d30s -s "$root/bench/dossiers/tracking.lua" http://127.0.0.1:5090 -- /tmp/motcua-codes.txt >/dev/null
echo "== tracking"; wrk -t2 -c32 -d20s --latency -s "$root/bench/dossiers/tracking.lua" http://127.0.0.1:5090 -- /tmp/motcua-codes.txt
echo "== tracking, 16 connections"; wrk -t2 -c16 -d20s --latency -s "$root/bench/dossiers/tracking.lua" http://127.0.0.1:5090 -- /tmp/motcua-codes.txt
echo "== warm-up (submission, queue)"
wrk -t2 -c16 -d30s -s "$root/bench/dossiers/submit.lua" http://127.0.0.1:5090 -- "$citizen" "$authority" >/dev/null
wrk -t2 -c8 -d5s -H "Authorization: Bearer $specialist" "http://127.0.0.1:5090/api/v1/dossiers/queue" >/dev/null
echo "== online submission"; wrk -t2 -c32 -d20s --latency -s "$root/bench/dossiers/submit.lua" http://127.0.0.1:5090 -- "$citizen" "$authority"
echo "== online submission, 16 connections"; wrk -t2 -c16 -d20s --latency -s "$root/bench/dossiers/submit.lua" http://127.0.0.1:5090 -- "$citizen" "$authority"
echo "== staff queue (specialist, first page)"; wrk -t2 -c8 -d20s --latency -H "Authorization: Bearer $specialist" "http://127.0.0.1:5090/api/v1/dossiers/queue"
echo "== statistics, province, one year (5 runs)"
for i in 1 2 3 4 5; do
  curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $supervisor" "http://127.0.0.1:5090/api/v1/stats/dossiers?agencyId=$authority&from=2025-01-01&to=2025-12-31"
done
grep -c '"StatusCode":5' /tmp/motcua-bench.log | sed 's/^/server errors logged: /' || true
psql_ -d $db -tA -c 'SELECT count(*) FROM "Dossiers"'

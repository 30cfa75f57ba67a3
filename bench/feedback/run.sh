#!/usr/bin/env bash
# Feedback benchmark on PostgreSQL (issue 6): a burst of desk-tablet ratings over HTTP, and the satisfaction reports of
# a province-year with 2,000,000 dossier ratings. Runs on the database of bench/dossiers/run.sh (its generated
# dossiers are what the ratings are about); $PG and $APP_PG as there.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
pg=${PG:-"Host=127.0.0.1;Port=55432;Username=postgres"}
host=$(sed -E 's/.*Host=([^;]+).*/\1/' <<<"$pg"); port=$(sed -E 's/.*Port=([^;]+).*/\1/' <<<"$pg")
psql_() { psql -X -q -h "$host" -p "$port" -U postgres "$@"; }
db=motcua_bench
dotnet publish "$root/src/MotCua.Web" -c Release -o /tmp/motcua-pub -v q -nologo >/dev/null
source "$root/bench/app.sh"
export Feedback__RatingsPerMinute=100000000
start_app /tmp/motcua-pub /tmp/motcua-bench.log
if [ "${REUSE:-0}" != 1 ] || [ "$(psql_ -d $db -tA -c "SELECT count(*) FROM \"SatisfactionRatings\" WHERE \"Comment\" = 'bench'")" = 0 ]; then
  start=$(date +%s)
  psql_ -d $db -f "$root/bench/feedback/ratings.sql"
  echo "ratings generated in $(( $(date +%s) - start )) s"
fi
psql_ -d $db -c 'VACUUM (ANALYZE) "SatisfactionRatings", "RatedOfficers", "KioskRatings"'
admin=$(token quantri); supervisor=$(token giamsat)
authority=$(psql_ -d $db -tA -c 'SELECT "Id" FROM "Agencies" WHERE "ParentId" IS NULL LIMIT 1')
centre=$(psql_ -d $db -tA -c "SELECT \"Id\" FROM \"Agencies\" WHERE \"ParentId\" = '$authority' AND \"Kind\" = 'OneStopCentre' LIMIT 1")
: > /tmp/motcua-kiosks.txt
for i in $(seq 1 ${DEVICES:-500}); do
  curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d "{\"agencyId\":\"$centre\",\"name\":\"Quầy $i\"}" \
    http://127.0.0.1:5090/api/v1/kiosks | sed -E 's/.*"id":"([^"]+)".*"key":"([^"]+)".*/\1 \2/' >> /tmp/motcua-kiosks.txt
  echo >> /tmp/motcua-kiosks.txt
done
echo "== warm-up"
wrk -t2 -c16 -d40s -s "$root/bench/feedback/kiosk.lua" http://127.0.0.1:5090 -- /tmp/motcua-kiosks.txt >/dev/null
for i in 1 2 3; do curl -s -o /dev/null -H "Authorization: Bearer $supervisor" "http://127.0.0.1:5090/api/v1/ratings/report?from=2025-01-01&to=2025-12-31"; done
echo "== desk tablets, one rating per request, ${DEVICES:-500} tablets, 16 connections"
wrk -t2 -c16 -d20s --latency -s "$root/bench/feedback/kiosk.lua" http://127.0.0.1:5090 -- /tmp/motcua-kiosks.txt
echo "== desk tablets, 32 connections"
wrk -t2 -c32 -d20s --latency -s "$root/bench/feedback/kiosk.lua" http://127.0.0.1:5090 -- /tmp/motcua-kiosks.txt
for by in Agency Officer Procedure; do
  echo "== report of the province-year by $by (5 runs, seconds)"
  for i in 1 2 3 4 5; do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $supervisor" "http://127.0.0.1:5090/api/v1/ratings/report?by=$by&from=2025-01-01&to=2025-12-31"
  done
done
echo "== summary of the province-year (5 runs, seconds)"
for i in 1 2 3 4 5; do
  curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $supervisor" "http://127.0.0.1:5090/api/v1/ratings/summary?from=2025-01-01&to=2025-12-31"
done
grep -c '"StatusCode":5' /tmp/motcua-bench.log | sed 's/^/server errors logged: /' || true
psql_ -d $db -tA -c 'SELECT count(*) AS tablet_ratings, count(*) FILTER (WHERE "Flagged") AS flagged FROM "KioskRatings"'

#!/usr/bin/env bash
# Load benchmark of issue 8 on PostgreSQL: the province's mix (search, tracking, submission, staff queue, reception,
# kiosk rating) from the closed-loop driver bench/MotCua.Load against one node, then against two nodes behind nginx,
# over the dossiers of bench/dossiers (N, default 10 million; REUSE=1 keeps an existing motcua_bench database). In the
# same run, the machine's ceilings: Kestrel's plain-text answer driven the same way, and pgbench writing the rows of a
# submission straight into PostgreSQL. Each figure is printed with its ratio to the ceiling.
# Needs $PG (e.g. "Host=127.0.0.1;Port=55432;Username=postgres"), psql and pgbench on PATH, and nginx.
# C (users, default 32), SECONDS_ (measured, default 60), WARMUP (default 30).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${N:-10000000}; c=${C:-32}; seconds=${SECONDS_:-60}; warmup=${WARMUP:-30}
pg=${PG:-"Host=127.0.0.1;Port=55432;Username=postgres"}
host=$(sed -E 's/.*Host=([^;]+).*/\1/' <<<"$pg"); port=$(sed -E 's/.*Port=([^;]+).*/\1/' <<<"$pg")
psql_() { psql -X -q -h "$host" -p "$port" -U postgres "$@"; }
db=motcua_bench
work=$(mktemp -d /tmp/motcua-load.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

if [ "${REUSE:-0}" != 1 ]; then psql_ -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"; fi
dotnet publish "$root/src/MotCua.Web" -c Release -o "$work/app" -v q -nologo >/dev/null
dotnet publish "$root/bench/MotCua.Load" -c Release -o "$work/load" -v q -nologo >/dev/null
load() { dotnet "$work/load/MotCua.Load.dll" "$@"; }

start_node() {  # start_node PORT: one MotCua process on the bench database, files in one shared folder
  (cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$1 Database__Provider=Postgres \
    ConnectionStrings__Default="${APP_PG:-$pg};Database=$db;Maximum Pool Size=${POOL:-8}" Seed__DemoAccounts=true \
    Dossiers__TrackingPerMinute=100000000 Feedback__DeviceRequestsPerMinute=100000000 Serilog__MinimumLevel__Default=Warning \
    Storage__Root="$work/files" exec dotnet MotCua.Web.dll) > "$work/node-$1.log" 2>&1 &
  pids+=($!)
  until curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null; do sleep 1; done
}
start_node 5091
if [ "${REUSE:-0}" != 1 ]; then
  psql_ -d $db -v n="$n" -f "$root/bench/dossiers/generate.sql"
fi
psql_ -d $db -f "$root/bench/dossiers/citizens.sql"
start_node 5092

cat > "$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nb; proxy_temp_path $work/np; fastcgi_temp_path $work/nf; uwsgi_temp_path $work/nu; scgi_temp_path $work/ns;
  upstream motcua { server 127.0.0.1:5091; server 127.0.0.1:5092; keepalive 64; }
  server {
    listen 127.0.0.1:5090;
    location / {
      proxy_pass http://motcua; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$remote_addr; proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
CONF
nginx -p "$work" -c "$work/nginx.conf" & pids+=($!)
sleep 1

echo "== ceiling: Kestrel plain text ($c users)"
(exec dotnet "$work/load/MotCua.Load.dll" serve-plaintext --port 5099) & pids+=($!)
sleep 2
load plaintext --url http://127.0.0.1:5099 --concurrency "$c" --seconds 20 --warmup 10 | tee "$work/plaintext.txt"
kill "${pids[-1]}"

echo "== ceiling: pgbench, a dossier row and its history row per transaction ($c clients)"
proc=$(psql_ -d $db -tA -c "SELECT \"Id\" FROM \"Procedures\" WHERE \"NationalCode\" = '1.001456'")
agency=$(psql_ -d $db -tA -c 'SELECT "Id" FROM "Agencies" WHERE "ParentId" IS NULL LIMIT 1')
pgbench -n -h "$host" -p "$port" -U postgres -c "$c" -j 2 -T 20 -f "$root/bench/load/insert.sql" -D proc="'$proc'" -D agency="'$agency'" $db | tee "$work/pgbench.txt"
psql_ -d $db -c "DELETE FROM \"DossierEvents\" WHERE \"DossierId\" IN (SELECT \"Id\" FROM \"Dossiers\" WHERE \"Code\" LIKE 'PGB-%')" -c "DELETE FROM \"Dossiers\" WHERE \"Code\" LIKE 'PGB-%'"

echo "== one node ($c users, ${seconds} s after ${warmup} s warm-up)"
load run --url http://127.0.0.1:5091 --label "one node" --citizens 200 --concurrency "$c" --seconds "$seconds" --warmup "$warmup" | tee "$work/one.txt"
echo "== two nodes behind nginx"
load run --url http://127.0.0.1:5090 --label "two nodes" --citizens 200 --concurrency "$c" --seconds "$seconds" --warmup "$warmup" | tee "$work/two.txt"

plain=$(grep -oE '[0-9]+ requests/s' "$work/plaintext.txt" | head -1 | cut -d' ' -f1)
tps=$(grep -oE 'tps = [0-9.]+' "$work/pgbench.txt" | head -1 | cut -d' ' -f3)
echo "== ratios to the ceilings (plain text $plain/s; pgbench $tps transactions/s)"
for run in one two; do
  all=$(grep -oE '[0-9]+ requests/s' "$work/$run.txt" | head -1 | cut -d' ' -f1)
  submit=$(awk '$1 == "submit" { sub("/s", "", $2); print $2 }' "$work/$run.txt")
  awk -v r="$run" -v a="$all" -v p="$plain" -v s="$submit" -v t="$tps" \
    'BEGIN { printf "%s node(s): all requests %d/s = %.1f %% of plain text; submissions %d/s = %.1f %% of pgbench\n", r, a, 100 * a / p, s, 100 * s / t }'
done

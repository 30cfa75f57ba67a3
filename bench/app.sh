# Sourced by the benchmark scripts on run.sh's database: starts a published build of the application ($1) on
# PostgreSQL database $db (through $APP_PG when set, else $pg, with a pool of $POOL connections), writes its log to
# $2, waits until it is ready and stops it when the script ends. The rate limits a benchmark lifts are exported by
# the script before the call.
start_app() {
  export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:5090 Database__Provider=Postgres \
    ConnectionStrings__Default="${APP_PG:-$pg};Database=$db;Maximum Pool Size=${POOL:-8}" Seed__DemoAccounts=true Seed__DemoDossiers=0 \
    Serilog__MinimumLevel__Default=Warning Storage__Root=/tmp/motcua-bench-files
  (cd "$1" && exec dotnet MotCua.Web.dll) > "$2" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT
  until curl -sf http://127.0.0.1:5090/health/ready >/dev/null; do
    kill -0 $app 2>/dev/null || { echo "the application stopped; see $2"; exit 1; }
    sleep 1
  done
}

# A bearer token for a demo account (password MotCua@2026).
token() { curl -sf -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"MotCua@2026\"}" http://127.0.0.1:5090/api/v1/auth/token | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }

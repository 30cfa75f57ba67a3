#!/usr/bin/env bash
# Runs every test project against SQLite and a throwaway PostgreSQL, installing what is missing
# (PostgreSQL, Chromium, fonts with Vietnamese glyphs, the OpenID Connect provider for sign-in tests, clamd, nginx, dovecot, an S3 server).
# Ends with the line "Tests: N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
command -v smtp-sink >/dev/null 2>&1 || missing+=(postfix)  # smtp-sink: the real SMTP server of the e-mail tests
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)  # zbarimg: decodes the QR codes in the tests
command -v pdftoppm >/dev/null 2>&1 && command -v pdfsig >/dev/null 2>&1 || missing+=(poppler-utils)  # pdftotext, pdftoppm, pdfsig: read and check the PDFs in the tests
[ -x /usr/sbin/clamd ] || missing+=(clamav-daemon)  # clamd: the virus scanner the upload tests start on loopback
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)  # nginx: the load balancer of the two-node test
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)  # dovecot: the IMAP server of the support desk's mailbox tests
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  echo "postfix postfix/main_mailer_type select Local only" | sudo_ debconf-set-selections
  echo "postfix postfix/mailname string motcua.test" | sudo_ debconf-set-selections
  sudo_ apt-get update -qq
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

oidc="$root/tests/MotCua.BrowserTests/oidc"
if [ ! -d "$oidc/node_modules/oidc-provider" ]; then
  (cd "$oidc" && npm ci --no-audit --no-fund --loglevel=error)
fi
s3="$root/tests/MotCua.IntegrationTests/s3"  # s3rver: the S3-compatible server of the S3 file-store tests
if [ ! -d "$s3/node_modules/s3rver" ]; then
  (cd "$s3" && npm ci --no-audit --no-fund --loglevel=error)
fi

# A throwaway PostgreSQL on a free loopback port.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/motcua-pg.XXXXXX)
chmod 755 "$pgdir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_pg() { if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$pgdir"; su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
cleanup() {
  as_pg "$pgbin/pg_ctl -D $pgdir/data -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap cleanup EXIT
as_pg "$pgbin/initdb -D $pgdir/data -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_pg "$pgbin/pg_ctl -D $pgdir/data -l $pgdir/log -w -o \"-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start" >/dev/null
export MOTCUA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true"
echo "PostgreSQL on 127.0.0.1:$port"

dotnet tool restore >/dev/null
dotnet build MotCua.slnx -c Release -warnaserror -nologo -v q

results="$root/TestResults"
rm -rf "$results"
status=0
for project in tests/MotCua.UnitTests tests/MotCua.IntegrationTests tests/MotCua.BrowserTests; do
  name=$(basename "$project")
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

read -r passed failed skipped < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}Counters")
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s += int(c.get("notExecuted", 0))
print(p, f, s)
PY
)
if [ "$passed" -eq 0 ]; then status=1; fi
if [ "$failed" -gt 0 ]; then status=1; fi
if [ "$skipped" -gt 0 ]; then
  echo "Tests: $passed passed, $failed failed, $skipped skipped"
else
  echo "Tests: $passed passed, $failed failed"
fi
exit $status

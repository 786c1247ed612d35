#!/usr/bin/env bash
# Grade a Production-mode portal behind TLS with the MDN HTTP Observatory.
# Not part of ./test.sh. Needs root (ports 80 and 443, /etc/hosts), nginx, openssl, node and npm,
# a built portal (dotnet build src/DiploPortal.Web -c Release) and a PostgreSQL server whose
# connection string is given (the database is created if missing and set up by the portal):
#
#   scripts/observatory.sh "Host=127.0.0.1;Port=6681;Username=postgres;Database=diploportal_prod" [out-dir]
#
# What it does: adds 'diploportal.test' to /etc/hosts (removed again on exit), makes a self-signed
# certificate, starts the portal in Production on 127.0.0.1:$OBS_PORT (default 6682) with the
# secrets Production requires, nginx on 80 (redirect) and 443 (TLS, proxying with X-Forwarded-*),
# installs @mdn/mdn-http-observatory 1.4.8 into out-dir (with an empty HSTS preload list: its
# install step would fetch the real one from the internet) and prints the grade and each test.
set -euo pipefail

CONNECTION=${1:?usage: scripts/observatory.sh "<npgsql connection string>" [out-dir]}
OUT=$(mkdir -p "${2:-.scan/observatory}" && cd "${2:-.scan/observatory}" && pwd)
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST=diploportal.test
PORT=${OBS_PORT:-6682}
PORTAL_PID=""
NGINX_STARTED=0

cleanup() {
  [[ -n $PORTAL_PID ]] && kill "$PORTAL_PID" 2>/dev/null || true
  [[ $NGINX_STARTED -eq 1 ]] && nginx -c "$OUT/nginx.conf" -s stop 2>/dev/null || true
  sed -i "/ $HOST # scripts\/observatory.sh$/d" /etc/hosts
}
trap cleanup EXIT

for tool in nginx openssl node npm curl; do
  command -v "$tool" >/dev/null || {
    echo "error: $tool is missing. Hint: apt-get install -y nginx openssl nodejs npm curl" >&2
    exit 1
  }
done

grep -q " $HOST # scripts/observatory.sh$" /etc/hosts || echo "127.0.0.1 $HOST # scripts/observatory.sh" >>/etc/hosts

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$HOST" -addext "subjectAltName=DNS:$HOST" \
  -keyout "$OUT/key.pem" -out "$OUT/cert.pem" 2>/dev/null

cat >"$OUT/nginx.conf" <<EOF
worker_processes 1;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
events { worker_connections 64; }
http {
  access_log $OUT/nginx-access.log;
  server_tokens off;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:80;
    server_name $HOST;
    return 301 https://\$host\$request_uri;
  }
  server {
    listen 127.0.0.1:443 ssl;
    server_name $HOST;
    ssl_certificate $OUT/cert.pem;
    ssl_certificate_key $OUT/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    location / {
      proxy_pass http://127.0.0.1:$PORT;
      proxy_http_version 1.1;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
    }
  }
}
EOF

echo "==> Portal in Production on 127.0.0.1:$PORT"
(
  cd "$REPO/src/DiploPortal.Web"
  ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
    ConnectionStrings__Portal="$CONNECTION;Password=${OBS_DB_PASSWORD:-observatory}" \
    Portal__DataProtection__KeyEncryptionKey="$(openssl rand -base64 32)" \
    Portal__ForwardedHeaders__KnownProxies__0=127.0.0.1 \
    Portal__Setup__ApplyMigrations=true Portal__Setup__LoadReferenceData=true \
    Portal__Setup__FirstAdministrator__UserName=chief \
    Portal__Setup__FirstAdministrator__Password="$(openssl rand -base64 18)" \
    Portal__Setup__FirstAdministrator__Nationality=GBR Portal__Setup__FirstAdministrator__Clearance=Secret \
    Portal__LogDirectory="$OUT/logs" \
    exec dotnet bin/Release/net10.0/DiploPortal.Web.dll
) >"$OUT/portal.log" 2>&1 &
PORTAL_PID=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/healthz/ready" >/dev/null 2>&1 && break
  kill -0 "$PORTAL_PID" 2>/dev/null || {
    echo "error: the portal stopped; see $OUT/portal.log" >&2
    tail -n 5 "$OUT/portal.log" >&2
    exit 1
  }
  sleep 1
done

nginx -c "$OUT/nginx.conf"
NGINX_STARTED=1

obs=$OUT/node_modules/@mdn/mdn-http-observatory
if [[ ! -d $obs ]]; then
  (cd "$OUT" && npm init -y >/dev/null && npm install --ignore-scripts --no-audit --no-fund @mdn/mdn-http-observatory@1.4.8 >/dev/null)
fi
[[ -f $obs/conf/hsts-preload.json ]] || echo '{}' >"$obs/conf/hsts-preload.json"

echo "==> MDN HTTP Observatory against https://$HOST"
NODE_EXTRA_CA_CERTS=$OUT/cert.pem node "$obs/src/scan.js" "$HOST" >"$OUT/observatory.json"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (r.error) { console.log("error: " + r.error); process.exit(1); }
  console.log(`grade ${r.scan.grade}, score ${r.scan.score}, tests passed ${r.scan.testsPassed}/${r.scan.testsQuantity}`);
  for (const [name, t] of Object.entries(r.tests))
    console.log(`${t.pass ? "pass" : "FAIL"}  ${String(t.scoreModifier).padStart(4)}  ${name}: ${t.result}`);
' "$OUT/observatory.json"

#!/bin/sh
# Run once by the postgres image when it creates its volume (/docker-entrypoint-initdb.d):
# the role the portal runs as. It owns nothing; the portal's setup, connected as the
# database's owner (POSTGRES_USER), grants it rows only and the audit trail read and
# append only. A volume made before this script existed needs the same by hand:
#   docker compose exec postgres psql -U "$POSTGRES_USER" -d diploportal \
#     -c "CREATE ROLE diploportal_portal LOGIN PASSWORD '...'"
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v password="$PORTAL_DB_PASSWORD" <<'SQL'
CREATE ROLE diploportal_portal LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
SQL

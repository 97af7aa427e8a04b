#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster: initdb into a temporary
# folder, a server listening on a Unix socket only (no TCP), the command with
# DEALERKPI_TEST_PGHOST / DEALERKPI_TEST_PGPORT set, then the server stopped and
# the folder removed. As root the cluster runs as the unprivileged user
# `postgres` (PostgreSQL refuses to run as root).
#
#   with_postgresql.sh /usr/lib/postgresql/15/bin COMMAND [ARG...]
set -euo pipefail
bin="$1"; shift
dir="$(mktemp -d /tmp/dealerkpi-pg.XXXXXX)"
chmod 755 "$dir"
as=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
  as=(runuser -u postgres --)
fi
port=$((20000 + RANDOM % 20000))  # only names the socket file; nothing listens on TCP
stop() {
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
"${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses= -k $dir -p $port -c fsync=off" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }
export DEALERKPI_TEST_PGHOST="$dir" DEALERKPI_TEST_PGPORT="$port" PGUSER=postgres
"$@"

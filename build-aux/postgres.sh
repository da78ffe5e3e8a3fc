# build-aux/postgres.sh: sourced by build-aux/dev (the tests) and build-aux/bench.
# The team database's tests need a PostgreSQL 15 server of their own: started from Debian's
# binaries in a temporary directory, listening on a Unix socket there only, run by an
# unprivileged user (nobody when we are root: initdb refuses root), and removed afterwards.
# Sets FOLLOWUP_TEST_PG to a connection URI for the role "followup", which owns the cluster.
pg_bin=/usr/lib/postgresql/15/bin
pg_dir=

start_postgres () {
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/followup-pg-XXXXXX")
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown nobody:nogroup "$pg_dir"
    as=(runuser -u nobody --)
  fi
  "${as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U followup -A trust -E UTF8 \
    --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; return 1; }
  "${as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-k $pg_dir -c listen_addresses= ${pg_options:-}" start >/dev/null \
    || { cat "$pg_dir/server.log" >&2; return 1; }
  export FOLLOWUP_TEST_PG="postgresql:///postgres?host=$pg_dir&user=followup"
  echo "dev: PostgreSQL 15 for the tests at $pg_dir" >&2
}

stop_postgres () {
  [ -n "$pg_dir" ] || return 0
  local as=()
  [ "$(id -u)" -eq 0 ] && as=(runuser -u nobody --)
  "${as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
  pg_dir=
}


#!/usr/bin/env bash
# Local backing services for Ctms development and CI (no Docker, no systemd).
#
#   infra/local/services.sh start   # install if needed, start RabbitMQ + PostgreSQL 15, print env
#   infra/local/services.sh stop    # stop both (tolerates not running)
#   infra/local/services.sh status  # report whether each is running (always exits 0)
#   infra/local/services.sh env     # print the test environment variables
#
# Typical use:  eval "$(infra/local/services.sh start)"
#
# Only the `export ...` lines go to stdout; all progress output goes to stderr.
set -uo pipefail

export PATH="${PATH}:/usr/local/sbin:/usr/sbin:/sbin"

PG_VERSION=15
PG_CLUSTER=main
PG_HOST=127.0.0.1
PG_PORT=5432
CTMS_USER=ctms
CTMS_PASSWORD=ctms
CTMS_DB=ctms
RABBIT_WAIT_SECONDS="${CTMS_RABBIT_WAIT_SECONDS:-120}"
PG_WAIT_SECONDS="${CTMS_PG_WAIT_SECONDS:-60}"
LOG_DIR="${CTMS_SERVICES_LOG_DIR:-${TMPDIR:-/tmp}/ctms-services}"

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

print_env() {
  echo "export CTMS_TEST_POSTGRES=\"Host=${PG_HOST};Port=${PG_PORT};Database=${CTMS_DB};Username=${CTMS_USER};Password=${CTMS_PASSWORD}\""
  echo "export CTMS_TEST_RABBITMQ=\"amqp://${CTMS_USER}:${CTMS_PASSWORD}@127.0.0.1:5672/\""
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Run a command as the postgres OS user (peer auth over the local socket).
as_postgres() {
  ( cd / && if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi )
}

have_rabbitmq() { command -v rabbitmq-server >/dev/null 2>&1 && command -v rabbitmqctl >/dev/null 2>&1; }
have_postgres() { command -v pg_ctlcluster >/dev/null 2>&1 && [ -x "/usr/lib/postgresql/${PG_VERSION}/bin/postgres" ]; }

ensure_installed() {
  local missing=()
  have_rabbitmq || missing+=(rabbitmq-server)
  have_postgres || missing+=(postgresql)
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and apt-get is not available; install them manually"
  log "installing: ${missing[*]}"
  as_root apt-get update >&2 || die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2 </dev/null \
    || die "apt-get install ${missing[*]} failed"
  have_rabbitmq || die "rabbitmq-server still missing after install"
  have_postgres || die "postgresql ${PG_VERSION} still missing after install"
}

# ---------------------------------------------------------------- RabbitMQ

rabbit_running() { rabbitmq-diagnostics -q check_running >/dev/null 2>&1 </dev/null; }

rabbit_log_tail() {
  local f
  for f in "${LOG_DIR}/rabbitmq-server.log" /var/log/rabbitmq/*.log; do
    [ -f "$f" ] || continue
    log "---- tail of $f ----"
    tail -n 40 "$f" >&2
  done
}

start_rabbitmq() {
  mkdir -p "$LOG_DIR"
  if rabbit_running; then
    log "RabbitMQ already running"
    rabbitmq-plugins -q enable rabbitmq_management >&2 </dev/null || log "warning: could not enable rabbitmq_management online"
  else
    log "enabling rabbitmq_management (offline)"
    rabbitmq-plugins -q enable --offline rabbitmq_management >&2 </dev/null \
      || die "rabbitmq-plugins enable --offline rabbitmq_management failed"
    log "starting RabbitMQ (rabbitmq-server -detached)"
    # Detach stdio completely: the Erlang VM and epmd must not keep our pipes open
    # (otherwise `$(services.sh start)` or a CI log pipe would never see EOF).
    rabbitmq-server -detached </dev/null >>"${LOG_DIR}/rabbitmq-server.log" 2>&1 \
      || log "rabbitmq-server -detached returned non-zero (maybe already booting); waiting anyway"
  fi

  log "waiting for RabbitMQ (up to ${RABBIT_WAIT_SECONDS}s)"
  local start=$SECONDS
  until rabbit_running; do
    if (( SECONDS - start >= RABBIT_WAIT_SECONDS )); then
      rabbit_log_tail
      die "RabbitMQ did not become ready within ${RABBIT_WAIT_SECONDS}s"
    fi
    sleep 2
  done
  log "RabbitMQ is running (waited $(( SECONDS - start ))s)"

  if rabbitmqctl -q list_users </dev/null 2>/dev/null | awk '{print $1}' | grep -qx "$CTMS_USER"; then
    rabbitmqctl -q change_password "$CTMS_USER" "$CTMS_PASSWORD" >&2 </dev/null || die "rabbitmqctl change_password failed"
  else
    log "creating RabbitMQ user ${CTMS_USER}"
    rabbitmqctl -q add_user "$CTMS_USER" "$CTMS_PASSWORD" >&2 </dev/null \
      || rabbitmqctl -q change_password "$CTMS_USER" "$CTMS_PASSWORD" >&2 </dev/null \
      || die "rabbitmqctl add_user failed"
  fi
  rabbitmqctl -q set_user_tags "$CTMS_USER" administrator >&2 </dev/null || die "rabbitmqctl set_user_tags failed"
  rabbitmqctl -q set_permissions -p / "$CTMS_USER" '.*' '.*' '.*' >&2 </dev/null || die "rabbitmqctl set_permissions failed"
  log "RabbitMQ user ${CTMS_USER} ready (administrator, full permissions on /)"
}

stop_rabbitmq() {
  if ! have_rabbitmq; then log "RabbitMQ not installed"; return 0; fi
  if rabbit_running; then
    log "stopping RabbitMQ"
    rabbitmqctl -q shutdown >&2 </dev/null 2>&1 || log "rabbitmqctl shutdown returned non-zero"
  else
    log "RabbitMQ was not running"
  fi
  # epmd is started implicitly by rabbitmq-server; `epmd -kill` only succeeds
  # when no Erlang node is registered any more, so this cannot hurt other nodes.
  if command -v epmd >/dev/null 2>&1; then epmd -kill >/dev/null 2>&1 </dev/null || true; fi
}

# ---------------------------------------------------------------- PostgreSQL

pg_running() { pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1 </dev/null; }

start_postgres() {
  mkdir -p "$LOG_DIR"
  if [ ! -d "/etc/postgresql/${PG_VERSION}/${PG_CLUSTER}" ]; then
    log "creating PostgreSQL cluster ${PG_VERSION}/${PG_CLUSTER}"
    as_root pg_createcluster "$PG_VERSION" "$PG_CLUSTER" >&2 </dev/null || die "pg_createcluster failed"
  fi
  if pg_running; then
    log "PostgreSQL ${PG_VERSION}/${PG_CLUSTER} already running"
  else
    log "starting PostgreSQL ${PG_VERSION}/${PG_CLUSTER}"
    if ! as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start </dev/null >>"${LOG_DIR}/postgresql-start.log" 2>&1; then
      pg_running || { tail -n 20 "${LOG_DIR}/postgresql-start.log" >&2
                      tail -n 40 "/var/log/postgresql/postgresql-${PG_VERSION}-${PG_CLUSTER}.log" >&2 2>/dev/null
                      die "pg_ctlcluster ${PG_VERSION} ${PG_CLUSTER} start failed"; }
    fi
  fi

  log "waiting for PostgreSQL (up to ${PG_WAIT_SECONDS}s)"
  local start=$SECONDS
  until pg_isready -q -h "$PG_HOST" -p "$PG_PORT" </dev/null; do
    if (( SECONDS - start >= PG_WAIT_SECONDS )); then
      tail -n 40 "/var/log/postgresql/postgresql-${PG_VERSION}-${PG_CLUSTER}.log" >&2 2>/dev/null
      die "PostgreSQL did not become ready within ${PG_WAIT_SECONDS}s"
    fi
    sleep 1
  done
  log "PostgreSQL is accepting connections on ${PG_HOST}:${PG_PORT}"

  as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres >&2 <<SQL || die "creating role ${CTMS_USER} failed"
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${CTMS_USER}') THEN
    CREATE ROLE ${CTMS_USER} LOGIN CREATEDB PASSWORD '${CTMS_PASSWORD}';
  ELSE
    ALTER ROLE ${CTMS_USER} LOGIN CREATEDB PASSWORD '${CTMS_PASSWORD}';
  END IF;
END
\$\$;
-- Tests drop their own databases WITH (FORCE), which ends sessions the role started.
GRANT pg_signal_backend TO ${CTMS_USER};
SQL
  local exists
  exists=$(as_postgres psql -X -qAt -p "$PG_PORT" -d postgres \
             -c "SELECT 1 FROM pg_database WHERE datname = '${CTMS_DB}'" </dev/null) || die "querying pg_database failed"
  if [ "$exists" = "1" ]; then
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres \
      -c "ALTER DATABASE ${CTMS_DB} OWNER TO ${CTMS_USER}" >&2 </dev/null || die "ALTER DATABASE failed"
  else
    log "creating database ${CTMS_DB}"
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres \
      -c "CREATE DATABASE ${CTMS_DB} OWNER ${CTMS_USER}" >&2 </dev/null || die "CREATE DATABASE failed"
  fi
  log "PostgreSQL role/database ${CTMS_USER}/${CTMS_DB} ready"
}

stop_postgres() {
  if ! have_postgres; then log "PostgreSQL not installed"; return 0; fi
  if pg_running; then
    log "stopping PostgreSQL ${PG_VERSION}/${PG_CLUSTER}"
    as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop >&2 </dev/null 2>&1 || log "pg_ctlcluster stop returned non-zero"
  else
    log "PostgreSQL was not running"
  fi
}

# ---------------------------------------------------------------- commands

cmd_start() {
  ensure_installed
  start_rabbitmq
  start_postgres
  log "all services running"
  print_env
}

cmd_stop() {
  stop_rabbitmq
  stop_postgres
  return 0
}

cmd_status() {
  if have_rabbitmq && rabbit_running; then echo "rabbitmq: running"; else echo "rabbitmq: not running"; fi
  if have_postgres && pg_running && pg_isready -q -h "$PG_HOST" -p "$PG_PORT" </dev/null; then
    echo "postgresql: running"
  else
    echo "postgresql: not running"
  fi
  return 0
}

case "${1:-}" in
  start)  cmd_start ;;
  stop)   cmd_stop ;;
  status) cmd_status ;;
  env)    print_env ;;
  *) echo "usage: $0 {start|stop|status|env}" >&2; exit 2 ;;
esac

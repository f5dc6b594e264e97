#!/usr/bin/env bash
# Local RabbitMQ, Redis and PostgreSQL servers for the test suite.
#
# Usage: scripts/servers.sh COMMAND
#
#   start                 start every server that is not already answering on its
#                         loopback port (a server that already answers is reused
#                         and left alone); waits until each one is really ready
#   stop                  stop the servers this script started and delete their data
#   status                one line per server: up/down, managed by us or not
#   env                   print `export` lines for the connection settings (eval them)
#   accounts [VHOST]      create the services' PostgreSQL roles and RabbitMQ users (idempotent)
#                         and give the users their permissions on VHOST (default "/"); `start`
#                         runs it for "/", a test run with a virtual host of its own runs it
#                         for that host (docs/decisions/0020-least-privilege-accounts.md)
#   start-NAME            start one server (NAME: rabbitmq, redis, postgres); keeps
#                         the data of a managed server that was stopped with stop-NAME
#   stop-NAME             stop one managed server, keeping its data
#   restart-NAME          stop-NAME then start-NAME
#   rabbitmqctl ARGS...   run rabbitmqctl against the managed RabbitMQ node
#   rabbitmq-diagnostics ARGS...
#   rabbitmq-queues ARGS...
#
# Servers listen on 127.0.0.1 only: RabbitMQ 5672 (user guest/guest), Redis 6379,
# PostgreSQL 5432 (superuser postgres, trust authentication).
#
# Each service has its own accounts (loopback test servers only; on a cluster they are the
# operators' and their secrets are in k8s/base/<service>/kustomization.yaml):
#   PostgreSQL role uwv_<service> (owner of its own database, no other), and for the audit
#   store in klantbeeld's audit database: uwv_audit_owner (creates the schema),
#   uwv_audit_writer (INSERT and SELECT only) and uwv_audit_retention (SELECT and DELETE).
#   The roles log in without a password here (trust); privileges are what is enforced.
#   RabbitMQ user uwv-<service>, password the same as the name (like guest/guest), with
#   configure/write/read only on its own queues and exchanges ("<service>-...") and on the
#   message-type exchanges; only the audit publishers may write audit records and only
#   klantbeeld may read them. The databases of a run are created by the test platform
#   (tests/Uwv.Testing/PlatformDatabases.cs) with these roles as owners.
#
# Environment:
#   UWV_SERVERS_DIR      state folder: data, pid files and logs
#                        (default: <repo>/.run/servers)
#   UWV_SERVERS_TIMEOUT  seconds to wait for one server to become ready (default 90)
#   UWV_PG_HUGE_PAGES    0 to leave the kernel's huge pages alone (default 1: as root, reserve
#                        enough of them for PostgreSQL's shared memory before it starts)
#   UWV_PG_MALLOC_TUNABLES  glibc's malloc settings for PostgreSQL (default: keep up to 32 MiB of
#                        freed heap per backend; empty for glibc's own defaults)
#
# Missing server packages are installed with apt-get (root only). Data is
# throw-away: durability settings are relaxed for speed.
set -euo pipefail
umask 022

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SELF="$REPO/scripts/$(basename "${BASH_SOURCE[0]}")"
STATE="${UWV_SERVERS_DIR:-$REPO/.run/servers}"
case "$STATE" in /*) ;; *) STATE="$PWD/$STATE" ;; esac
TIMEOUT="${UWV_SERVERS_TIMEOUT:-90}"

HOST=127.0.0.1
RABBITMQ_PORT=5672
RABBITMQ_DIST_PORT=25672
RABBITMQ_NODE=rabbit@localhost
REDIS_PORT=6379
POSTGRES_PORT=5432
SERVERS=(rabbitmq redis postgres)
SYS_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
RABBITMQ_LIB=/usr/lib/rabbitmq/bin

die() { echo "servers.sh: $*" >&2; exit 1; }
note() { echo "$*"; }

port_of() {
  case "$1" in
    rabbitmq) echo "$RABBITMQ_PORT" ;;
    redis) echo "$REDIS_PORT" ;;
    postgres) echo "$POSTGRES_PORT" ;;
    *) die "unknown server: $1" ;;
  esac
}

# The OS user a server runs as (PostgreSQL refuses root).
user_of() {
  if [[ $EUID -ne 0 ]]; then id -un; return; fi
  case "$1" in
    rabbitmq) echo rabbitmq ;;
    postgres) echo postgres ;;
    redis) echo root ;;
  esac
}

port_open() {
  timeout 3 bash -c ": >/dev/tcp/$HOST/$1" 2>/dev/null
}

now() { echo "${EPOCHREALTIME:-$(date +%s)}"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# ---------------------------------------------------------------- installation

pg_bindir() {
  local d best=""
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x $d/initdb && -x $d/postgres && -x $d/psql && -x $d/pg_isready ]] || continue
    if [[ -z $best ]] || [[ $(printf '%s\n%s\n' "$best" "$d" | sort -V | tail -n1) == "$d" ]]; then
      best=$d
    fi
  done
  [[ -n $best ]] || return 1
  echo "$best"
}

package_for() {
  case "$1" in
    rabbitmq)
      [[ -x $RABBITMQ_LIB/rabbitmq-server && -x $RABBITMQ_LIB/rabbitmqctl ]] && command -v erl >/dev/null \
        || echo rabbitmq-server ;;
    redis)
      command -v redis-server >/dev/null && command -v redis-cli >/dev/null || echo redis-server ;;
    postgres)
      pg_bindir >/dev/null || echo postgresql ;;
  esac
}

POLICY_RC=/usr/sbin/policy-rc.d
POLICY_RC_OURS=0
drop_policy_rc() {
  if [[ $POLICY_RC_OURS == 1 ]]; then rm -f "$POLICY_RC"; POLICY_RC_OURS=0; fi
}

ensure_installed() {
  local s p pkgs=()
  for s in "$@"; do
    p="$(package_for "$s")"
    [[ -n $p ]] && pkgs+=("$p")
  done
  command -v ps >/dev/null && command -v pkill >/dev/null || pkgs+=(procps)
  [[ ${#pkgs[@]} -eq 0 ]] && return 0
  [[ $EUID -eq 0 ]] || die "missing packages (${pkgs[*]}); install them as root: apt-get install ${pkgs[*]}"
  command -v apt-get >/dev/null || die "missing packages (${pkgs[*]}) and no apt-get to install them"
  note "installing ${pkgs[*]} (log: $STATE/install.log)"
  # Package scripts must not start the distribution's own services: they would
  # take the ports this script manages.
  if [[ ! -e $POLICY_RC ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$POLICY_RC"
    chmod 755 "$POLICY_RC"
    POLICY_RC_OURS=1
    trap drop_policy_rc EXIT
  fi
  local apt=(apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  if ! DEBIAN_FRONTEND=noninteractive "${apt[@]}" "${pkgs[@]}" >>"$STATE/install.log" 2>&1; then
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$STATE/install.log" 2>&1 \
           && DEBIAN_FRONTEND=noninteractive "${apt[@]}" "${pkgs[@]}" >>"$STATE/install.log" 2>&1; }; then
      drop_policy_rc
      tail -n 20 "$STATE/install.log" >&2 || true
      die "apt-get install ${pkgs[*]} failed (log: $STATE/install.log)"
    fi
  fi
  drop_policy_rc
  for s in "$@"; do
    [[ -z $(package_for "$s") ]] || die "$s is still missing after installing ${pkgs[*]}"
  done
}

ensure_user() {
  local u=$1
  [[ $u == root || $EUID -ne 0 ]] && return 0
  id -u "$u" >/dev/null 2>&1 && return 0
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$u"
}

# ---------------------------------------------------------------- processes

# Run a command as the given user with a clean environment (extra VAR=value
# words may precede the command).
as_user() {
  local u=$1; shift
  if [[ $EUID -eq 0 && $u != root ]]; then
    setpriv --reuid="$u" --regid="$u" --init-groups -- env -i PATH="$SYS_PATH" LANG=C.UTF-8 LC_ALL=C.UTF-8 "$@"
  else
    env -i PATH="$SYS_PATH" LANG=C.UTF-8 LC_ALL=C.UTF-8 "$@"
  fi
}
exec_as_user() {
  local u=$1; shift
  if [[ $EUID -eq 0 && $u != root ]]; then
    exec setpriv --reuid="$u" --regid="$u" --init-groups -- env -i PATH="$SYS_PATH" LANG=C.UTF-8 LC_ALL=C.UTF-8 "$@"
  fi
  exec env -i PATH="$SYS_PATH" LANG=C.UTF-8 LC_ALL=C.UTF-8 "$@"
}

# Start a detached server process in its own session; its pid is recorded.
# Output goes to the server's log in the state folder.
launch() {
  local name=$1 dir=$2 u=$3; shift 3
  local log="$STATE/$name.log"
  printf '\n===== %s start %s\n' "$(date -u +%FT%TZ)" "$name" >>"$log"
  ( cd "$dir" && exec setsid "$BASH" "$SELF" __as-user "$u" "$@" ) </dev/null >>"$log" 2>&1 9>&- &
  echo $! >"$STATE/$name.pid"
}

# pid of the managed server process if it is alive, else nothing.
live_pid() {
  local name=$1 pid sid
  [[ -f $STATE/$name.pid ]] || return 1
  pid="$(cat "$STATE/$name.pid" 2>/dev/null || true)"
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  # Guard against a recycled pid: ours leads its own session.
  sid="$(ps -o sid= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
  [[ $sid == "$pid" ]] || return 1
  echo "$pid"
}

# A process counts as alive unless it is gone or a zombie not yet reaped.
alive() {
  local st
  st="$(ps -o stat= -p "$1" 2>/dev/null || true)"
  [[ -n $st && $st != Z* ]]
}
session_alive() { ps -o stat= -s "$1" 2>/dev/null | grep -qv '^Z'; }

# Wait for a server's session to end; kill what is left after the grace time.
wait_gone() {
  local pid=$1 grace=$2 t0
  t0=$SECONDS
  while session_alive "$pid"; do
    if (( SECONDS - t0 >= grace )); then
      echo "servers.sh: pid $pid did not stop within ${grace}s; killing it" >&2
      pkill -KILL -s "$pid" 2>/dev/null || true
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      return 0
    fi
    sleep 0.1
  done
}

# Like live_pid, for a server that was just launched (it may not have
# become a session leader yet).
launched_alive() {
  local pid
  pid="$(cat "$STATE/$1.pid" 2>/dev/null || true)"
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid"
}

data_dir() { cat "$STATE/$1.data" 2>/dev/null || true; }
is_managed() { [[ -f $STATE/$1.data ]]; }

# A data folder the server's user can reach: inside the state folder when
# possible, otherwise a private temporary folder.
new_data_dir() {
  local name=$1 u=$2 d
  d="$STATE/$name"
  rm -rf "$d"
  mkdir -p "$d"
  if [[ $EUID -eq 0 && $u != root ]]; then
    chown "$u:" "$d"
    if ! setpriv --reuid="$u" --regid="$u" --init-groups -- test -w "$d" 2>/dev/null; then
      rm -rf "$d"
      d="$(mktemp -d "${TMPDIR:-/tmp}/uwv-$name.XXXXXX")"
      chown "$u:" "$d"
    fi
  fi
  chmod 700 "$d"
  echo "$d" >"$STATE/$name.data"
  echo "$d"
}

remove_data() {
  local name=$1 d
  d="$(data_dir "$name")"
  [[ -n $d && -d $d ]] && rm -rf "$d"
  rm -f "$STATE/$name.data" "$STATE/$name.pid" "$STATE/$name.epmd"
}

fail_start() {
  local name=$1 msg=$2
  local log="$STATE/$name.log" section
  echo "servers.sh: $name: $msg (log: $log)" >&2
  # First error lines of this start attempt, then its last lines.
  section="$(awk '/^===== .* start /{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}' "$log" 2>/dev/null || true)"
  grep -m 12 -iE 'error|fatal|failed|panic' <<<"$section" >&2 || true
  echo "..." >&2
  tail -n 10 <<<"$section" >&2 || true
  # Do not leave a half-started server behind; its data stays for inspection
  # until the next start or stop.
  if live_pid "$name" >/dev/null; then stop_one "$name" 1 >/dev/null 2>&1 || true; fi
  exit 1
}

# ---------------------------------------------------------------- redis

redis_launch() {
  local d; d="$(data_dir redis)"
  launch redis "$d" "$(user_of redis)" redis-server \
    --bind "$HOST" --port "$REDIS_PORT" --protected-mode yes \
    --daemonize no --supervised no --dir "$d" --dbfilename dump.rdb \
    --save '' --appendonly no --logfile '' --maxclients 4000
}

redis_wait() {
  local t0=$1 out
  while :; do
    launched_alive redis || fail_start redis "server exited"
    out="$(redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null || true)"
    [[ $out == PONG ]] && return 0
    (( ${EPOCHSECONDS:-$(date +%s)} - ${t0%.*} >= TIMEOUT )) && fail_start redis "not ready after ${TIMEOUT}s"
    sleep 0.1
  done
}

redis_stop() {
  local pid=$1 keep=$2
  # A restart keeps the data (like a server with persistence); a full stop drops it.
  if [[ $keep == 1 ]]; then
    redis-cli -h "$HOST" -p "$REDIS_PORT" shutdown save >/dev/null 2>&1 || true
  else
    redis-cli -h "$HOST" -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  fi
  kill -TERM "$pid" 2>/dev/null || true
  wait_gone "$pid" 20
}

# ---------------------------------------------------------------- postgres

# PostgreSQL maps its shared memory (shared_buffers) with huge pages when the kernel has enough of them reserved
# (huge_pages = try, its default), as production servers are advised to run. With 4 KiB pages every backend faults
# in each page of shared memory it touches on its own: under the benchmark's load that was 7 % of PostgreSQL's
# samples, and its CPU per handover command was 0.07-0.27 ms higher (docs/benchmarks.md, 2026-12-05, twelfth).
# Reserving them needs root; it only ever adds pages, and PostgreSQL falls back to ordinary pages without them.
postgres_huge_pages() {
  [[ ${UWV_PG_HUGE_PAGES:-1} == 1 && $EUID == 0 && -w /proc/sys/vm/nr_hugepages ]] || return 0
  local page_kb free total need
  page_kb="$(awk '/^Hugepagesize:/ {print $2}' /proc/meminfo)"
  [[ $page_kb =~ ^[0-9]+$ ]] && (( page_kb > 0 )) || return 0
  need=$(( 192 * 1024 / page_kb ))   # shared_buffers (128 MB), WAL buffers and the rest of its shared memory
  free="$(awk '/^HugePages_Free:/ {print $2}' /proc/meminfo)"
  total="$(cat /proc/sys/vm/nr_hugepages)"
  (( free >= need )) || echo $(( total + need - free )) >/proc/sys/vm/nr_hugepages 2>/dev/null || true
}

# glibc gives a backend's freed heap back to the kernel as soon as more than a small, self-adjusting threshold of it
# is free at the top, and takes it again for the next statement. Every give-back shrinks the heap with brk, which
# flushes the TLB of every core the process ran on (an interrupt to the other core, slow on a virtual machine), and
# every take faults fresh zeroed pages in: together about a fifth of PostgreSQL's samples under the read benchmark
# (docs/benchmarks.md, 2026-12-06, sixteenth). A backend keeps up to 32 MiB of freed heap instead, and allocations
# of up to 16 MiB come from the heap rather than from a mapping of their own.
PG_MALLOC_TUNABLES=${UWV_PG_MALLOC_TUNABLES-glibc.malloc.trim_threshold=33554432:glibc.malloc.mmap_threshold=16777216}

postgres_launch() {
  local d u bin fresh=$1
  d="$(data_dir postgres)"; u="$(user_of postgres)"; bin="$(pg_bindir)"
  if [[ $fresh == 1 || ! -f $d/data/PG_VERSION ]]; then
    rm -rf "$d/data"
    if ! ( cd "$d" && as_user "$u" "$bin/initdb" -D "$d/data" -U postgres -A trust -E UTF8 \
             --locale=C --no-sync --no-instructions ) >>"$STATE/postgres.log" 2>&1; then
      fail_start postgres "initdb failed"
    fi
    cat >>"$d/data/postgresql.conf" <<EOF

# test server: loopback only, throw-away data
listen_addresses = '$HOST'
port = $POSTGRES_PORT
unix_socket_directories = ''
max_connections = 300
shared_buffers = 128MB
huge_pages = try
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
log_destination = 'stderr'
log_timezone = 'UTC'
timezone = 'UTC'
EOF
  fi
  postgres_huge_pages
  launch postgres "$d" "$u" env "GLIBC_TUNABLES=$PG_MALLOC_TUNABLES" "$bin/postgres" -D "$d/data"
}

postgres_wait() {
  local t0=$1 bin out
  bin="$(pg_bindir)"
  while :; do
    launched_alive postgres || fail_start postgres "server exited"
    if "$bin/pg_isready" -q -h "$HOST" -p "$POSTGRES_PORT" -U postgres -d postgres -t 2 2>/dev/null; then
      out="$(PGCONNECT_TIMEOUT=3 "$bin/psql" -h "$HOST" -p "$POSTGRES_PORT" -U postgres -d postgres \
               -w -X -A -t -q -c 'select 1' 2>/dev/null || true)"
      [[ $out == 1 ]] && return 0
    fi
    (( ${EPOCHSECONDS:-$(date +%s)} - ${t0%.*} >= TIMEOUT )) && fail_start postgres "not ready after ${TIMEOUT}s"
    sleep 0.2
  done
}

postgres_stop() {
  local pid=$1
  kill -INT "$pid" 2>/dev/null || true   # fast shutdown
  wait_gone "$pid" 30
}

# ---------------------------------------------------------------- rabbitmq

rabbitmq_env() {
  local d=$1
  printf '%s\n' \
    "HOME=$d/home" \
    "RABBITMQ_NODENAME=$RABBITMQ_NODE" \
    "RABBITMQ_NODE_IP_ADDRESS=$HOST" \
    "RABBITMQ_NODE_PORT=$RABBITMQ_PORT" \
    "RABBITMQ_DIST_PORT=$RABBITMQ_DIST_PORT" \
    "RABBITMQ_MNESIA_BASE=$d/mnesia" \
    "RABBITMQ_LOG_BASE=$d/log" \
    "RABBITMQ_CONFIG_FILE=$d/rabbitmq.conf" \
    "RABBITMQ_ADVANCED_CONFIG_FILE=$d/advanced.config" \
    "RABBITMQ_CONF_ENV_FILE=$d/rabbitmq-env.conf" \
    "RABBITMQ_ENABLED_PLUGINS_FILE=$d/enabled_plugins" \
    "RABBITMQ_PLUGINS_EXPAND_DIR=$d/plugins-expand" \
    "RABBITMQ_PID_FILE=$d/rabbitmq.pid" \
    "ERL_EPMD_ADDRESS=$HOST" \
    "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
}

epmd_running() { epmd -names >/dev/null 2>&1; }

rabbitmq_launch() {
  local d u fresh=$1 env=()
  d="$(data_dir rabbitmq)"; u="$(user_of rabbitmq)"
  if [[ $fresh == 1 || ! -f $d/home/.erlang.cookie ]]; then
    rm -rf "${d:?}"/*
    mkdir -p "$d/home" "$d/mnesia" "$d/log" "$d/plugins-expand"
    ( umask 077; head -c 24 /dev/urandom | od -An -v -tx1 | tr -d ' \n' | tr a-f A-F >"$d/home/.erlang.cookie" )
    chmod 400 "$d/home/.erlang.cookie"
    : >"$d/rabbitmq-env.conf"
    echo '[].' >"$d/enabled_plugins"
    cat >"$d/rabbitmq.conf" <<EOF
listeners.tcp.default = $HOST:$RABBITMQ_PORT
loopback_users.guest = true
log.file = false
log.console = true
log.console.level = info
log.console.use_colors = off
disk_free_limit.absolute = 50MB
EOF
    [[ $EUID -eq 0 && $u != root ]] && chown -R "$u:" "$d"
  fi
  # Remember whether epmd (shared by all Erlang nodes) was started for us.
  if epmd_running; then rm -f "$STATE/rabbitmq.epmd"; else : >"$STATE/rabbitmq.epmd"; fi
  mapfile -t env < <(rabbitmq_env "$d")
  launch rabbitmq "$d" "$u" "${env[@]}" "$RABBITMQ_LIB/rabbitmq-server"
}

rabbitmq_wait() {
  local t0=$1
  while :; do
    launched_alive rabbitmq || fail_start rabbitmq "server exited"
    if port_open "$RABBITMQ_PORT" && timeout 10 "$BASH" "$SELF" __amqp-check "$RABBITMQ_PORT" 2>/dev/null; then
      return 0
    fi
    (( ${EPOCHSECONDS:-$(date +%s)} - ${t0%.*} >= TIMEOUT )) && fail_start rabbitmq "not ready after ${TIMEOUT}s"
    sleep 0.3
  done
}

rabbitmq_stop() {
  local pid=$1
  # The start script turns TERM into a clean broker shutdown.
  kill -TERM "$pid" 2>/dev/null || true
  wait_gone "$pid" 60
  if [[ -f $STATE/rabbitmq.epmd ]]; then
    # Only stops epmd when no Erlang node is registered any more.
    epmd -kill >/dev/null 2>&1 || true
    rm -f "$STATE/rabbitmq.epmd"
  fi
}

rabbitmq_cli() {
  local tool=$1; shift
  is_managed rabbitmq || die "RabbitMQ is not managed by this script"
  local d env=()
  d="$(data_dir rabbitmq)"
  mapfile -t env < <(rabbitmq_env "$d")
  as_user "$(user_of rabbitmq)" "${env[@]}" "ERL_FLAGS=-kernel inet_dist_use_interface {127,0,0,1}" \
    "$RABBITMQ_LIB/$tool" -n "$RABBITMQ_NODE" "$@"
}

# Minimal AMQP 0-9-1 client: log in as guest/guest on vhost "/" and close.
amqp_check() {
  local port=$1 h p size
  exec 3<>"/dev/tcp/$HOST/$port"
  rd() { dd bs=1 count="$1" status=none <&3 | od -An -v -tu1 | tr "\n" " "; }
  # Reads one frame into F (payload bytes); fails unless it is method class.method.
  frame() {
    read -r -a h <<<"$(rd 7)"; [[ ${#h[@]} -eq 7 && ${h[0]} -eq 1 ]] || return 1
    size=$(( (h[3] << 24) | (h[4] << 16) | (h[5] << 8) | h[6] ))
    read -r -a F <<<"$(rd $((size + 1)))"
    [[ ${#F[@]} -eq $((size + 1)) && ${F[0]} -eq 0 && ${F[1]} -eq $1 && ${F[2]} -eq 0 && ${F[3]} -eq $2 ]]
  }
  printf 'AMQP\x00\x00\x09\x01' >&3
  frame 10 10 || return 1                                       # connection.start
  printf '\x01\x00\x00\x00\x00\x00\x24\x00\x0a\x00\x0b\x00\x00\x00\x00\x05PLAIN\x00\x00\x00\x0c\x00guest\x00guest\x05en_US\xce' >&3
  frame 10 30 || return 1                                       # connection.tune
  printf -v p '\\x%02x' "${F[@]:4:8}"
  printf "\\x01\\x00\\x00\\x00\\x00\\x00\\x0c\\x00\\x0a\\x00\\x1f${p}\\xce" >&3   # tune-ok
  printf '\x01\x00\x00\x00\x00\x00\x08\x00\x0a\x00\x28\x01/\x00\x00\xce' >&3    # open "/"
  frame 10 41 || return 1                                       # connection.open-ok
  printf '\x01\x00\x00\x00\x00\x00\x0b\x00\x0a\x00\x32\x00\xc8\x00\x00\x00\x00\x00\xce' >&3
  frame 10 51 || return 1                                       # connection.close-ok
  exec 3>&-
}

# ---------------------------------------------------------------- commands

# Start one server unless something answers on its port. mode: fresh (throw
# away any earlier data) or keep (reuse data of a managed, stopped server).
begin_start() {
  local name=$1 mode=$2 port fresh=1 u
  port="$(port_of "$name")"
  if live_pid "$name" >/dev/null; then
    note "$name: already running on $HOST:$port (managed)"
    return 0
  fi
  if port_open "$port"; then
    if [[ $mode == keep ]] && is_managed "$name"; then
      die "$name: port $HOST:$port is taken by a server this script does not manage"
    fi
    is_managed "$name" && remove_data "$name"
    note "$name: reusing the server already on $HOST:$port (not managed)"
    return 0
  fi
  ensure_installed "$name"
  u="$(user_of "$name")"
  ensure_user "$u"
  if [[ $mode == keep ]] && is_managed "$name" && [[ -d $(data_dir "$name") ]]; then
    fresh=0
  else
    is_managed "$name" && remove_data "$name"
    new_data_dir "$name" "$u" >/dev/null
  fi
  STARTED+=("$name:$(now):$fresh")
  case "$name" in
    rabbitmq) rabbitmq_launch "$fresh" ;;
    redis) redis_launch ;;
    postgres) postgres_launch "$fresh" ;;
  esac
}

# Waits for the launched servers, quickest first.
finish_starts() {
  local item name t0 fresh s
  for s in redis postgres rabbitmq; do
    for item in "${STARTED[@]}"; do
      IFS=: read -r name t0 fresh <<<"$item"
      [[ $name == "$s" ]] || continue
      "${name}_wait" "$t0"
      note "$name: started on $HOST:$(port_of "$name") (managed, $([[ $fresh == 1 ]] && echo "new data" || echo "kept data"), ready in $(elapsed "$t0")s)"
    done
  done
  STARTED=()
}

stop_one() {
  local name=$1 keep=$2 pid
  if pid="$(live_pid "$name")"; then
    case "$name" in
      rabbitmq) rabbitmq_stop "$pid" ;;
      redis) redis_stop "$pid" "$keep" ;;
      postgres) postgres_stop "$pid" ;;
    esac
    if port_open "$(port_of "$name")"; then
      die "$name: stopped, but something still answers on $HOST:$(port_of "$name")"
    fi
    note "$name: stopped"
  fi
  rm -f "$STATE/$name.pid"
  [[ $keep == 1 ]] || remove_data "$name"
}

status_one() {
  local name=$1 port pid state who
  port="$(port_of "$name")"
  if port_open "$port"; then state=up; else state=down; fi
  if pid="$(live_pid "$name")"; then
    who="managed (pid $pid)"
  elif is_managed "$name"; then
    who="managed (stopped, data kept)"
  elif [[ $state == up ]]; then
    who="not managed"
  else
    who="-"
  fi
  printf '%-9s %-4s %s:%s  %s\n' "$name" "$state" "$HOST" "$port" "$who"
}

# ---------------------------------------------------------------- accounts

# The services with a database and a bus connection (the gateway has neither).
SERVICES=(smz werkbedrijf uitkeren bezwaarberoep handover klantbeeld)
# The services that serve personal data over gRPC and so publish audit records (the exchange
# of PersonalDataAccessedBatch); checked against the code by tests/Uwv.DeploymentTests.
AUDIT_PUBLISHERS=(smz werkbedrijf uitkeren bezwaarberoep handover klantbeeld)
# The service that consumes (reads) the audit records.
AUDIT_CONSUMER=klantbeeld

psql_super() {
  local bin; bin="$(pg_bindir)" || die "psql not found"
  PGCONNECT_TIMEOUT=10 "$bin/psql" -h "$HOST" -p "$POSTGRES_PORT" -U postgres -d postgres -w -X -q -v ON_ERROR_STOP=1 "$@"
}

postgres_roles() {
  local r sql=""
  for r in "${SERVICES[@]/#/uwv_}" uwv_audit_owner uwv_audit_writer uwv_audit_retention; do
    sql+="DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$r') THEN CREATE ROLE $r LOGIN; END IF; END \$\$;"$'\n'
    sql+="ALTER ROLE $r LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;"$'\n'
  done
  # No service connects to the maintenance databases: each reaches only its own.
  sql+="REVOKE CONNECT ON DATABASE postgres FROM PUBLIC; REVOKE CONNECT ON DATABASE template1 FROM PUBLIC;"$'\n'
  psql_super <<<"$sql" >/dev/null
  note "postgres: roles ${SERVICES[*]/#/uwv_} uwv_audit_owner uwv_audit_writer uwv_audit_retention"
}

# Regex of the exchanges named after a message type (MassTransit's "Namespace:Type"), without the
# audit exchange unless allowed.
events_regex() {
  if [[ $1 == 1 ]]; then echo 'Uwv\.Contracts\.Events:.*'; else echo 'Uwv\.Contracts\.Events:(?!PersonalDataAccessedBatch$).*'; fi
}
contains() { local x; for x in "${@:2}"; do [[ $x == "$1" ]] && return 0; done; return 1; }

# configure/write/read regexes of one service's user, one per line. Its own queues and exchanges
# start with "<service>-" (endpoints, their _error/_skipped queues, the temporary bus endpoint);
# "MassTransit:" exchanges carry faults (a fault of an audit batch holds the batch: klantbeeld's only).
# Writing to another service's queue exchange is refused.
rabbitmq_permissions() {
  local s=$1 publish=0 consume=0 declare=0 own mt
  contains "$s" "${AUDIT_PUBLISHERS[@]}" && publish=1
  [[ $s == "$AUDIT_CONSUMER" ]] && consume=1
  (( publish || consume )) && declare=1
  own="$s-.*"
  if [[ $consume == 1 ]]; then mt='MassTransit:.*'; else mt='MassTransit:(?!Fault--Uwv\.Contracts\.Events:PersonalDataAccessedBatch--).*'; fi
  echo "^($own|$(events_regex $declare)|$mt)\$"
  echo "^($own|$(events_regex $publish)|$mt)\$"
  echo "^($own|$(events_regex $consume)|$mt)\$"
}

rabbitmq_users() {
  local vhost=$1 s u existing perms
  existing="$(rabbitmq_cli rabbitmqctl list_users -q --no-table-headers | awk '{print $1}')"
  if ! rabbitmq_cli rabbitmqctl list_vhosts -q --no-table-headers | grep -qxF -- "$vhost"; then
    rabbitmq_cli rabbitmqctl add_vhost "$vhost" >/dev/null
  fi
  for s in "${SERVICES[@]}"; do
    u="uwv-$s"
    if grep -qxF -- "$u" <<<"$existing"; then
      rabbitmq_cli rabbitmqctl change_password "$u" "$u" >/dev/null
    else
      rabbitmq_cli rabbitmqctl add_user "$u" "$u" >/dev/null
    fi
    mapfile -t perms < <(rabbitmq_permissions "$s")
    rabbitmq_cli rabbitmqctl set_permissions -p "$vhost" "$u" "${perms[@]}" >/dev/null
  done
  note "rabbitmq: users ${SERVICES[*]/#/uwv-} with their permissions on virtual host $vhost"
}

accounts() {
  local vhost=${1:-/}
  port_open "$POSTGRES_PORT" && postgres_roles
  if is_managed rabbitmq && live_pid rabbitmq >/dev/null; then
    rabbitmq_users "$vhost"
  else
    echo "servers.sh: RabbitMQ is not managed by this script: create the service users on it yourself" >&2
  fi
}

print_env() {
  echo "export UWV_RABBITMQ=amqp://guest:guest@$HOST:$RABBITMQ_PORT/"
  echo "export UWV_REDIS=$HOST:$REDIS_PORT"
  echo "export UWV_POSTGRES='Host=$HOST;Port=$POSTGRES_PORT;Username=postgres'"
}

usage() {
  sed -n '2,/^set -euo/p' "$SELF" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'
}

lock_state() {
  mkdir -p "$STATE"
  exec 9>"$STATE/.lock"
  flock -w 600 9 || die "another servers.sh is still running"
}

main() {
  local cmd="${1:-}"
  case "$cmd" in
    __as-user) shift; exec_as_user "$@" ;;                               # internal
    __amqp-check) amqp_check "$2"; return ;;                            # internal
    env) print_env; return ;;
    ""|-h|--help|help) usage; return ;;
  esac
  STARTED=()
  case "$cmd" in
    start)
      lock_state
      local s need=()
      for s in "${SERVERS[@]}"; do
        live_pid "$s" >/dev/null || port_open "$(port_of "$s")" || need+=("$s")
      done
      ensure_installed "${need[@]}"
      for s in "${SERVERS[@]}"; do begin_start "$s" fresh; done
      finish_starts
      accounts / ;;
    accounts)
      lock_state
      accounts "${2:-/}" ;;
    stop)
      lock_state
      local s
      for s in "${SERVERS[@]}"; do stop_one "$s" 0; done ;;
    status)
      local s
      for s in "${SERVERS[@]}"; do status_one "$s"; done ;;
    start-rabbitmq|start-redis|start-postgres)
      lock_state
      begin_start "${cmd#start-}" keep
      finish_starts ;;
    stop-rabbitmq|stop-redis|stop-postgres)
      lock_state
      local s=${cmd#stop-}
      live_pid "$s" >/dev/null || die "$s: no running server managed by this script"
      stop_one "$s" 1 ;;
    restart-rabbitmq|restart-redis|restart-postgres)
      lock_state
      local s=${cmd#restart-}
      is_managed "$s" || die "$s: not managed by this script"
      stop_one "$s" 1
      begin_start "$s" keep
      finish_starts ;;
    rabbitmqctl|rabbitmq-diagnostics|rabbitmq-queues)
      shift; rabbitmq_cli "$cmd" "$@" ;;
    *)
      usage >&2; exit 2 ;;
  esac
}

main "$@"

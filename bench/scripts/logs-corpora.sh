#!/usr/bin/env bash
# Real log text for LogsCompressionHarness (docs/logs.md, "Session 7"): writes into DIR (default /tmp/logs-corpora)
#   eipp.log        apt's solver log (/var/log/apt/eipp.log.xz, decompressed)
#   dmesg.log       the kernel's ring buffer
#   postgresql.log  PostgreSQL's own log while psql runs a small workload (needs initdb/pg_ctl/psql and a
#                   "postgres" user; log_statement=all, connections, durations, errors, vacuum)
#   redis.log       the first 40,000 lines of redis-server's verbose log under redis-benchmark, one connection a request
# and prints the harness command. Each daemon is started on a private port/socket and stopped again.
set -euo pipefail
dir=${1:-/tmp/logs-corpora}
mkdir -p "$dir"
xz -dc /var/log/apt/eipp.log.xz > "$dir/eipp.log"
dmesg > "$dir/dmesg.log"

if command -v pg_ctl > /dev/null && id postgres > /dev/null 2>&1; then
    pg=$(mktemp -d)
    chown postgres "$pg"
    su postgres -c "initdb -D $pg/data -A trust" > /dev/null
    su postgres -c "pg_ctl -D $pg/data -l $pg/postgresql.log -w start -o \"-p 5499 -k $pg -c listen_addresses= \
        -c log_statement=all -c log_connections=on -c log_disconnections=on -c log_duration=on \
        -c log_min_messages=debug1 -c log_line_prefix='%m [%p] %q%u@%d '\"" > /dev/null
    {
        echo "CREATE TABLE accounts (id bigint PRIMARY KEY, owner text NOT NULL, balance bigint NOT NULL);"
        echo "INSERT INTO accounts SELECT g, 'owner-' || g, (g * 37) % 10000 FROM generate_series(1, 5000) g;"
        echo "CREATE INDEX ON accounts (owner); ANALYZE accounts;"
        for i in $(seq 1 300); do
            echo "SELECT balance FROM accounts WHERE id = $((i * 13 % 5000 + 1));"
            echo "UPDATE accounts SET balance = balance - $((i % 50)) WHERE id = $((i * 7 % 5000 + 1));"
            echo "INSERT INTO accounts VALUES ($((i % 7 + 1)), 'dup', 0);"
            echo "SELECT owner, balance FROM accounts WHERE owner LIKE 'owner-$((i % 97))%' ORDER BY balance DESC LIMIT 5;"
            echo "SELECT count(*) FROM accounts WHERE balance > $((i * 31 % 10000));"
            if [ $((i % 20)) = 0 ]; then echo "VACUUM ANALYZE accounts;"; echo "SELECT * FROM missing_table_$i;"; fi
        done
    } > "$pg/work.sql"
    chmod a+r "$pg/work.sql"
    for _ in 1 2 3 4 5 6; do su postgres -c "psql -h $pg -p 5499 -d postgres -q -f $pg/work.sql" > /dev/null 2>&1 || true; done
    su postgres -c "pg_ctl -D $pg/data -w stop" > /dev/null
    cp "$pg/postgresql.log" "$dir/postgresql.log"
    rm -rf "$pg"
fi

if command -v redis-server > /dev/null && command -v redis-benchmark > /dev/null; then
    rd=$(mktemp -d)
    redis-server --port 6399 --bind 127.0.0.1 --loglevel verbose --logfile "$rd/redis.log" --dir "$rd" &
    pid=$!
    for _ in $(seq 1 50); do redis-cli -p 6399 ping > /dev/null 2>&1 && break; sleep 0.1; done
    redis-benchmark -p 6399 -n 20000 -c 20 -k 0 -q -t set,get,lpush,incr > /dev/null
    kill "$pid"
    wait "$pid" || true
    head -40000 "$rd/redis.log" > "$dir/redis.log"
    rm -rf "$rd"
fi

ls -l "$dir"
echo "./keel bench run dev.keel.bench.logs.LogsCompressionHarness --entries 300000" \
    "--corpus dpkg+apt=/var/log/dpkg.log,/var/log/alternatives.log,/var/log/apt/history.log,/var/log/apt/term.log" \
    "--corpus eipp=$dir/eipp.log --corpus dmesg=$dir/dmesg.log" \
    "--corpus postgresql=$dir/postgresql.log --corpus redis=$dir/redis.log --out bench/results/logs-compression.md"

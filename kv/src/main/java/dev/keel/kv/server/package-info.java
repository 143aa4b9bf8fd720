/**
 * A Redis-protocol (RESP2) server for keel's key-value store, so that redis-cli, redis-benchmark and Redis client
 * libraries work with it unchanged.
 *
 * <p>Reading order: {@link dev.keel.kv.server.KvServer} (the entry point, threads and shutdown) with
 * {@link dev.keel.kv.server.KvServerOptions}. Inside: {@code EventLoop} (a selector thread serving many
 * connections), {@code Connection} (one client on its loop, with its {@code ReplyBuffer}) with {@code RequestPipeline}
 * (its requests in order) and {@code LoopWrites} (the plain SETs of all the loop's connections of one iteration
 * written as one {@code SetBatch}; under {@code ALWAYS}, other writes off the loop); the codec, {@code RespParser} (requests,
 * incremental, bounded and untrusted, with the wire schema) with {@code InlineArguments}
 * and {@code Decimal}, and {@code RespWriter} with {@code Reply}; {@code CommandHandler} (one request to one reply),
 * {@code CommandParser} and {@code ContainerParser} over {@code CommandSpec} (the command table) into the
 * {@code Command} records; then {@code StringCommands}, {@code KeyspaceCommands} (with {@code GlobPattern} and
 * {@code ScanCursors}), {@code ListCommands} and {@code ServerCommands} (with {@code InfoReport}) run them.
 *
 * <p>Commands: strings (GET, SET, SETEX, PSETEX, GETSET, GETDEL, INCR, INCRBY, DECR, DECRBY, MSET, MGET), keys (DEL,
 * UNLINK, EXISTS, EXPIRE, PEXPIRE, TTL, PTTL, PERSIST, TYPE, KEYS, SCAN, DBSIZE, FLUSHDB, FLUSHALL) and the server
 * (PING, ECHO, INFO, SELECT, QUIT, HELLO, AUTH, CONFIG, COMMAND, CLIENT), and lists (LPUSH, RPUSH, LPOP, RPOP, LRANGE,
 * LLEN). A command on a key holding the other type answers {@code -WRONGTYPE}, as in Redis.
 *
 * <p>Thread safety: {@code KvServer} and the command handler are thread-safe and shared by all connections; each
 * connection's parser, pipeline, reply buffer and session are confined to its event loop's thread (a write run off
 * the loop hands its reply back through the loop's task queue); commands, replies and options are immutable.
 */
@NullMarked
package dev.keel.kv.server;

import org.jspecify.annotations.NullMarked;

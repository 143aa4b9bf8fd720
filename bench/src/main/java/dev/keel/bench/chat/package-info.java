/**
 * Load harness for the chat server: {@link dev.keel.bench.chat.ChatLoadHarness} (keel vs ngIRCd: registrations, channel
 * fan-out, nick-to-nick messages, idle clients' memory) over {@code LoadClients} (many IRC clients on one NIO
 * selector, from several loopback source addresses) and {@code ServerProcess} (a server in a child process, with its
 * CPU time, system calls and resident memory from /proc). Single-threaded: the harness runs on its main thread.
 */
@NullMarked
package dev.keel.bench.chat;

import org.jspecify.annotations.NullMarked;

/**
 * Load harness for the chat server: {@link dev.keel.bench.chat.ChatLoadHarness} (keel vs ngIRCd, registrations and
 * channel fan-out) over {@code LoadClients} (many IRC clients on one NIO selector) and {@code ServerProcess} (a server
 * in a child process, with its CPU time from /proc). Single-threaded: the harness runs on its main thread.
 */
@NullMarked
package dev.keel.bench.chat;

import org.jspecify.annotations.NullMarked;

package dev.keel.kv.server;

import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the server as a whole knows about itself, for INFO and CLIENT LIST: its port, when it started, the connected
 * clients and the counters Redis reports (connections received and rejected, commands processed).
 *
 * <p>Thread-safe: sessions live in a concurrent map, counters are atomic. Each connection's thread adds and removes
 * its own session.
 */
final class ServerState {

    private final int port;
    private final int maxClients;
    private final InstantSource clock;
    private final long startedMillis;
    private final AtomicLong nextClientId = new AtomicLong(1);
    private final ConcurrentMap<Long, Session> sessions = new ConcurrentHashMap<>();
    private final LongAdder commandsProcessed = new LongAdder();
    private final AtomicLong connectionsReceived = new AtomicLong();
    private final AtomicLong rejectedConnections = new AtomicLong();

    ServerState(int port, int maxClients, InstantSource clock) {
        this.port = port;
        this.maxClients = maxClients;
        this.clock = clock;
        this.startedMillis = clock.millis();
    }

    /** Registers a new connection from {@code address} to {@code localAddress}. */
    Session open(String address, String localAddress) {
        Session session = new Session(nextClientId.getAndIncrement(), address, localAddress, clock.millis());
        sessions.put(session.id(), session);
        connectionsReceived.incrementAndGet();
        return session;
    }

    /** Forgets a connection that ended. Idempotent. */
    void close(Session session) {
        sessions.remove(session.id());
    }

    /** The connected clients, oldest first. */
    List<Session> sessions() {
        return sessions.values().stream()
                .sorted(Comparator.comparingLong(Session::id))
                .toList();
    }

    int connectedClients() {
        return sessions.size();
    }

    void countCommands(int commands) {
        commandsProcessed.add(commands);
    }

    void countRejectedConnection() {
        rejectedConnections.incrementAndGet();
    }

    long commandsProcessed() {
        return commandsProcessed.sum();
    }

    long connectionsReceived() {
        return connectionsReceived.get();
    }

    long rejectedConnections() {
        return rejectedConnections.get();
    }

    /** CONFIG RESETSTAT: zeroes the counters (not the connected clients). */
    void resetStats() {
        commandsProcessed.reset();
        connectionsReceived.set(0);
        rejectedConnections.set(0);
    }

    int port() {
        return port;
    }

    int maxClients() {
        return maxClients;
    }

    /** The wall clock the server reports time by: the store's. */
    InstantSource clock() {
        return clock;
    }

    long uptimeSeconds() {
        return Math.max(0, (clock.millis() - startedMillis) / 1000);
    }
}

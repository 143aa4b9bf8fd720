package dev.keel.kv.server;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One client connection's state: its id, addresses, name and what it last did, as CLIENT and INFO report them, and
 * whether it asked to be closed (QUIT).
 *
 * <p>Confined to the connection's event loop (a write run off the loop only reads its id), except the name, the last command and the last activity, which CLIENT LIST
 * on another connection reads: those are volatile, written only by the owning thread.
 */
final class Session {

    private final long id;
    private final String address;
    private final String localAddress;
    private final long createdMillis;
    private volatile byte @Nullable [] name;
    private volatile String lastCommand = "NULL";
    private volatile long lastActiveMillis;
    private boolean closeRequested;

    Session(long id, String address, String localAddress, long createdMillis) {
        this.id = id;
        this.address = address;
        this.localAddress = localAddress;
        this.createdMillis = createdMillis;
        this.lastActiveMillis = createdMillis;
    }

    long id() {
        return id;
    }

    /** The client's address, {@code ip:port}. */
    String address() {
        return address;
    }

    /** The server's end of the connection, {@code ip:port}. */
    String localAddress() {
        return localAddress;
    }

    byte @Nullable [] name() {
        return name;
    }

    /** Names the connection; null clears the name. */
    void name(byte @Nullable [] name) {
        this.name = name;
    }

    /**
     * Records that the client ran {@code command} (its lower-case name). Writes the volatile field only when the name
     * changes: a pipelined run of one command costs a read per request, not a store with a fence.
     */
    void noteCommand(String command) {
        if (!command.equals(lastCommand)) {
            this.lastCommand = command;
        }
    }

    /**
     * Records that the client was active at {@code nowMillis}: once per read from its socket, not per command (a
     * clock read and a volatile store per request were 3% of a pipelined GET's CPU). CLIENT LIST reports idle
     * seconds, which that resolution serves exactly.
     */
    void touch(long nowMillis) {
        if (nowMillis != lastActiveMillis) {
            this.lastActiveMillis = nowMillis;
        }
    }

    /** The connection closes once the current reply is sent. */
    void requestClose() {
        closeRequested = true;
    }

    boolean closeRequested() {
        return closeRequested;
    }

    /** This connection as one line of CLIENT LIST, in Redis's field order (fields keel has no notion of omitted). */
    String describe(long nowMillis) {
        byte @Nullable [] currentName = name;
        return "id=" + id
                + " addr=" + address
                + " laddr=" + localAddress
                + " fd=-1 name=" + (currentName == null ? "" : new String(currentName, StandardCharsets.ISO_8859_1))
                + " age=" + Math.max(0, (nowMillis - createdMillis) / 1000)
                + " idle=" + Math.max(0, (nowMillis - lastActiveMillis) / 1000)
                + " flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 cmd=" + lastCommand
                + " user=default redir=-1 resp=2\n";
    }
}

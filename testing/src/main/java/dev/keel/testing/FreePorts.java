package dev.keel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds a free TCP port on 127.0.0.1, for a server that must be started on a known port (a child process, a peer such
 * as {@code redis-server}, a client that needs the port before the server exists).
 *
 * <p>Prefer binding the server itself to port 0 and asking it which port it got: that has no race. A port returned
 * here was free a moment ago and can be taken by another process before it is used, so a caller that binds it
 * should retry with a new port on {@link java.net.BindException}.
 */
public final class FreePorts {

    private FreePorts() {}

    /** The loopback address every keel test server binds to. */
    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    /** A TCP port on 127.0.0.1 that was free when this returned. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(loopback(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + loopback(), e);
        }
    }
}

package dev.keel.ratelimit.http;

import com.sun.net.httpserver.HttpExchange;
import java.net.InetSocketAddress;

/**
 * What a request is limited by: the client's address, an API key header, a user id. Implementations are thread-safe
 * and must not read the request body.
 */
@FunctionalInterface
public interface RequestKey {

    /** The key of {@code exchange}; never null. */
    String keyOf(HttpExchange exchange);

    /** The client's IP address (without the port), as the socket sees it: behind a proxy, the proxy's. */
    static RequestKey clientAddress() {
        return exchange -> address(exchange.getRemoteAddress());
    }

    /**
     * The value of header {@code name} (the first, if repeated), or {@code "address:"} and the client's address when
     * the request has no such header, so that clients without a key share their address's limit rather than one
     * global one.
     */
    static RequestKey header(String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("header name ('" + name + "') must not be blank");
        }
        return exchange -> {
            String value = exchange.getRequestHeaders().getFirst(name);
            return value != null ? value : "address:" + address(exchange.getRemoteAddress());
        };
    }

    private static String address(InetSocketAddress remote) {
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}

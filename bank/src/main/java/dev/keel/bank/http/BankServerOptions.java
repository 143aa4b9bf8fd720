package dev.keel.bank.http;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Where and how a {@link BankServer} listens. Immutable; start from {@link #loopback(int)} and vary with the
 * {@code with...} methods.
 *
 * @param bindAddress the address to listen on
 * @param port the TCP port; 0 for any free port
 * @param maxBodyBytes the largest request body accepted (a larger one is answered 413 without being read); 2 MiB by
 *     default, enough for a batch of 8,190 transfers
 */
public record BankServerOptions(InetAddress bindAddress, int port, int maxBodyBytes) {

    public BankServerOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port (" + port + ") must be in [0, 65535]");
        }
        if (maxBodyBytes < 1_024) {
            throw new IllegalArgumentException("maxBodyBytes (" + maxBodyBytes + ") must be at least 1024");
        }
    }

    /** 127.0.0.1 on {@code port}, 2 MiB bodies. */
    public static BankServerOptions loopback(int port) {
        return new BankServerOptions(InetAddress.getLoopbackAddress(), port, 2 << 20);
    }

    public BankServerOptions withBindAddress(InetAddress address) {
        return new BankServerOptions(address, port, maxBodyBytes);
    }

    public BankServerOptions withMaxBodyBytes(int bytes) {
        return new BankServerOptions(bindAddress, port, bytes);
    }
}

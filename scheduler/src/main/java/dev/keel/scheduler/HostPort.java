package dev.keel.scheduler;

/**
 * A host port a container asks for: {@code hostIP} (empty means every address, {@code 0.0.0.0}), protocol, port.
 * Immutable.
 */
public record HostPort(String hostIp, String protocol, int port) {

    public static final String ANY_IP = "0.0.0.0";

    public HostPort {
        hostIp = hostIp.isEmpty() ? ANY_IP : hostIp;
        protocol = protocol.isEmpty() ? "TCP" : protocol;
        if (!protocol.equals("TCP") && !protocol.equals("UDP") && !protocol.equals("SCTP")) {
            throw new IllegalArgumentException("protocol '" + protocol + "' (expected: TCP, UDP or SCTP)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("hostPort (" + port + ") must be between 1 and 65535");
        }
    }

    /** As kube-scheduler's {@code HostPortInfo}: same protocol and port, and the same address or either is any. */
    public boolean conflictsWith(HostPort other) {
        return port == other.port
                && protocol.equals(other.protocol)
                && (hostIp.equals(other.hostIp) || hostIp.equals(ANY_IP) || other.hostIp.equals(ANY_IP));
    }
}

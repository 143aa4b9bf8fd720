package dev.keel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

final class FreePortsTest {

    @Test
    void pick_returnsAPortThatCanBeBoundOnLoopback() throws IOException {
        int port = FreePorts.pick();
        assertThat(port).isBetween(1, 65_535);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(FreePorts.loopback(), port));
            assertThat(server.getLocalPort()).isEqualTo(port);
            assertThat(server.getInetAddress().isLoopbackAddress()).isTrue();
        }
    }
}

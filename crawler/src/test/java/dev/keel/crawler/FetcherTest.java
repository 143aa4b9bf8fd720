package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.time.Ticker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyManagementException;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

final class FetcherTest {

    /** A URL the normaliser accepts but the JDK client refuses is an I/O failure of that page, never a crash. */
    @Test
    void get_urlTheClientRefuses_isAnIOException() {
        String url = UrlNormalizer.standard()
                .normalize("http://under_score.invalid/")
                .orElseThrow();
        try (Fetcher fetcher =
                new Fetcher("keel-crawler", Duration.ofSeconds(1), Duration.ofSeconds(1), Ticker.system())) {
            assertThatThrownBy(() -> fetcher.get(url, Set.of(), 1024))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot request " + url);
        }
    }

    /** The deferred context hands out the default context's engines: same protocols and cipher suites. */
    @Test
    void deferredTls_engine_isTheDefaultContextsEngine() throws Exception {
        SSLEngine deferred = new DeferredTls().createSSLEngine("example.com", 443);
        SSLEngine standard = SSLContext.getDefault().createSSLEngine("example.com", 443);
        assertThat(deferred.getEnabledProtocols()).containsExactly(standard.getEnabledProtocols());
        assertThat(deferred.getEnabledCipherSuites()).containsExactly(standard.getEnabledCipherSuites());
        assertThat(deferred.getPeerHost()).isEqualTo("example.com");
        assertThatThrownBy(() -> new DeferredTls().init(null, null, null))
                .isInstanceOf(KeyManagementException.class)
                .hasMessageContaining("default");
    }

    /** An https URL goes through TLS (set up on first use): a server that does not speak TLS fails the handshake. */
    @Test
    void get_httpsToAServerThatIsNotTls_failsTheHandshake() throws Exception {
        ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread plainServer = Thread.ofVirtual().name("plain-text-server").start(() -> answerInPlainText(server));
        try (server;
                Fetcher fetcher =
                        new Fetcher("keel-crawler", Duration.ofSeconds(5), Duration.ofSeconds(5), Ticker.system())) {
            String url = "https://127.0.0.1:" + server.getLocalPort() + "/";
            assertThatThrownBy(() -> fetcher.get(url, Set.of(), 1024)).isInstanceOf(SSLException.class);
        }
        plainServer.join(); // closing the server socket ends its accept loop
    }

    /**
     * Answers every connection with a plain-text HTTP response until {@code server} is closed. Why it reads first and
     * waits for the client to close: a socket closed with unread bytes (the ClientHello) is reset rather than closed,
     * and once in CI the client then waited for its 5 s timeout instead of failing the handshake. Why every
     * connection: the JDK client may retry a request whose connection failed, and a retry that is never accepted
     * waits in the backlog until the timeout.
     */
    private static void answerInPlainText(ServerSocket server) {
        while (true) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                InputStream in = socket.getInputStream();
                if (in.read(new byte[4096]) < 0) {
                    continue; // the client connected and left without a word
                }
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi".getBytes(StandardCharsets.US_ASCII));
                socket.shutdownOutput();
                in.transferTo(OutputStream.nullOutputStream()); // until the client, having failed, closes its end
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
                // This connection failed (the client may close first when it sees the bytes are not TLS): the
                // assertion is about the client; serve the next connection.
            }
        }
    }
}

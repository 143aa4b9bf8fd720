package dev.keel.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.time.Ticker;
import java.io.IOException;
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
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                Fetcher fetcher =
                        new Fetcher("keel-crawler", Duration.ofSeconds(5), Duration.ofSeconds(5), Ticker.system())) {
            Thread plainServer = Thread.ofVirtual().start(() -> {
                try (Socket socket = server.accept();
                        OutputStream out = socket.getOutputStream()) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException clientGaveUp) {
                    // the client may close first when it sees these bytes are not TLS; the assertion is about it
                }
            });
            String url = "https://127.0.0.1:" + server.getLocalPort() + "/";
            assertThatThrownBy(() -> fetcher.get(url, Set.of(), 1024)).isInstanceOf(SSLException.class);
            plainServer.join(); // it accepted before the client could read its bytes, so it ends by itself
        }
    }
}

package dev.keel.crawler;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JDK's default TLS context, initialised when the first {@code https} connection needs it rather than when the
 * HTTP client is built.
 *
 * <p>Why: {@code HttpClient.newBuilder().build()} calls {@link SSLContext#getDefault()} and asks it for its default
 * parameters, which loads the security providers, the cipher suites and the trust store: about 200 ms of class
 * loading and parsing in a fresh JVM (measured with {@code -Xlog:class+load}: 0.28 s to 0.45 s of a crawl that sent
 * its first request at 0.62 s), spent before the crawler can send anything, and for nothing in a crawl of
 * {@code http} sites. Given this context and empty {@link #parameters()}, the client builds without touching TLS; the
 * first {@code https} connection asks {@link #createSSLEngine(String, int)}, which initialises the default context
 * then (the JDK keeps it, so later connections pay nothing). The security is the default context's: empty parameters
 * leave the engine's default protocols and cipher suites in place, and the client itself turns on host name
 * verification and sets SNI on every engine it creates.
 *
 * <p>Rejected: warming TLS on a background thread at start (it takes a core of a small machine from the first
 * requests of an {@code http} crawl, and an {@code https} crawl needs it at once anyway).
 *
 * <p>Thread-safe: it holds no state of its own; {@link SSLContext#getDefault()} is.
 */
final class DeferredTls extends SSLContext {

    DeferredTls() {
        super(new Spi(), null, "Default");
    }

    /** Parameters that leave every choice to the engine's defaults, so that building the client reads none. */
    static SSLParameters parameters() {
        return new SSLParameters();
    }

    private static SSLContext real() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context: " + e.getMessage(), e);
        }
    }

    /** Forwards everything to the default context, looked up on each call. */
    private static final class Spi extends SSLContextSpi {

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
                throws KeyManagementException {
            throw new KeyManagementException("the crawler's TLS context is the JDK's default one and takes no keys");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real().getSupportedSSLParameters();
        }
    }
}

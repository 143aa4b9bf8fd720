package dev.keel.logs.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A minimal HTTP client for tests (the module does not read java.net.http). */
final class SimpleHttp {

    record Response(int statusCode, String body) {}

    private final int port;

    SimpleHttp(int port) {
        this.port = port;
    }

    Response get(String pathAndQuery) throws IOException {
        return exchange("GET", pathAndQuery, null);
    }

    Response post(String path, String body) throws IOException {
        return exchange("POST", path, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Opens a streaming GET; the caller reads and closes the stream. */
    InputStream stream(String pathAndQuery) throws IOException {
        HttpURLConnection connection = open("GET", pathAndQuery);
        return connection.getInputStream();
    }

    private HttpURLConnection open(String method, String pathAndQuery) throws IOException {
        HttpURLConnection connection = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + pathAndQuery).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(60_000);
        return connection;
    }

    private Response exchange(String method, String pathAndQuery, byte[] body) throws IOException {
        HttpURLConnection connection = open(method, pathAndQuery);
        try {
            if (body != null) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                } catch (IOException e) {
                    // The server may answer (413) and close before reading it all: read its answer below.
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (in != null) {
                in.close();
            }
            return new Response(status, text);
        } finally {
            connection.disconnect();
        }
    }
}

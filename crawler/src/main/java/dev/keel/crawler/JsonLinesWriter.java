package dev.keel.crawler;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Writes each page as one JSON line: {@code url}, {@code final_url}, {@code status}, {@code depth},
 * {@code content_type}, {@code title}, {@code links}, {@code fetch_ms}, {@code redirects}, {@code bytes},
 * {@code truncated} and {@code error}. Usable as an {@code onPage} callback.
 *
 * <p>Each line is built in memory and written with one {@code write} and a flush, so a killed process leaves whole
 * lines (and at most the in-flight pages twice after a resume, as the journal promises).
 *
 * <p>Thread-safe: lines from concurrent workers never interleave.
 */
public final class JsonLinesWriter implements Consumer<Page>, AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final OutputStream out;

    private JsonLinesWriter(OutputStream out) {
        this.out = out;
    }

    /** A writer appending to {@code file} (created if missing), as a resumed crawl needs. */
    public static JsonLinesWriter appendingTo(Path file) throws IOException {
        return new JsonLinesWriter(Files.newOutputStream(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    /** A writer to {@code out}, which it closes when closed. */
    public static JsonLinesWriter to(OutputStream out) {
        return new JsonLinesWriter(out);
    }

    /** Writes {@code page} as one line. */
    @Override
    public void accept(Page page) {
        byte[] line = toJson(page);
        synchronized (out) {
            try {
                out.write(line);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the JSON line for " + page.url(), e);
            }
        }
    }

    /** {@code page} as a JSON object and a newline, in UTF-8. */
    public static byte[] toJson(Page page) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(buffer)) {
            json.writeStartObject();
            json.writeStringField("url", page.url());
            json.writeStringField("final_url", page.finalUrl());
            json.writeNumberField("status", page.status());
            json.writeNumberField("depth", page.depth());
            json.writeStringField("content_type", page.contentType());
            json.writeStringField("title", page.title());
            json.writeArrayFieldStart("links");
            for (String link : page.links()) {
                json.writeString(link);
            }
            json.writeEndArray();
            json.writeNumberField("fetch_ms", page.fetchTime().toNanos() / 1e6);
            json.writeArrayFieldStart("redirects");
            for (String hop : page.redirects()) {
                json.writeString(hop);
            }
            json.writeEndArray();
            json.writeNumberField("bytes", page.bytes());
            json.writeBooleanField("truncated", page.truncated());
            json.writeStringField("error", page.error());
            json.writeEndObject();
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        buffer.write('\n');
        return buffer.toByteArray();
    }

    @Override
    public void close() throws IOException {
        synchronized (out) {
            out.close();
        }
    }
}

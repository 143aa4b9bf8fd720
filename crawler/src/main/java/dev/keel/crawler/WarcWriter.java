package dev.keel.crawler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Appends fetched pages to a WARC file (ISO 28500, WARC/1.1): a {@code warcinfo} record when the file is new, then one
 * {@code response} record per page whose block is the HTTP response as the crawler kept it.
 *
 * <p>Record layout: {@code WARC/1.1} CRLF, named fields (Type, Record-ID, Date, Target-URI, Content-Type,
 * Content-Length, and Truncated when the body was cut at the size limit) each ending in CRLF, an empty line, the block
 * of Content-Length bytes, and two CRLFs. The block of a response is a status line, {@code Content-Type} and
 * {@code Content-Length} headers and the body. The body is stored as the crawler read it, that is decompressed, so the
 * stored headers describe the stored bytes and carry no {@code Content-Encoding}; other response headers are not kept.
 *
 * <p>Thread-safe: each record is built in memory and written with one call under the writer's monitor.
 */
final class WarcWriter implements AutoCloseable {

    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private final InstantSource clock;

    private WarcWriter(OutputStream out, InstantSource clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Opens {@code file} for appending, writing a {@code warcinfo} record first if it is new or empty. */
    static WarcWriter open(Path file, InstantSource clock, String userAgent) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        WarcWriter writer = new WarcWriter(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), clock);
        if (fresh) {
            String info = "software: keel-crawler\r\nformat: WARC File Format 1.1\r\nhttp-header-user-agent: "
                    + userAgent + "\r\n";
            writer.write("warcinfo", null, "application/warc-fields", info.getBytes(StandardCharsets.UTF_8), false);
        }
        return writer;
    }

    /** Appends a {@code response} record for one page. */
    void response(String url, int status, @Nullable String contentType, byte[] body, boolean truncated)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream block = new ByteArrayOutputStream(head.length() + body.length);
        block.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        block.writeBytes(body);
        write("response", url, "application/http;msgtype=response", block.toByteArray(), truncated);
    }

    private void write(String type, @Nullable String target, String contentType, byte[] block, boolean truncated)
            throws IOException {
        StringBuilder header = new StringBuilder("WARC/1.1\r\n")
                .append("WARC-Type: ")
                .append(type)
                .append("\r\n")
                .append("WARC-Record-ID: <urn:uuid:")
                .append(UUID.randomUUID())
                .append(">\r\n")
                .append("WARC-Date: ")
                .append(clock.instant().truncatedTo(ChronoUnit.SECONDS))
                .append("\r\n");
        if (target != null) {
            header.append("WARC-Target-URI: ").append(target).append("\r\n");
        }
        if (truncated) {
            header.append("WARC-Truncated: length\r\n");
        }
        header.append("Content-Type: ")
                .append(contentType)
                .append("\r\n")
                .append("Content-Length: ")
                .append(block.length)
                .append("\r\n\r\n");
        ByteArrayOutputStream record = new ByteArrayOutputStream(header.length() + block.length + 4);
        record.writeBytes(header.toString().getBytes(StandardCharsets.UTF_8));
        record.writeBytes(block);
        record.writeBytes(CRLF);
        record.writeBytes(CRLF);
        synchronized (this) {
            out.write(record.toByteArray());
            out.flush();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}

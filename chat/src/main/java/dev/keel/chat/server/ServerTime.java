package dev.keel.chat.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The IRCv3 {@code server-time} tag (https://ircv3.net/specs/extensions/server-time): {@code @time=} and the instant
 * as {@code YYYY-MM-DDThh:mm:ss.sssZ} in UTC, before an already encoded line. The server sends no other tags, so a
 * line never has a tag section to merge with. Stateless; thread-safe.
 */
final class ServerTime {

    static final String CAPABILITY = "server-time";

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ServerTime() {}

    /** {@code line} (an encoded line without tags) with {@code @time=...} in front of it. */
    static byte[] tag(Instant time, byte[] line) {
        byte[] tag = ("@time=" + FORMAT.format(time) + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] tagged = new byte[tag.length + line.length];
        System.arraycopy(tag, 0, tagged, 0, tag.length);
        System.arraycopy(line, 0, tagged, tag.length, line.length);
        return tagged;
    }
}

package dev.keel.chat.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses one line (without its line ending) into an {@link IrcMessage}, or says why it cannot.
 *
 * <p>How it is designed, and why: input comes from untrusted clients, so a malformed line is an expected outcome, a
 * {@link Malformed} value naming what was wrong, never an exception. The grammar is RFC 1459's with the leniencies
 * real servers have: runs of spaces separate as one, trailing spaces are ignored, a command's letters are upper-cased,
 * and after 14 middle parameters the rest of the line is the 15th even without a colon (RFC 2812 section 2.3.1).
 * Tags are split on {@code ;} and unescaped; an empty tag is skipped. Stateless and thread-safe.
 */
public final class IrcParser {

    /** The outcome of parsing one line. */
    public sealed interface Result permits Parsed, Malformed {}

    /** The line was a message. */
    public record Parsed(IrcMessage message) implements Result {}

    /** The line was not a message; {@code reason} says why, for a 400 reply or a log line. */
    public record Malformed(String reason) implements Result {}

    private IrcParser() {}

    /** Parses {@code line}, which holds no CR or LF. */
    public static Result parse(String line) {
        if (line.indexOf('\0') >= 0) {
            return new Malformed("the line holds a NUL byte");
        }
        int at = 0;
        int end = line.length();
        Map<String, String> tags = Map.of();
        if (at < end && line.charAt(at) == '@') {
            int space = line.indexOf(' ', at);
            if (space < 0) {
                return new Malformed("tags without a command");
            }
            tags = parseTags(line.substring(at + 1, space));
            at = skipSpaces(line, space);
        }
        @Nullable String prefix = null;
        if (at < end && line.charAt(at) == ':') {
            int space = line.indexOf(' ', at);
            if (space < 0 || space == at + 1) {
                return new Malformed(space < 0 ? "a prefix without a command" : "an empty prefix");
            }
            prefix = line.substring(at + 1, space);
            at = skipSpaces(line, space);
        }
        int commandEnd = line.indexOf(' ', at);
        if (commandEnd < 0) {
            commandEnd = end;
        }
        String command = line.substring(at, commandEnd).toUpperCase(Locale.ROOT);
        if (command.isEmpty()) {
            return new Malformed("no command");
        }
        if (!IrcMessage.isCommand(command)) {
            return new Malformed("command '" + printable(command) + "' is not letters or a three-digit numeric");
        }
        List<String> params = new ArrayList<>(4);
        boolean trailing = false;
        at = skipSpaces(line, commandEnd);
        while (at < end) {
            if (line.charAt(at) == ':' || params.size() == IrcMessage.MAX_PARAMS - 1) {
                boolean colon = line.charAt(at) == ':';
                params.add(line.substring(colon ? at + 1 : at));
                trailing = colon;
                break;
            }
            int space = line.indexOf(' ', at);
            if (space < 0) {
                space = end;
            }
            params.add(line.substring(at, space));
            at = skipSpaces(line, space);
        }
        return new Parsed(new IrcMessage(tags, prefix, command, params, trailing));
    }

    private static Map<String, String> parseTags(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : text.split(";")) {
            if (tag.isEmpty()) {
                continue;
            }
            int equals = tag.indexOf('=');
            String key = equals < 0 ? tag : tag.substring(0, equals);
            if (key.isEmpty() || !key.chars().allMatch(IrcParser::isTagKeyChar)) {
                continue; // A tag we could not echo anyway; the message itself is still good.
            }
            tags.put(key, equals < 0 ? "" : Tags.unescape(tag.substring(equals + 1)));
        }
        return tags;
    }

    private static boolean isTagKeyChar(int c) {
        return Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '/' || c == '+';
    }

    private static int skipSpaces(String line, int from) {
        int at = from;
        while (at < line.length() && line.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

    private static String printable(String text) {
        String cut = text.length() > 32 ? text.substring(0, 32) + "..." : text;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}

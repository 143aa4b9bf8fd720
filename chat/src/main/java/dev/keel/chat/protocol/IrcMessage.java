package dev.keel.chat.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One IRC message: optional IRCv3 tags, an optional prefix (source), a command (a word or a three-digit numeric) and
 * up to 15 parameters.
 *
 * <p>The wire form, RFC 1459 section 2.3.1 with IRCv3 message tags in front:
 *
 * <pre>
 * message  = ["@" tags SPACE] [":" prefix SPACE] command *(SPACE middle) [SPACE ":" trailing] CRLF
 * tags     = tag *(";" tag)          tag = key ["=" escaped-value]   (escapes: \: \s \\ \r \n)
 * middle   = a non-empty parameter without SPACE that does not start with ":"
 * trailing = the last parameter, which may be empty, hold spaces or start with ":"
 * </pre>
 *
 * <p>{@code trailing} says whether the last parameter is written after a colon. It is forced on when the last
 * parameter needs it (empty, holds a space, starts with a colon); otherwise it is a matter of style that real servers
 * keep: text ({@code PRIVMSG #a :hi}) is trailing, a channel name in {@code JOIN} is not. Parsing keeps what the line
 * said, so {@code IrcParser.parse(m.toWire())} equals {@code m}.
 *
 * <p>The constructor checks everything the wire form cannot carry (a parameter with CR, LF or NUL, a middle parameter
 * with a space, more than 15 parameters) and names the offending value. Length is not checked here: the 512-byte
 * limit is the reader's and the sender's business. Immutable and thread-safe.
 *
 * @param tags IRCv3 tags in the order they were given; an absent value is the empty string
 * @param prefix the source ({@code irc.keel.local} or {@code nick!user@host}), or null
 * @param command the command in upper case, or a three-digit numeric
 * @param params the parameters, at most 15
 * @param trailing whether the last parameter is written after a colon
 */
public record IrcMessage(
        Map<String, String> tags, @Nullable String prefix, String command, List<String> params, boolean trailing) {

    /** The most parameters a message may have (RFC 1459: 14 middle parameters and a trailing one). */
    public static final int MAX_PARAMS = 15;

    /** Validates; normalises {@code trailing} to true when the last parameter needs a colon. */
    public IrcMessage {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            if (key.isEmpty() || !key.chars().allMatch(IrcMessage::isTagKeyChar)) {
                throw new IllegalArgumentException(
                        "tag key '" + key + "' (expected letters, digits, '-', '.', '/' with an optional '+')");
            }
            Objects.requireNonNull(tag.getValue(), "tag value of " + key);
        }
        if (prefix != null && (prefix.isEmpty() || hasAny(prefix, " \r\n\0"))) {
            throw new IllegalArgumentException("prefix '" + prefix + "' must be non-empty without spaces or CR/LF/NUL");
        }
        if (!isCommand(command)) {
            throw new IllegalArgumentException(
                    "command '" + command + "' (expected upper-case letters or a three-digit numeric)");
        }
        params = List.copyOf(params);
        if (params.size() > MAX_PARAMS) {
            throw new IllegalArgumentException(
                    "params (" + params.size() + ") must be at most " + MAX_PARAMS + ": " + params);
        }
        for (int i = 0; i < params.size(); i++) {
            String param = params.get(i);
            if (hasAny(param, "\r\n\0")) {
                throw new IllegalArgumentException("param " + i + " '" + param + "' must not hold CR, LF or NUL");
            }
            boolean last = i == params.size() - 1;
            if (!last && !isMiddle(param)) {
                throw new IllegalArgumentException("param " + i + " '" + param
                        + "' must be non-empty, without spaces, not starting with ':' (only the last may be)");
            }
        }
        trailing = !params.isEmpty() && (trailing || !isMiddle(params.getLast()));
    }

    /** A message without tags whose last parameter is trailing (text): {@code :prefix PRIVMSG #a :hello there}. */
    public static IrcMessage text(@Nullable String prefix, String command, String... params) {
        return new IrcMessage(Map.of(), prefix, command, List.of(params), true);
    }

    /** A message without tags whose last parameter is trailing only if it must be: {@code :prefix JOIN #a}. */
    public static IrcMessage plain(@Nullable String prefix, String command, String... params) {
        return new IrcMessage(Map.of(), prefix, command, List.of(params), false);
    }

    /** The parameter at {@code index}. */
    public String param(int index) {
        return params.get(index);
    }

    /** The last parameter, or the empty string if there is none. */
    public String lastParam() {
        return params.isEmpty() ? "" : params.getLast();
    }

    /** This message with {@code tags} instead of its own. */
    public IrcMessage withTags(Map<String, String> tags) {
        return new IrcMessage(tags, prefix, command, params, trailing);
    }

    /** The wire form without the line ending. */
    public String toWire() {
        StringBuilder line = new StringBuilder(64);
        if (!tags.isEmpty()) {
            line.append('@');
            boolean first = true;
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                if (!first) {
                    line.append(';');
                }
                first = false;
                line.append(tag.getKey());
                if (!tag.getValue().isEmpty()) {
                    line.append('=');
                    Tags.escape(tag.getValue(), line);
                }
            }
            line.append(' ');
        }
        if (prefix != null) {
            line.append(':').append(prefix).append(' ');
        }
        line.append(command);
        for (int i = 0; i < params.size(); i++) {
            line.append(' ');
            if (i == params.size() - 1 && trailing) {
                line.append(':');
            }
            line.append(params.get(i));
        }
        return line.toString();
    }

    /** The wire form with CRLF, in UTF-8: what a socket carries. */
    public byte[] encode() {
        return (toWire() + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return toWire();
    }

    static boolean isMiddle(String param) {
        return !param.isEmpty() && param.charAt(0) != ':' && param.indexOf(' ') < 0;
    }

    static boolean isCommand(String command) {
        if (command.length() == 3 && command.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        return !command.isEmpty() && command.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }

    private static boolean isTagKeyChar(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '/'
                || c == '+';
    }

    private static boolean hasAny(String text, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (text.indexOf(chars.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}

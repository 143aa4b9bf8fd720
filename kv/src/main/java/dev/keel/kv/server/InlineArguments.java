package dev.keel.kv.server;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits an inline command line ({@code SET greeting "hello world"} typed into {@code nc} or telnet) into arguments,
 * exactly as Redis's {@code sdssplitargs} does.
 *
 * <pre>
 * line      = blank* { arg blank* }
 * blank     = ' ' | '\t' | '\n' | '\r' | '\v' | '\f'
 * arg       = { plain-byte | dquoted | squoted }      a quote may open mid-argument: a"b c" is one argument, "ab c"
 * dquoted   = '"' { byte | '\' esc } '"'               esc: n r t b a, xHH (two hex digits), or any byte as itself
 * squoted   = '\'' { byte | "\'" } '\''
 * </pre>
 *
 * A closing quote must be followed by a blank or the end of the line, and a quote must be closed; otherwise the line
 * is malformed ({@code Protocol error: unbalanced quotes in request}). As in C, a NUL byte ends the line.
 *
 * <p>Stateless; thread-safe.
 */
final class InlineArguments {

    private InlineArguments() {}

    /** The arguments of {@code line[from, to)}, none for a blank line, or null if its quotes are unbalanced. */
    static @Nullable List<byte[]> split(byte[] line, int from, int to) {
        List<byte[]> args = new ArrayList<>();
        int at = from;
        while (true) {
            while (at < to && isBlank(byteAt(line, at, to))) {
                at++;
            }
            if (byteAt(line, at, to) == 0) {
                return args;
            }
            ByteArrayOutputStream arg = new ByteArrayOutputStream();
            boolean inDouble = false;
            boolean inSingle = false;
            boolean done = false;
            while (!done) {
                int c = byteAt(line, at, to);
                if (inDouble) {
                    if (c == '\\'
                            && byteAt(line, at + 1, to) == 'x'
                            && isHex(byteAt(line, at + 2, to))
                            && isHex(byteAt(line, at + 3, to))) {
                        arg.write(hex(byteAt(line, at + 2, to)) * 16 + hex(byteAt(line, at + 3, to)));
                        at += 3;
                    } else if (c == '\\' && byteAt(line, at + 1, to) != 0) {
                        at++;
                        arg.write(unescape(byteAt(line, at, to)));
                    } else if (c == '"') {
                        if (!closesArgument(byteAt(line, at + 1, to))) {
                            return null;
                        }
                        done = true;
                    } else if (c == 0) {
                        return null;
                    } else {
                        arg.write(c);
                    }
                } else if (inSingle) {
                    if (c == '\\' && byteAt(line, at + 1, to) == '\'') {
                        at++;
                        arg.write('\'');
                    } else if (c == '\'') {
                        if (!closesArgument(byteAt(line, at + 1, to))) {
                            return null;
                        }
                        done = true;
                    } else if (c == 0) {
                        return null;
                    } else {
                        arg.write(c);
                    }
                } else {
                    switch (c) {
                        case ' ', '\n', '\r', '\t', 0 -> done = true;
                        case '"' -> inDouble = true;
                        case '\'' -> inSingle = true;
                        default -> arg.write(c);
                    }
                }
                if (byteAt(line, at, to) != 0) {
                    at++;
                }
            }
            args.add(arg.toByteArray());
        }
    }

    /** The byte at {@code index} as 0..255, or 0 (C's terminator) past the end. */
    private static int byteAt(byte[] line, int index, int to) {
        return index < to ? line[index] & 0xFF : 0;
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    private static boolean closesArgument(int next) {
        return next == 0 || isBlank(next);
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int hex(int c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    private static int unescape(int c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'a' -> 7;
            default -> c;
        };
    }
}

package dev.keel.kv.server;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Redis glob pattern (KEYS, SCAN MATCH, CONFIG GET), compiled once and matched against many keys.
 *
 * <pre>
 * *        any run of bytes, also none          ?       any one byte
 * [abc]    one of a, b, c                       [^abc]  one byte that is not a, b or c
 * [a-z]    one byte from a to z (either order)  \x      x itself, in or out of brackets
 * </pre>
 *
 * <p>How it is designed, and why: the semantics are Redis's {@code stringmatchlen}, edge cases included: {@code []}
 * matches nothing and {@code [^]} any byte; an unclosed {@code [abc} is the class {@code abc} running to the end of the
 * pattern; {@code [a-]} is the range from {@code a} to {@code ]}; range ends compare as signed chars, as Redis's C
 * does on x86. Rather than interpret the pattern for every key, as Redis does, it is compiled into tokens, and each
 * bracket class into a 256-entry table built by running Redis's class loop once per byte value, so the edge cases hold
 * by construction. Matching is the iterative two-pointer algorithm that backtracks only to the last {@code *}: every
 * other token matches exactly one byte, so that is complete, and it runs in O(pattern x key) where Redis's recursion
 * could go exponential (CVE-2022-36021) or overflow the stack on a pattern of many stars. {@link #literalPrefix()}
 * lets KEYS and SCAN read only the keys that can match.
 *
 * <p>Immutable; thread-safe.
 */
final class GlobPattern {

    private static final int ANY = -1;
    private static final int STAR = -2;
    /** Tokens below this are bracket classes: class i is token {@code CLASS_BASE - i}. */
    private static final int CLASS_BASE = -3;

    private final int[] tokens;
    private final boolean[][] classes;
    private final boolean ignoreCase;
    private final byte[] literalPrefix;
    private final boolean literal;

    private GlobPattern(int[] tokens, boolean[][] classes, boolean ignoreCase) {
        this.tokens = tokens;
        this.classes = classes;
        this.ignoreCase = ignoreCase;
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        int i = 0;
        while (i < tokens.length && tokens[i] >= 0) {
            prefix.write(tokens[i++]);
        }
        this.literalPrefix = ignoreCase ? new byte[0] : prefix.toByteArray();
        this.literal = i == tokens.length && !ignoreCase;
    }

    /** Compiles {@code pattern}, matching bytes exactly (KEYS, SCAN). Every pattern compiles. */
    static GlobPattern compile(byte[] pattern) {
        return compile(pattern, false);
    }

    /** Compiles {@code pattern}; with {@code ignoreCase} ASCII letters match either case (CONFIG GET). */
    static GlobPattern compile(byte[] pattern, boolean ignoreCase) {
        List<Integer> tokens = new ArrayList<>();
        List<boolean[]> classes = new ArrayList<>();
        int n = pattern.length;
        for (int i = 0; i < n; i++) {
            int c = pattern[i] & 0xFF;
            switch (c) {
                case '*' -> {
                    if (tokens.isEmpty() || tokens.getLast() != STAR) {
                        tokens.add(STAR);
                    }
                }
                case '?' -> tokens.add(ANY);
                case '[' -> {
                    boolean[] table = new boolean[256];
                    int end = 0;
                    for (int b = 0; b < 256; b++) {
                        long result = classMatch(pattern, i + 1, b, ignoreCase);
                        table[b] = (result & 1) != 0;
                        end = (int) (result >>> 1);
                    }
                    classes.add(table);
                    tokens.add(CLASS_BASE - (classes.size() - 1));
                    i = end;
                }
                case '\\' -> {
                    if (i + 1 < n) {
                        i++;
                    }
                    tokens.add(fold(pattern[i] & 0xFF, ignoreCase));
                }
                default -> tokens.add(fold(c, ignoreCase));
            }
        }
        return new GlobPattern(
                tokens.stream().mapToInt(Integer::intValue).toArray(), classes.toArray(boolean[][]::new), ignoreCase);
    }

    /**
     * Redis's bracket loop for the class whose body starts at {@code from} (after the '['), applied to byte {@code c}:
     * bit 0 says whether {@code c} matches, the bits above it the index of the class's last pattern byte.
     */
    private static long classMatch(byte[] p, int from, int c, boolean ignoreCase) {
        int n = p.length;
        int at = from;
        boolean not = at < n && p[at] == '^';
        if (not) {
            at++;
        }
        boolean match = false;
        while (true) {
            if (at < n && p[at] == '\\' && n - at >= 2) {
                at++;
                match |= (p[at] & 0xFF) == c; // Redis compares an escaped byte exactly, even ignoring case
            } else if (at < n && p[at] == ']') {
                break;
            } else if (at >= n) {
                at--;
                break;
            } else if (n - at >= 3 && p[at + 1] == '-') {
                int start = p[at]; // signed, as C's char
                int end = p[at + 2];
                int signedC = (byte) c;
                if (start > end) {
                    int swap = start;
                    start = end;
                    end = swap;
                }
                if (ignoreCase) {
                    start = fold(start, true);
                    end = fold(end, true);
                    signedC = fold(signedC, true);
                }
                at += 2;
                match |= signedC >= start && signedC <= end;
            } else {
                match |= fold(p[at] & 0xFF, ignoreCase) == fold(c, ignoreCase);
            }
            at++;
        }
        return ((long) at << 1) | ((not != match) ? 1 : 0);
    }

    /** Whether {@code key} matches the whole pattern. */
    boolean matches(byte[] key) {
        if (key.length == 0) {
            return tokens.length == 0; // Redis's loop never starts on an empty string: even '*' does not match it
        }
        int t = 0;
        int k = 0;
        int starToken = -1;
        int starKey = 0;
        while (k < key.length) {
            if (t < tokens.length && tokens[t] == STAR) {
                starToken = t++;
                starKey = k;
            } else if (t < tokens.length && matchesOne(tokens[t], key[k] & 0xFF)) {
                t++;
                k++;
            } else if (starToken >= 0) {
                t = starToken + 1;
                k = ++starKey;
            } else {
                return false;
            }
        }
        while (t < tokens.length && tokens[t] == STAR) {
            t++;
        }
        return t == tokens.length;
    }

    private boolean matchesOne(int token, int b) {
        if (token >= 0) {
            return token == fold(b, ignoreCase);
        }
        return token == ANY || classes[CLASS_BASE - token][b];
    }

    /** The bytes every matching key starts with: empty if the pattern starts with a wildcard or ignores case. */
    byte[] literalPrefix() {
        return literalPrefix.clone();
    }

    /** Whether the pattern has no wildcard at all, so it matches exactly one key: {@link #literalPrefix()}. */
    boolean isLiteral() {
        return literal;
    }

    /** Whether the pattern is {@code *}, matching every key. */
    boolean matchesEverything() {
        return tokens.length == 1 && tokens[0] == STAR;
    }

    private static int fold(int b, boolean ignoreCase) {
        return ignoreCase && b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    @Override
    public String toString() {
        return "GlobPattern" + Arrays.toString(tokens);
    }
}

package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class GlobPatternTest {

    private static boolean matches(String pattern, String key) {
        return GlobPattern.compile(latin1(pattern)).matches(latin1(key));
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void matches_starAndQuestionMark_anyRunAndAnyByte() {
        assertThat(matches("*", "anything")).isTrue();
        assertThat(matches("h?llo", "hello")).isTrue();
        assertThat(matches("h?llo", "hllo")).isFalse();
        assertThat(matches("h*llo", "heeeello")).isTrue();
        assertThat(matches("h*llo", "hllo")).isTrue();
        assertThat(matches("user:*:name", "user:42:name")).isTrue();
        assertThat(matches("user:*:name", "user:42:age")).isFalse();
        assertThat(matches("a**b", "ab")).isTrue();
    }

    @Test
    void matches_bracketClass_setsRangesAndNegation() {
        assertThat(matches("h[ae]llo", "hallo")).isTrue();
        assertThat(matches("h[ae]llo", "hillo")).isFalse();
        assertThat(matches("h[^e]llo", "hallo")).isTrue();
        assertThat(matches("h[^e]llo", "hello")).isFalse();
        assertThat(matches("h[a-b]llo", "hbllo")).isTrue();
        assertThat(matches("h[b-a]llo", "hbllo")).isTrue(); // a reversed range is swapped
        assertThat(matches("h[a-b]llo", "hcllo")).isFalse();
    }

    @Test
    void matches_malformedBrackets_asRedisReadsThem() {
        assertThat(matches("[]", "a")).isFalse(); // an empty class matches nothing
        assertThat(matches("[^]", "a")).isTrue(); // its negation anything
        assertThat(matches("[abc", "b")).isTrue(); // an unclosed class runs to the end
        assertThat(matches("[a-]", "]")).isTrue(); // the range from 'a' down to ']'
        assertThat(matches("[", "[")).isFalse();
        assertThat(matches("*", "")).isFalse();
    }

    @Test
    void matches_backslash_escapesInAndOutOfBrackets() {
        assertThat(matches("a\\*b", "a*b")).isTrue();
        assertThat(matches("a\\*b", "axb")).isFalse();
        assertThat(matches("[\\]]", "]")).isTrue();
        assertThat(matches("\\?", "?")).isTrue();
        assertThat(matches("a\\", "a\\")).isTrue(); // a trailing backslash is itself
    }

    @Test
    void matches_longStarPattern_isLinearNotExponential() {
        String pattern = "*a".repeat(30) + "*b";
        String key = "a".repeat(5_000);
        assertThat(matches(pattern, key)).isFalse(); // Redis before CVE-2022-36021's fix never returned
        assertThat(matches("*".repeat(100_000) + "x", "x")).isTrue();
    }

    @Test
    void matches_ignoringCase_foldsAsciiLetters() {
        GlobPattern pattern = GlobPattern.compile(latin1("APPEND*"), true);
        assertThat(pattern.matches(latin1("appendonly"))).isTrue();
        assertThat(pattern.matches(latin1("save"))).isFalse();
        assertThat(pattern.literalPrefix()).isEmpty();
    }

    @Test
    void literalPrefix_ofVariousPatterns_isWhatEveryMatchStartsWith() {
        assertThat(GlobPattern.compile(latin1("user:*")).literalPrefix()).isEqualTo(latin1("user:"));
        assertThat(GlobPattern.compile(latin1("us\\*er?")).literalPrefix()).isEqualTo(latin1("us*er"));
        assertThat(GlobPattern.compile(latin1("*x")).literalPrefix()).isEmpty();
        assertThat(GlobPattern.compile(latin1("exact")).isLiteral()).isTrue();
        assertThat(GlobPattern.compile(latin1("exa?t")).isLiteral()).isFalse();
        assertThat(GlobPattern.compile(latin1("***")).matchesEverything()).isTrue();
    }

    /** Random patterns and keys over a small alphabet of special bytes agree with a line-by-line port of Redis's C. */
    @Test
    void matches_randomPatterns_agreeWithRedisStringmatchlen(SeededRandom random) {
        byte[] patternAlphabet = latin1("ab*?[]^-\\\u00e9");
        byte[] keyAlphabet = latin1("ab]^-\\*\u00e9");
        for (int round = 0; round < 20_000; round++) {
            byte[] pattern = randomBytes(random, patternAlphabet, random.nextInt(0, 9));
            byte[] key = randomBytes(random, keyAlphabet, random.nextInt(0, 7));
            boolean ignoreCase = random.chance(1, 4);
            boolean expected = RedisReference.stringmatchlen(pattern, key, ignoreCase);
            assertThat(GlobPattern.compile(pattern, ignoreCase).matches(key))
                    .as("pattern %s key %s ignoreCase %s", Arrays.toString(pattern), Arrays.toString(key), ignoreCase)
                    .isEqualTo(expected);
        }
    }

    private static byte[] randomBytes(SeededRandom random, byte[] alphabet, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return bytes;
    }

    /** Redis 7.0's stringmatchlen_impl (src/util.c), transcribed: C strings end in NUL, chars are signed. */
    private static final class RedisReference {
        private final byte[] p;
        private final byte[] s;
        private final boolean nocase;
        private boolean skipLongerMatches;

        private RedisReference(byte[] pattern, byte[] string, boolean nocase) {
            this.p = Arrays.copyOf(pattern, pattern.length + 1);
            this.s = Arrays.copyOf(string, string.length + 1);
            this.nocase = nocase;
        }

        static boolean stringmatchlen(byte[] pattern, byte[] string, boolean nocase) {
            return new RedisReference(pattern, string, nocase).match(0, pattern.length, 0, string.length);
        }

        private static int lower(int c) {
            return c >= 'A' && c <= 'Z' ? c + 32 : c;
        }

        private boolean match(int pi, int patternLen, int si, int stringLen) {
            while (patternLen > 0 && stringLen > 0) {
                switch (p[pi]) {
                    case '*' -> {
                        while (patternLen > 0 && p[pi + 1] == '*') {
                            pi++;
                            patternLen--;
                        }
                        if (patternLen == 1) {
                            return true;
                        }
                        while (stringLen > 0) {
                            if (match(pi + 1, patternLen - 1, si, stringLen)) {
                                return true;
                            }
                            if (skipLongerMatches) {
                                return false;
                            }
                            si++;
                            stringLen--;
                        }
                        skipLongerMatches = true;
                        return false;
                    }
                    case '?' -> {
                        si++;
                        stringLen--;
                    }
                    case '[' -> {
                        pi++;
                        patternLen--;
                        boolean not = p[pi] == '^';
                        if (not) {
                            pi++;
                            patternLen--;
                        }
                        boolean match = false;
                        while (true) {
                            if (p[pi] == '\\' && patternLen >= 2) {
                                pi++;
                                patternLen--;
                                if (p[pi] == s[si]) {
                                    match = true;
                                }
                            } else if (p[pi] == ']') {
                                break;
                            } else if (patternLen == 0) {
                                pi--;
                                patternLen++;
                                break;
                            } else if (patternLen >= 3 && p[pi + 1] == '-') {
                                int start = p[pi];
                                int end = p[pi + 2];
                                int c = s[si];
                                if (start > end) {
                                    int t = start;
                                    start = end;
                                    end = t;
                                }
                                if (nocase) {
                                    start = lower(start);
                                    end = lower(end);
                                    c = lower(c);
                                }
                                pi += 2;
                                patternLen -= 2;
                                if (c >= start && c <= end) {
                                    match = true;
                                }
                            } else if (nocase ? lower(p[pi]) == lower(s[si]) : p[pi] == s[si]) {
                                match = true;
                            }
                            pi++;
                            patternLen--;
                        }
                        if (not) {
                            match = !match;
                        }
                        if (!match) {
                            return false;
                        }
                        si++;
                        stringLen--;
                    }
                    default -> {
                        if (p[pi] == '\\' && patternLen >= 2) {
                            pi++;
                            patternLen--;
                        }
                        if (nocase ? lower(p[pi]) != lower(s[si]) : p[pi] != s[si]) {
                            return false;
                        }
                        si++;
                        stringLen--;
                    }
                }
                pi++;
                patternLen--;
                if (stringLen == 0) {
                    while (p[pi] == '*') {
                        pi++;
                        patternLen--;
                    }
                    break;
                }
            }
            return patternLen == 0 && stringLen == 0;
        }
    }
}

package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sdssplitargs's behaviour, case by case (Redis's src/sds.c). */
final class InlineArgumentsTest {

    private static List<String> split(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> args = InlineArguments.split(bytes, 0, bytes.length);
        return args == null
                ? null
                : args.stream()
                        .map(a -> new String(a, StandardCharsets.ISO_8859_1))
                        .toList();
    }

    @Test
    void split_blanks_separateArguments() {
        assertThat(split("SET  k\tv ")).containsExactly("SET", "k", "v");
        assertThat(split("   ")).isEmpty();
        assertThat(split("")).isEmpty();
    }

    @Test
    void split_doubleQuotes_holdBlanksAndCEscapes() {
        assertThat(split("SET k \"hello world\"")).containsExactly("SET", "k", "hello world");
        assertThat(split("ECHO \"a\\nb\\r\\t\\\\\\\"\"")).containsExactly("ECHO", "a\nb\r\t\\\"");
        assertThat(split("ECHO \"\\x41\\x7a\\xZZ\"")).containsExactly("ECHO", "AzxZZ");
        assertThat(split("ECHO \"\"")).containsExactly("ECHO", "");
    }

    @Test
    void split_singleQuotes_onlyEscapeTheQuote() {
        assertThat(split("ECHO 'it\\'s \\n'")).containsExactly("ECHO", "it's \\n");
    }

    @Test
    void split_quoteMidArgument_joinsIntoOneArgument() {
        assertThat(split("ECHO a\"b c\"d")).isNull();
        assertThat(split("ECHO a\"b c\"")).containsExactly("ECHO", "ab c");
    }

    @Test
    void split_unbalancedOrGluedQuotes_areMalformed() {
        assertThat(split("SET \"a b")).isNull();
        assertThat(split("SET 'a b")).isNull();
        assertThat(split("SET \"a\"b")).isNull();
        assertThat(split("SET 'a'b")).isNull();
    }

    @Test
    void split_nulByte_endsTheLineAsInC() {
        assertThat(split("PING\0 ignored")).containsExactly("PING");
    }
}

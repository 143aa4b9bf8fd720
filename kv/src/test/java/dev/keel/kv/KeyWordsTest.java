package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class KeyWordsTest {

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean matches(byte[] stored, byte[] probe) {
        return KeyWords.matches(
                stored,
                stored.length,
                KeyWords.word(stored, 0),
                KeyWords.word(stored, 1),
                probe,
                KeyWords.word(probe, 0),
                KeyWords.word(probe, 1));
    }

    @Test
    void word_isLittleEndian_zeroPastTheEnd() {
        assertThat(KeyWords.word(b("ab"), 0)).isEqualTo(0x6261L);
        assertThat(KeyWords.word(b("ab"), 1)).isZero();
        assertThat(KeyWords.word(b("0123456789"), 1)).isEqualTo(0x3938L);
        assertThat(KeyWords.word(new byte[0], 0)).isZero();
    }

    @Test
    void matches_exactlyWhenTheBytesAreEqual_atEveryLengthAroundTheWords() {
        // Keys that differ only in a trailing zero have the same words: the length tells them apart.
        assertThat(matches(b("a"), new byte[] {'a', 0})).isFalse();
        assertThat(matches(new byte[0], new byte[] {0})).isFalse();
        Random random = new Random(42);
        List<byte[]> keys = new ArrayList<>();
        for (int length = 0; length <= 40; length++) {
            byte[] key = new byte[length];
            random.nextBytes(key);
            keys.add(key);
            for (int at = 0; at < length; at++) { // the same key with one byte changed, at every position
                byte[] other = key.clone();
                other[at] ^= (byte) (1 + random.nextInt(255));
                keys.add(other);
            }
            keys.add(Arrays.copyOf(key, length + 1)); // a trailing zero more
        }
        for (byte[] stored : keys) {
            for (byte[] probe : keys) {
                assertThat(matches(stored, probe))
                        .as("%s against %s", Arrays.toString(stored), Arrays.toString(probe))
                        .isEqualTo(Arrays.equals(stored, probe));
            }
        }
    }

    @Test
    void aVersionsKey_isFoundByItsWords_likeByItsBytes() {
        Key key = Key.copyOf(b("key:000000012345"));
        Version.Live live = new Version.Live(key, 1, 1, 10, 0, null);
        assertThat(live.keyLength()).isEqualTo(16);
        assertThat(live.hasKey(b("key:000000012345"), live.keyWord0(), live.keyWord1()))
                .isTrue();
        byte[] other = b("key:000000012346");
        assertThat(live.hasKey(other, KeyWords.word(other, 0), KeyWords.word(other, 1)))
                .isFalse();
    }
}

package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class VersionTest {

    private static final Key KEY = Key.copyOf(new byte[] {'k'});

    /** Every length from empty to past the packed limit, with bytes that have the sign bit set. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 7, 8, 9, 16, 32})
    void inlineValues_roundTrip_packedOrNot(int length) {
        byte[] value = new byte[length];
        for (int i = 0; i < length; i++) {
            value[i] = (byte) (0xF0 + i);
        }
        Version.Live live = new Version.Live(KEY, 1, length, 40, 0, value.clone(), null);

        assertThat(live.isInline()).isTrue();
        assertThat(live.copyOfInline()).isEqualTo(value);
        assertThat(live.copyOfInline()).isNotSameAs(live.copyOfInline());
        assertThat(live.inline() == Version.Live.PACKED).isEqualTo(length <= Version.Live.PACKED_LIMIT);
        assertThat(live.movedTo(7, 50).copyOfInline()).isEqualTo(value);
        assertThat(((Version.Live) live.withPrevious(null)).copyOfInline()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 100})
    void aValueNotHeldInline_hasNoCopy(int length) {
        Version.Live live = new Version.Live(KEY, 1, length, 40, 0, null);

        assertThat(live.isInline()).isFalse();
        assertThat(live.copyOfInline()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {9, -1})
    void aPackedMarker_withASizeThatCannotBePacked_isRefused(int size) {
        assertThatThrownBy(() -> new Version.Live(
                        KEY.unsafeBytes(),
                        KEY.hashCode(),
                        KEY.length(),
                        KeyWords.word(KEY.unsafeBytes(), 0),
                        KeyWords.word(KEY.unsafeBytes(), 1),
                        1,
                        size,
                        40,
                        0,
                        0,
                        Version.Live.PACKED,
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("" + size);
    }
}

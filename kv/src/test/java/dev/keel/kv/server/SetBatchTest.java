package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.kv.server.StringCommand.Condition;
import dev.keel.kv.server.StringCommand.TtlOption;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which SETs a batch takes, and its bounds. */
final class SetBatchTest {

    private static StringCommand.Set set(String key, byte[] value, Condition condition, TtlOption ttl, boolean get) {
        return new StringCommand.Set(key.getBytes(StandardCharsets.ISO_8859_1), value, condition, ttl, get, "set");
    }

    private static StringCommand.Set plain(String key, int valueBytes) {
        return set(key, new byte[valueBytes], Condition.ALWAYS, new TtlOption.Clear(), false);
    }

    @Test
    void isPlain_onlyWithoutOptions() {
        assertThat(SetBatch.isPlain(plain("k", 3))).isTrue();
        assertThat(SetBatch.isPlain(set("k", new byte[1], Condition.IF_ABSENT, new TtlOption.Clear(), false)))
                .isFalse();
        assertThat(SetBatch.isPlain(set("k", new byte[1], Condition.IF_PRESENT, new TtlOption.Clear(), false)))
                .isFalse();
        assertThat(SetBatch.isPlain(set("k", new byte[1], Condition.ALWAYS, new TtlOption.Clear(), true)))
                .isFalse();
        assertThat(SetBatch.isPlain(set("k", new byte[1], Condition.ALWAYS, new TtlOption.Keep(), false)))
                .isFalse();
        assertThat(SetBatch.isPlain(set("k", new byte[1], Condition.ALWAYS, new TtlOption.After(5), false)))
                .isFalse();
        assertThat(SetBatch.isPlain(set("k", new byte[1], Condition.ALWAYS, new TtlOption.At(5), false)))
                .isFalse();
    }

    @Test
    void isPlain_valueBiggerThanABatch_isNot() {
        assertThat(SetBatch.isPlain(plain("k", SetBatch.MAX_BYTES))).isFalse();
        assertThat(SetBatch.isPlain(plain("k", SetBatch.MAX_BYTES / 2))).isTrue();
    }

    @Test
    void fits_untilTheCountOrTheBytesRunOut() {
        SetBatch batch = new SetBatch();
        for (int i = 0; i < SetBatch.MAX_SETS; i++) {
            assertThat(batch.fits(plain("k" + i, 1))).isTrue();
            batch.add(plain("k" + i, 1));
        }
        assertThat(batch.fits(plain("more", 1))).isFalse();

        SetBatch big = new SetBatch();
        big.add(plain("a", SetBatch.MAX_BYTES / 2));
        assertThat(big.fits(plain("b", SetBatch.MAX_BYTES / 2))).isFalse();
        assertThat(big.fits(plain("b", SetBatch.MAX_BYTES / 4))).isTrue();
    }

    @Test
    void add_ofASetThatDoesNotFit_isRefused() {
        SetBatch batch = new SetBatch();
        batch.add(plain("a", SetBatch.MAX_BYTES / 2));

        assertThatThrownBy(() -> batch.add(plain("b", SetBatch.MAX_BYTES / 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit in a batch of 1 SETs");
        assertThatThrownBy(() -> batch.add(set("c", new byte[1], Condition.IF_ABSENT, new TtlOption.Clear(), false)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(batch.size()).isEqualTo(1);
    }

    @Test
    void take_returnsTheWritesInOrder_andEmptiesTheBatch() {
        SetBatch batch = new SetBatch();
        batch.add(plain("a", 1));
        batch.add(plain("b", 1));

        assertThat(batch.take().size()).isEqualTo(2);
        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.fits(plain("c", SetBatch.MAX_BYTES / 2))).isTrue();
    }
}

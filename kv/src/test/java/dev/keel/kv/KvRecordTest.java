package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class KvRecordTest {

    private static final Key KEY = Key.copyOf("key".getBytes(StandardCharsets.UTF_8));

    @Test
    void putAndDelete_roundTrip() throws KvException {
        KvRecord put = KvRecord.decode(KvRecord.encodePut(KEY, new byte[] {1, 2}, 0), 100, 64);
        assertThat(put).isInstanceOf(KvRecord.Put.class);
        assertThat(((KvRecord.Put) put).value()).containsExactly(1, 2);
        KvRecord ttl = KvRecord.decode(KvRecord.encodePut(KEY, new byte[0], 12345), 100, 64);
        assertThat(((KvRecord.Put) ttl).expiresAtMillis()).isEqualTo(12345);
        assertThat(KvRecord.decode(KvRecord.encodeDelete(KEY), 100, 64)).isEqualTo(new KvRecord.Delete(KEY));
    }

    @Test
    void malformedRecords_areRejectedNamingTheLsnAndTheProblem() {
        assertCorrupt(new byte[] {1, 0, 0}, "shorter than its 6-byte header");
        assertCorrupt(
                ByteBuffer.allocate(7).put((byte) 9).put((byte) 0).putInt(1).array(), "unknown record type 9");
        assertCorrupt(
                ByteBuffer.allocate(7).put((byte) 1).put((byte) 4).putInt(1).array(), "invalid flags 0x4");
        assertCorrupt(
                ByteBuffer.allocate(7).put((byte) 1).put((byte) 0).putInt(99).array(), "key length 99");
        assertCorrupt(
                ByteBuffer.allocate(7).put((byte) 1).put((byte) 0).putInt(0).array(), "key length 0");
        assertCorrupt(
                ByteBuffer.allocate(8).put((byte) 2).put((byte) 0).putInt(1).array(), "1 trailing bytes");
        assertCorrupt(
                ByteBuffer.allocate(10).put((byte) 1).put((byte) 1).putInt(1).array(), "ends inside its header fields");
    }

    private static void assertCorrupt(byte[] bytes, String problem) {
        assertThatThrownBy(() -> KvRecord.decode(bytes, 4242, 64))
                .isInstanceOf(KvException.class)
                .hasMessageContaining("log record at LSN 4242 is not a valid key-value record")
                .hasMessageContaining(problem);
    }
}

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
        assertThat(KvRecord.decode(KvRecord.encodeDelete(KEY), 100, 64))
                .isEqualTo(new KvRecord.Delete(KEY, KvRecord.Kind.VALUE));
    }

    @Test
    void listRecords_roundTripWithTheirKind() throws KvException {
        Key element = ElementKey.of(KEY, -3);
        KvRecord put = KvRecord.decode(
                KvRecord.encodePut(element, new byte[] {7}, 0, KvRecord.Kind.LIST_ELEMENT), 100, KEY.length());
        assertThat(put.kind()).isEqualTo(KvRecord.Kind.LIST_ELEMENT);
        assertThat(ElementKey.listOf(put.key())).isEqualTo(KEY);
        assertThat(ElementKey.positionOf(put.key())).isEqualTo(-3);
        KvRecord head = KvRecord.decode(
                KvRecord.encodePut(KEY, new ListHead(-3, 5).encode(), 99, KvRecord.Kind.LIST_HEAD), 100, 64);
        assertThat(head.kind()).isEqualTo(KvRecord.Kind.LIST_HEAD);
        assertThat(ListHead.decode(((KvRecord.Put) head).value(), KEY)).isEqualTo(new ListHead(-3, 5));
        assertThat(KvRecord.decode(KvRecord.encodeDelete(element, KvRecord.Kind.LIST_ELEMENT), 100, KEY.length()))
                .isEqualTo(new KvRecord.Delete(element, KvRecord.Kind.LIST_ELEMENT));
    }

    @Test
    void elementKeys_sortByListThenPosition() {
        Key a = Key.copyOf(new byte[] {'a'});
        Key ab = Key.copyOf(new byte[] {'a', 'b'});
        assertThat(ElementKey.of(a, -1)).isLessThan(ElementKey.of(a, 0));
        assertThat(ElementKey.of(a, Long.MAX_VALUE)).isLessThan(ElementKey.of(ab, Long.MIN_VALUE));
        assertThat(ElementKey.of(a, Long.MIN_VALUE)).isLessThan(ElementKey.of(a, Long.MAX_VALUE));
        assertThat(ElementKey.isWellFormed(ElementKey.of(ab, 42).unsafeBytes())).isTrue();
        assertThat(ElementKey.isWellFormed(ab.unsafeBytes())).isFalse();
    }

    @Test
    void malformedRecords_areRejectedNamingTheLsnAndTheProblem() {
        assertCorrupt(new byte[] {1, 0, 0}, "shorter than its 6-byte header");
        assertCorrupt(
                ByteBuffer.allocate(7).put((byte) 9).put((byte) 0).putInt(1).array(), "unknown record type 9");
        assertCorrupt(
                ByteBuffer.allocate(7).put((byte) 1).put((byte) 8).putInt(1).array(), "invalid flags 0x8");
        assertCorrupt(
                ByteBuffer.allocate(7).put((byte) 1).put((byte) 6).putInt(1).array(), "invalid flags 0x6");
        assertCorrupt(
                ByteBuffer.allocate(7).put((byte) 2).put((byte) 2).putInt(1).array(), "invalid flags 0x2");
        assertCorrupt(
                ByteBuffer.allocate(7).put((byte) 2).put((byte) 1).putInt(1).array(), "invalid flags 0x1");
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

package dev.keel.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Gens;
import dev.keel.testing.Property;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class LogFormatTest {

    @Test
    void segmentFileName_isZeroPaddedToTwentyDigits_andParsesBack() {
        assertThat(LogFormat.segmentFileName(0)).isEqualTo("00000000000000000000.log");
        assertThat(LogFormat.segmentFileName(4096)).isEqualTo("00000000000000004096.log");
        assertThat(LogFormat.parseSegmentFileName("00000000000000004096.log")).isEqualTo(4096);
        assertThat(LogFormat.parseSegmentFileName(LogFormat.segmentFileName(Long.MAX_VALUE)))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(LogFormat.parseSegmentFileName("4096.log")).isEqualTo(-1);
        assertThat(LogFormat.parseSegmentFileName("0000000000000000409x.log")).isEqualTo(-1);
        assertThat(LogFormat.parseSegmentFileName("99999999999999999999.log")).isEqualTo(-1);
        assertThat(LogFormat.isTempSegmentName("00000000000000004096.log.tmp")).isTrue();
        assertThat(LogFormat.isTempSegmentName("notes.log.tmp")).isFalse();
    }

    @Test
    void header_roundTrips_andEachDamageIsNamed() {
        Path file = Path.of("00000000000000000077.log");
        ByteBuffer header = LogFormat.encodeHeader(77);
        assertThat(header.remaining()).isEqualTo(LogFormat.SEGMENT_HEADER_SIZE);
        assertThat(LogFormat.checkHeader(header.duplicate(), 77, file)).isNull();
        assertThat(LogFormat.checkHeader(header.duplicate(), 78, file))
                .contains("says it starts at LSN 77 but its name says 78");
        ByteBuffer flipped = LogFormat.encodeHeader(77);
        flipped.put(12, (byte) (flipped.get(12) ^ 1));
        assertThat(LogFormat.checkHeader(flipped, 77, file)).contains("has a damaged header (checksum");
        assertThat(LogFormat.checkHeader(ByteBuffer.allocate(10), 77, file))
                .contains("is 10 bytes, shorter than its 24-byte header");
    }

    @Test
    void typeByte_acceptsOnlyKnownKindsAndTheBatchFlag() {
        assertThat(LogFormat.isValidType(0)).isFalse();
        for (int kind = 1; kind <= 5; kind++) {
            assertThat(LogFormat.isValidType(kind)).isTrue();
        }
        assertThat(LogFormat.isValidType(LogFormat.FULL | LogFormat.BATCH_CONTINUES))
                .isTrue();
        assertThat(LogFormat.isValidType(LogFormat.SYNC | LogFormat.BATCH_CONTINUES))
                .isFalse();
        assertThat(LogFormat.isValidType(6)).isFalse();
        assertThat(LogFormat.isValidType(0x21)).isFalse();
        assertThat(LogFormat.isValidType(0xFF)).isFalse();
    }

    @Test
    void framedSize_matchesWhatFrameWrites_atEveryKindOfOffset(SeededRandom random) {
        Property.forAll(random, 2_000, Gens.ints(0, 3 * LogFormat.BLOCK_SIZE), length -> {
            long offset = random.chance(1, 2)
                    ? random.nextLong(LogFormat.BLOCK_SIZE - 20, LogFormat.BLOCK_SIZE + 1)
                    : random.nextLong(LogFormat.SEGMENT_HEADER_SIZE, 4L * LogFormat.BLOCK_SIZE);
            ByteBuffer out = ByteBuffer.allocate((int) RecordFramer.framedSize(length, offset));
            long end = RecordFramer.frame(ByteBuffer.allocate(length), false, offset, out);
            assertThat(end - offset).isEqualTo(out.capacity());
            assertThat(out.hasRemaining()).isFalse();
        });
    }

    /** The array fast path and the general path (direct, read-only, offset into an array) frame the same bytes. */
    @Test
    void frame_writesTheSameBytes_whateverKindOfBufferHoldsThePayload(SeededRandom random) {
        Property.forAll(random, 300, Gens.ints(0, 2 * LogFormat.BLOCK_SIZE), length -> {
            long offset = random.nextLong(LogFormat.SEGMENT_HEADER_SIZE, 2L * LogFormat.BLOCK_SIZE);
            byte[] bytes = random.nextBytes(length + 7);
            ByteBuffer direct = ByteBuffer.allocateDirect(length).put(0, bytes, 7, length);
            ByteBuffer[] payloads = {
                ByteBuffer.wrap(bytes, 7, length).slice(),
                ByteBuffer.wrap(bytes, 7, length),
                ByteBuffer.wrap(bytes, 7, length).slice().asReadOnlyBuffer(),
                direct
            };
            ByteBuffer expected = null;
            for (ByteBuffer payload : payloads) {
                int start = payload.position();
                ByteBuffer out = ByteBuffer.allocate((int) RecordFramer.framedSize(length, offset));
                RecordFramer.frame(payload, false, offset, out);
                assertThat(payload.position()).isEqualTo(start + length);
                if (expected == null) {
                    expected = out.flip();
                } else {
                    assertThat(out.flip()).isEqualTo(expected);
                }
            }
        });
    }

    @Test
    void frameSync_skipsWhenTheMarkerWouldNotFitTheBlock() {
        ByteBuffer out = ByteBuffer.allocate(64);
        long nearEnd = LogFormat.BLOCK_SIZE - 10;
        assertThat(RecordFramer.frameSync(123, nearEnd, out)).isEqualTo(nearEnd);
        assertThat(out.position()).isZero();
        assertThat(RecordFramer.frameSync(123, 100, out)).isEqualTo(100 + 15);
    }
}

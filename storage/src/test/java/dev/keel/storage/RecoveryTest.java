package dev.keel.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery of logs damaged on disk: torn tails are truncated, damage before the tail is named or salvaged. */
final class RecoveryTest {

    private static final WalOptions SMALL_SEGMENTS =
            WalOptions.builder().segmentSize(4096).build();
    private static final WalOptions SALVAGE =
            SMALL_SEGMENTS.toBuilder().recoveryMode(RecoveryMode.SALVAGE).build();

    @TempDir
    Path dir;

    private static byte[] payload(int index, int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ('a' + index % 26));
        return bytes;
    }

    private List<Long> appendRecords(WalOptions options, int count, int size) throws IOException {
        List<Long> lsns = new ArrayList<>();
        try (WriteAheadLog log = WriteAheadLog.open(dir, options)) {
            for (int i = 0; i < count; i++) {
                lsns.add(log.append(payload(i, size)));
            }
        }
        return lsns;
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList();
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x40)).rewind();
            channel.write(one, offset);
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static void appendBytes(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }

    private List<LogRecord> readAll(WriteAheadLog log) throws IOException {
        List<LogRecord> records = new ArrayList<>();
        try (LogReader reader = log.reader()) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    private static void assertCode(ThrowableAssert.ThrowingCallable call, StorageException.Code code, String... parts) {
        assertThatThrownBy(call)
                .isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(code))
                .hasMessageContainingAll(parts);
    }

    @Test
    void tornTail_cutMidRecord_isTruncatedToTheLastWholeRecord_andTheLogIsAppendableAgain() throws IOException {
        List<Long> lsns = appendRecords(WalOptions.defaults(), 10, 100);
        Path segment = segmentFiles().getFirst();
        long size = Files.size(segment);
        truncate(segment, size - 5);

        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            RecoveryReport report = log.recoveryReport();
            assertThat(report.records()).isEqualTo(9);
            assertThat(report.truncation()).get().satisfies(cut -> {
                assertThat(cut.segment()).isEqualTo(segment);
                assertThat(cut.lsn()).isEqualTo(lsns.get(9));
                assertThat(cut.bytesTruncated()).isEqualTo(size - 5 - lsns.get(9));
                assertThat(cut.reason()).contains("ends inside a fragment");
            });
            assertThat(readAll(log)).extracting(LogRecord::lsn).containsExactlyElementsOf(lsns.subList(0, 9));
            long again = log.append(payload(9, 100));
            assertThat(again).as("appended after the truncation point").isGreaterThanOrEqualTo(lsns.get(9));
        }
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(log.recoveryReport().isClean()).isTrue();
            assertThat(readAll(log)).hasSize(10);
        }
    }

    @Test
    void zeroFilledTail_isTruncated() throws IOException {
        appendRecords(WalOptions.defaults(), 5, 100);
        Path segment = segmentFiles().getFirst();
        long size = Files.size(segment);
        appendBytes(segment, new byte[40_000]);

        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(log.recoveryReport().bytesTruncated()).isEqualTo(40_000);
            assertThat(log.recoveryReport().truncation().orElseThrow().reason()).contains("zeros");
            assertThat(readAll(log)).hasSize(5);
            assertThat(Files.size(segment)).isEqualTo(size);
        }
    }

    @Test
    void aForcingLog_preallocatesZerosAhead_cutsThemAtClose_andACrashCopyRecoversEveryRecord() throws IOException {
        WalOptions always = WalOptions.builder().syncPolicy(SyncPolicy.ALWAYS).build();
        Path copy = dir.resolveSibling(dir.getFileName() + "-crash");
        try (WriteAheadLog log = WriteAheadLog.open(dir, always)) {
            for (int i = 0; i < 50; i++) {
                log.append(new byte[200]);
            }
            Path segment = segmentFiles().getFirst();
            long end = log.endLsn();
            assertThat(Files.size(segment)).isGreaterThanOrEqualTo(WriteAheadLog.PREALLOCATION_CHUNK);
            // What kill -9 leaves: the files as they are, zeros included.
            Files.createDirectories(copy);
            Files.copy(segment, copy.resolve(segment.getFileName()));
            try (WriteAheadLog recovered = WriteAheadLog.open(copy, always)) {
                assertThat(recovered.endLsn()).isEqualTo(end);
                assertThat(recovered.recoveryReport().truncation().orElseThrow().reason())
                        .contains("zeros");
                assertThat(readAll(recovered)).hasSize(50);
            }
        }
        assertThat(Files.size(segmentFiles().getFirst())).isLessThan(WriteAheadLog.PREALLOCATION_CHUNK);
        try (WriteAheadLog reopened = WriteAheadLog.open(dir, always)) {
            assertThat(reopened.recoveryReport().truncation()).isEmpty();
            assertThat(readAll(reopened)).hasSize(50);
        }
    }

    @Test
    void corruptLastRecord_withNothingProvingItDurable_isTreatedAsATornTail() throws IOException {
        List<Long> lsns = appendRecords(WalOptions.defaults(), 5, 100);
        Path segment = segmentFiles().getFirst();
        flipByte(segment, lsns.get(4) + 20);

        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(log.recoveryReport().truncation().orElseThrow().reason()).contains("checksum mismatch");
            assertThat(readAll(log)).hasSize(4);
        }
    }

    @Test
    void bitFlipInAnOldSegment_strict_failsNamingSegmentOffsetAndLsn() throws IOException {
        List<Long> lsns = appendRecords(SMALL_SEGMENTS, 40, 500);
        Path first = segmentFiles().getFirst();
        long damaged = lsns.get(2);
        flipByte(first, damaged + 30);

        assertCode(
                () -> WriteAheadLog.open(dir, SMALL_SEGMENTS),
                StorageException.Code.CORRUPT_RECORD,
                "corrupt record in segment 00000000000000000000.log at offset " + damaged + " (LSN " + damaged + ")",
                "checksum mismatch",
                "RecoveryMode.SALVAGE");
        assertThat(segmentFiles()).hasSizeGreaterThan(3);
    }

    @Test
    void bitFlipInAnOldSegment_salvage_keepsTheValidPrefix_andMovesTheRestAside() throws IOException {
        List<Long> lsns = appendRecords(SMALL_SEGMENTS, 40, 500);
        List<Path> before = segmentFiles();
        Path first = before.getFirst();
        long firstSize = Files.size(first);
        long damaged = lsns.get(2);
        flipByte(first, damaged + 30);

        try (WriteAheadLog log = WriteAheadLog.open(dir, SALVAGE)) {
            RecoveryReport report = log.recoveryReport();
            assertThat(report.records()).isEqualTo(2);
            RecoveryReport.Truncation cut = report.truncation().orElseThrow();
            assertThat(cut.lsn()).isEqualTo(damaged);
            assertThat(cut.bytesTruncated()).isEqualTo(firstSize - damaged);
            assertThat(cut.salvagedTo())
                    .get()
                    .satisfies(copy -> assertThat(Files.size(copy)).isEqualTo(firstSize - damaged));
            assertThat(report.droppedSegments()).hasSize(before.size() - 1);
            assertThat(report.droppedSegments())
                    .allSatisfy(p -> assertThat(p).exists().hasParent(dir.resolve("salvaged")));
            assertThat(readAll(log)).extracting(LogRecord::lsn).containsExactly(lsns.get(0), lsns.get(1));
            assertThat(log.append(payload(2, 500))).isGreaterThanOrEqualTo(damaged);
        }
        try (WriteAheadLog log = WriteAheadLog.open(dir, SMALL_SEGMENTS)) {
            assertThat(log.recoveryReport().isClean()).isTrue();
            assertThat(readAll(log)).hasSize(3);
        }
    }

    @Test
    void bitFlipInTheLastSegment_provenDurableByALaterSyncMarker_isAnError() throws IOException {
        List<Long> lsns = appendRecords(WalOptions.defaults(), 30, 4000);
        Path segment = segmentFiles().getFirst();
        flipByte(segment, lsns.get(2) + 100);

        assertCode(
                () -> WriteAheadLog.open(dir, WalOptions.defaults()),
                StorageException.Code.CORRUPT_RECORD,
                "(LSN " + lsns.get(2) + ")",
                "a SYNC marker later in the segment shows that everything below LSN");
    }

    @Test
    void bitFlipProvenDurableByAMarkerInTheSameBlock_isAnError() throws IOException {
        List<Long> lsns = appendRecords(WalOptions.defaults(), 5, 100);
        flipByte(segmentFiles().getFirst(), lsns.get(1) + 40);

        assertCode(
                () -> WriteAheadLog.open(dir, WalOptions.defaults()),
                StorageException.Code.CORRUPT_RECORD,
                "(LSN " + lsns.get(1) + ")",
                "a SYNC marker later in the segment shows that everything below LSN");
    }

    @Test
    void lastSegmentScan_skipsOldSegmentsAtOpen_butReadsStillCatchTheirDamage() throws IOException {
        List<Long> lsns = appendRecords(SMALL_SEGMENTS, 40, 500);
        flipByte(segmentFiles().getFirst(), lsns.get(2) + 30);
        WalOptions tailOnly = SMALL_SEGMENTS.toBuilder()
                .recoveryScan(RecoveryScan.LAST_SEGMENT)
                .build();

        try (WriteAheadLog log = WriteAheadLog.open(dir, tailOnly)) {
            assertThat(log.recoveryReport().segmentsScanned()).isEqualTo(1);
            assertThat(log.read(lsns.get(39)).payload()).hasSize(500);
            assertThatThrownBy(() -> log.reader(lsns.get(2)).next())
                    .hasRootCauseInstanceOf(StorageException.class)
                    .hasMessageContaining("checksum mismatch");
        }
        assertCode(() -> WriteAheadLog.open(dir, SMALL_SEGMENTS), StorageException.Code.CORRUPT_RECORD, "checksum");
    }

    @Test
    void incompleteBatchAtTheTail_isTruncatedWhole() throws IOException {
        long kept;
        long[] batch;
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            kept = log.append(payload(0, 50));
            batch = log.appendBatch(
                    List.of(payload(1, 10_000), payload(2, 10_000), payload(3, 10_000), payload(4, 10_000)));
        }
        Path segment = segmentFiles().getFirst();
        truncate(segment, batch[3] + 100);

        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            RecoveryReport.Truncation cut = log.recoveryReport().truncation().orElseThrow();
            assertThat(cut.lsn()).isEqualTo(batch[0]);
            assertThat(log.recoveryReport().records()).isEqualTo(1);
            assertThat(readAll(log)).extracting(LogRecord::lsn).containsExactly(kept);
        }
    }

    @Test
    void batchCutExactlyAfterARecordBoundary_isStillTruncatedWhole() throws IOException {
        long[] batch;
        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            batch = log.appendBatch(List.of(payload(1, 100), payload(2, 100), payload(3, 100)));
        }
        truncate(segmentFiles().getFirst(), batch[2]);

        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(log.recoveryReport().truncation().orElseThrow().reason())
                    .isEqualTo("batch of 2 record(s) without its last record");
            assertThat(readAll(log)).isEmpty();
        }
    }

    @Test
    void missingMiddleSegment_failsNamingTheGap() throws IOException {
        appendRecords(SMALL_SEGMENTS, 40, 500);
        List<Path> segments = segmentFiles();
        Files.delete(segments.get(2));

        assertCode(
                () -> WriteAheadLog.open(dir, SMALL_SEGMENTS),
                StorageException.Code.MISSING_SEGMENT,
                segments.get(1).getFileName() + " ends at LSN",
                "but the next segment, " + segments.get(3).getFileName(),
                "a segment is missing");
    }

    @Test
    void missingMiddleSegment_salvage_keepsTheSegmentsBeforeTheGap() throws IOException {
        appendRecords(SMALL_SEGMENTS, 40, 500);
        List<Path> segments = segmentFiles();
        Files.delete(segments.get(2));

        try (WriteAheadLog log = WriteAheadLog.open(dir, SALVAGE)) {
            assertThat(log.recoveryReport().droppedSegments()).hasSize(segments.size() - 3);
            assertThat(log.stats().segments()).isEqualTo(2);
            assertThat(log.endLsn())
                    .isEqualTo(Long.parseLong(
                            segments.get(2).getFileName().toString().substring(0, 20)));
        }
    }

    @Test
    void zeroLengthSegment_failsAsEmpty() throws IOException {
        appendRecords(SMALL_SEGMENTS, 40, 500);
        Path middle = segmentFiles().get(1);
        truncate(middle, 0);

        assertCode(
                () -> WriteAheadLog.open(dir, SMALL_SEGMENTS),
                StorageException.Code.EMPTY_SEGMENT,
                "segment " + middle.getFileName() + " is empty (0 bytes)");
    }

    @Test
    void wrongMagic_failsAsCorruptHeader() throws IOException {
        appendRecords(WalOptions.defaults(), 3, 10);
        Path segment = segmentFiles().getFirst();
        flipByte(segment, 0);

        assertCode(
                () -> WriteAheadLog.open(dir, WalOptions.defaults()),
                StorageException.Code.CORRUPT_HEADER,
                "has magic 0x0B57414C (expected 0x4B57414C, \"KWAL\"): not a keel write-ahead log segment");
    }

    @Test
    void segmentRenamed_failsBecauseItsHeaderNamesAnotherBase() throws IOException {
        appendRecords(WalOptions.defaults(), 3, 10);
        Path segment = segmentFiles().getFirst();
        Files.move(segment, dir.resolve("00000000000000000100.log"));

        assertCode(
                () -> WriteAheadLog.open(dir, WalOptions.defaults()),
                StorageException.Code.CORRUPT_HEADER,
                "says it starts at LSN 0 but its name says 100");
    }

    @Test
    void foreignFile_failsNamingIt_andTouchesNothing() throws IOException {
        appendRecords(WalOptions.defaults(), 3, 10);
        Files.writeString(dir.resolve("notes.txt"), "hello");
        Files.writeString(dir.resolve("0001.log.tmp"), "not ours either");

        assertCode(
                () -> WriteAheadLog.open(dir, WalOptions.defaults()),
                StorageException.Code.FOREIGN_FILE,
                "unexpected file '");
        assertThat(dir.resolve("notes.txt")).exists();
        assertThat(dir.resolve("0001.log.tmp")).exists();
    }

    @Test
    void leftoverTempSegmentFromACrashDuringARoll_isDeletedAndReported() throws IOException {
        appendRecords(WalOptions.defaults(), 3, 10);
        Files.write(dir.resolve("00000000000000099999.log.tmp"), new byte[10]);

        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(log.recoveryReport().leftoverTempFiles()).isEqualTo(1);
            assertThat(log.recoveryReport().toString()).contains("deleted 1 half-created segment file(s)");
        }
        assertThat(dir.resolve("00000000000000099999.log.tmp")).doesNotExist();
    }

    @Test
    void recoveryReport_describesWhatWasDone() throws IOException {
        appendRecords(WalOptions.defaults(), 4, 100);
        Path segment = segmentFiles().getFirst();
        truncate(segment, Files.size(segment) - 1);

        try (WriteAheadLog log = WriteAheadLog.open(dir, WalOptions.defaults())) {
            assertThat(log.recoveryReport().toString())
                    .startsWith("scanned 1 segment(s), 3 record(s), ")
                    .contains("; truncated ", " bytes of 00000000000000000000.log at offset ");
        }
    }
}

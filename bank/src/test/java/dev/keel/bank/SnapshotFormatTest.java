package dev.keel.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot file: version 2 is written, version 1 (the transfers as they stood, no resolutions) still loads, and
 * every malformed file fails with {@link BankException.Code#CORRUPT} and says why.
 */
final class SnapshotFormatTest {

    private static final byte[] HEAD = new byte[LedgerLog.HASH_SIZE];

    @TempDir
    Path dir;

    /** The version 1 encoder as it was before version 2: accounts, then each transfer as it stands, then the CRC. */
    private static byte[] version1(Ledger ledger, long coveredLsn) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        CRC32C crc = new CRC32C();
        BinaryWriter out = BinaryWriter.to(raw, crc, 1 << 16);
        out.writeInt(0x4B42534E);
        out.writeShort(1);
        out.writeShort(0);
        out.writeLong(coveredLsn);
        out.write(HEAD);
        out.writeLong(ledger.lastTimestamp());
        out.writeInt(ledger.accounts().size());
        for (AccountState account : ledger.accounts()) {
            out.writeString(account.id);
            out.writeString(account.owner);
            out.writeString(account.currency.getCurrencyCode());
            out.writeByte(account.flags.bits());
            out.writeLong(account.flags.overdraftLimit());
            out.writeLong(account.initialBalance);
            out.writeLong(account.openedAt);
            out.writeByte(account.closed ? 1 : 0);
            out.writeLong(account.debitsPosted);
            out.writeLong(account.creditsPosted);
            out.writeLong(account.debitsPending);
            out.writeLong(account.creditsPending);
            out.writeInt(account.postings());
            for (int i = 0; i < account.postings(); i++) {
                out.writeLong(account.postingTimestamp(i));
                out.writeLong(account.balanceAfter(i));
                out.writeString(account.postingTransfer(i));
            }
        }
        out.writeInt(ledger.transfers().size());
        for (Transfer transfer : ledger.transfers()) {
            EventCodec.writeTransfer(out, transfer);
        }
        out.flush();
        new DataOutputStream(raw).writeInt((int) crc.getValue());
        return raw.toByteArray();
    }

    @Test
    void aVersion1Snapshot_stillLoads_andTheNextSnapshotIsVersion2() throws IOException {
        LedgerViewTest.Workload original = new LedgerViewTest.Workload(11);
        original.run(5_000);
        Files.write(dir.resolve(LedgerSnapshot.FILE), version1(original.ledger, 9));

        Ledger loaded = new Ledger(original.clock);
        assertThat(LedgerSnapshot.load(dir, loaded).coveredLsn()).isEqualTo(9);
        LedgerViewTest.assertSameLedger(loaded, original.ledger);
        assertThat(Audit.of(loaded).violations()).isEmpty();

        LedgerSnapshot.write(dir, loaded.capture(10, HEAD));
        assertThat(ByteBuffer.wrap(Files.readAllBytes(dir.resolve(LedgerSnapshot.FILE)))
                        .getShort(4))
                .isEqualTo(LedgerSnapshot.VERSION);
        Ledger again = new Ledger(original.clock);
        LedgerSnapshot.load(dir, again);
        LedgerViewTest.assertSameLedger(again, original.ledger);
    }

    private static Transfer hold(String id) {
        return new Transfer(
                id,
                "a",
                "b",
                Money.of("5.00", "USD"),
                "",
                true,
                Duration.ofSeconds(1),
                100,
                TransferStatus.PENDING,
                0,
                0);
    }

    private static Transfer payment(String id) {
        return new Transfer(id, "a", "b", Money.of("5.00", "USD"), "", false, null, 100, TransferStatus.POSTED, 500, 0);
    }

    private void writeView(List<Transfer> transfers, List<Event.PendingResolved> resolved) throws IOException {
        AppendOnlyList<Transfer> created = new AppendOnlyList<>();
        transfers.forEach(created::add);
        AppendOnlyList<Event.PendingResolved> resolutions = new AppendOnlyList<>();
        resolved.forEach(resolutions::add);
        LedgerSnapshot.write(dir, new LedgerView(3, HEAD, 200, List.of(), created.capture(), resolutions.capture()));
    }

    private void assertCorrupt(String why) {
        assertThatThrownBy(() -> LedgerSnapshot.load(dir, new Ledger(java.time.InstantSource.system())))
                .isInstanceOfSatisfying(
                        BankException.class, e -> assertThat(e.code()).isEqualTo(BankException.Code.CORRUPT))
                .hasMessageContaining(why);
    }

    @Test
    void resolutions_replaceTheirHolds() throws IOException {
        writeView(
                List.of(hold("h1"), hold("h2"), payment("p")),
                List.of(new Event.PendingResolved("h2", TransferStatus.POSTED, 300, 150)));
        Ledger loaded = new Ledger(java.time.InstantSource.system());
        LedgerSnapshot.load(dir, loaded);
        assertThat(loaded.findTransfer("h1").status()).isEqualTo(TransferStatus.PENDING);
        assertThat(loaded.findTransfer("h2")).isEqualTo(hold("h2").resolve(TransferStatus.POSTED, 300, 150));
        assertThat(loaded.findTransfer("p")).isEqualTo(payment("p"));
    }

    @Test
    void aResolutionOfAnUnknownTransfer_isCorrupt() throws IOException {
        writeView(List.of(hold("h1")), List.of(new Event.PendingResolved("ghost", TransferStatus.VOIDED, 0, 150)));
        assertCorrupt("resolves ghost, which is not in it");
    }

    @Test
    void aResolutionOfATransferNotPending_isCorrupt() throws IOException {
        writeView(List.of(payment("p")), List.of(new Event.PendingResolved("p", TransferStatus.VOIDED, 0, 150)));
        assertCorrupt("resolves p, which is POSTED, not PENDING");
    }

    @Test
    void aHoldResolvedTwice_isCorrupt() throws IOException {
        writeView(
                List.of(hold("h")),
                List.of(
                        new Event.PendingResolved("h", TransferStatus.VOIDED, 0, 150),
                        new Event.PendingResolved("h", TransferStatus.POSTED, 500, 160)));
        assertCorrupt("resolves h, which is VOIDED, not PENDING");
    }

    /** Rewrites the file's body (all but the CRC) with {@code edit} and a correct CRC: damage the CRC cannot see. */
    private void rewrite(java.util.function.UnaryOperator<byte[]> edit) throws IOException {
        Path file = dir.resolve(LedgerSnapshot.FILE);
        byte[] bytes = Files.readAllBytes(file);
        byte[] body = edit.apply(Arrays.copyOf(bytes, bytes.length - 4));
        CRC32C crc = new CRC32C();
        crc.update(body);
        byte[] rewritten = Arrays.copyOf(body, body.length + 4);
        ByteBuffer.wrap(rewritten).putInt(body.length, (int) crc.getValue());
        Files.write(file, rewritten);
    }

    @Test
    void aNegativeOrImpossibleCount_isCorrupt() throws IOException {
        writeView(List.of(hold("h")), List.of());
        rewrite(body -> {
            ByteBuffer.wrap(body).putInt(body.length - 4, -1); // the resolutions' count
            return body;
        });
        assertCorrupt("it says it holds -1 resolutions");
        writeView(List.of(hold("h")), List.of());
        rewrite(body -> {
            ByteBuffer.wrap(body).putInt(body.length - 4, 1_000);
            return body;
        });
        assertCorrupt("it says it holds 1000 resolutions");
    }

    @Test
    void trailingBytes_areCorrupt() throws IOException {
        writeView(List.of(hold("h")), List.of(new Event.PendingResolved("h", TransferStatus.VOIDED, 0, 150)));
        rewrite(body -> Arrays.copyOf(body, body.length + 3));
        assertCorrupt("3 bytes follow its last resolution");
    }

    @Test
    void aTruncatedBody_isCorrupt() throws IOException {
        writeView(List.of(hold("h1"), hold("h2")), List.of());
        rewrite(body -> Arrays.copyOf(body, body.length - 30));
        assertCorrupt("snapshot");
        writeView(List.of(hold("h1")), List.of(new Event.PendingResolved("h1", TransferStatus.VOIDED, 0, 150)));
        rewrite(body -> Arrays.copyOf(body, body.length - 5));
        assertCorrupt("snapshot");
    }

    @Test
    void anUnknownVersion_isCorrupt() throws IOException {
        writeView(List.of(), List.of());
        rewrite(body -> {
            ByteBuffer.wrap(body).putShort(4, (short) 3);
            return body;
        });
        assertCorrupt("it has version 3 (expected 1 or 2)");
    }
}

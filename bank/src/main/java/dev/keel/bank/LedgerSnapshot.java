package dev.keel.bank;

import dev.keel.storage.DurableFiles;
import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The whole ledger as of one log position, saved so that opening replays only the log after it.
 *
 * <pre>
 * ledger.snapshot, integers big-endian, strings as in EventCodec:
 *   magic u32 = 0x4B42534E ("KBSN") | version u16 = 1 | reserved u16 = 0
 *   coveredLsn u64      the log's end when written: replay starts here
 *   head u8[32]         the hash chain's head (SHA-256 of the last record's payload) at coveredLsn
 *   lastTimestamp i64
 *   accounts u32, then each: id str | owner str | currency str | flags u8 | overdraft i64 | initialBalance i64
 *                            | openedAt i64 | closed u8 | debitsPosted, creditsPosted, debitsPending,
 *                            creditsPending i64 | postings u32, then each: timestamp i64 | balance i64 | transfer str
 *   transfers u32, then each: transfer (EventCodec)
 *   crc u32             CRC32C of every byte before it
 * </pre>
 *
 * <p>Written crash-safely ({@link DurableFiles}): encoded by the sequencer's thread after a batch ({@link #stage}), then
 * forced and renamed into place off that thread, and at close; the log segments wholly before {@code coveredLsn} are
 * deleted afterwards, so recovery time stays bounded. A snapshot with a
 * bad checksum fails the open ({@link BankException.Code#CORRUPT}) unless the log still starts at its beginning, in
 * which case the whole log is replayed instead. Not thread-safe: used by one thread at a time.
 */
final class LedgerSnapshot {

    static final String FILE = "ledger.snapshot";
    private static final int MAGIC = 0x4B42534E;
    private static final short VERSION = 1;

    /** What a snapshot held besides the ledger itself. */
    record Loaded(long coveredLsn, byte[] head) {}

    private LedgerSnapshot() {}

    /** Writes the snapshot crash-safely: {@link #stage} and commit. */
    static void write(Path directory, Ledger ledger, long coveredLsn, byte[] head) throws IOException {
        try (DurableFiles.Staged staged = stage(directory, ledger, coveredLsn, head)) {
            staged.commit();
        }
    }

    /**
     * Encodes the snapshot into a temporary file beside {@link #FILE} without forcing it: this reads the ledger, so it
     * runs on the thread that owns the ledger; the commit (the forces and the rename) does not, and can run elsewhere.
     */
    static DurableFiles.Staged stage(Path directory, Ledger ledger, long coveredLsn, byte[] head) throws IOException {
        return DurableFiles.stage(directory.resolve(FILE), raw -> {
            CRC32C crc = new CRC32C();
            // The CRC is updated over each 256 KiB the writer flushes; strings are encoded straight into its buffer.
            BinaryWriter out = BinaryWriter.to(raw, crc, 1 << 18);
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            out.writeShort(0);
            out.writeLong(coveredLsn);
            out.write(head);
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
        });
    }

    /** Loads the snapshot into the empty {@code ledger}; null if there is none. */
    static @Nullable Loaded load(Path directory, Ledger ledger) throws IOException {
        byte[] bytes;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(directory.resolve(FILE)))) {
            bytes = in.readAllBytes();
        } catch (NoSuchFileException e) {
            return null;
        }
        if (bytes.length < 4) {
            throw corrupt(directory, "it is " + bytes.length + " bytes long");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getInt(bytes.length - 4) != (int) crc.getValue()) {
            throw corrupt(directory, "its checksum does not match");
        }
        try {
            in.limit(bytes.length - 4);
            if (in.getInt() != MAGIC || in.getShort() != VERSION) {
                throw corrupt(directory, "it has the wrong magic number or version");
            }
            in.getShort();
            long coveredLsn = in.getLong();
            byte[] head = new byte[LedgerLog.HASH_SIZE];
            in.get(head);
            ledger.restoreTimestamp(in.getLong());
            int accounts = in.getInt();
            for (int i = 0; i < accounts; i++) {
                String id = EventCodec.readString(in);
                String owner = EventCodec.readString(in);
                java.util.Currency currency = Money.currency(EventCodec.readString(in));
                int bits = in.get();
                AccountFlags flags = AccountFlags.fromBits(bits, in.getLong());
                AccountState account = new AccountState(id, owner, currency, flags, in.getLong(), in.getLong());
                account.closed = in.get() != 0;
                account.debitsPosted = in.getLong();
                account.creditsPosted = in.getLong();
                account.debitsPending = in.getLong();
                account.creditsPending = in.getLong();
                int postings = in.getInt();
                for (int p = 0; p < postings; p++) {
                    long timestamp = in.getLong();
                    long balance = in.getLong();
                    account.restorePosting(timestamp, balance, EventCodec.readString(in));
                }
                ledger.restoreAccount(account);
            }
            int transfers = in.getInt();
            for (int i = 0; i < transfers; i++) {
                ledger.restoreTransfer(EventCodec.readTransfer(in));
            }
            if (in.hasRemaining()) {
                throw corrupt(directory, in.remaining() + " bytes follow its last transfer");
            }
            return new Loaded(coveredLsn, head);
        } catch (RuntimeException e) {
            if (e instanceof BankException bank) {
                throw bank;
            }
            throw new BankException(
                    BankException.Code.CORRUPT, "snapshot " + directory.resolve(FILE) + " does not decode: " + e, e);
        }
    }

    private static BankException corrupt(Path directory, String why) {
        return new BankException(
                BankException.Code.CORRUPT, "snapshot " + directory.resolve(FILE) + " is damaged: " + why);
    }
}

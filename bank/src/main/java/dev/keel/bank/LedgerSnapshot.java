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
 *   magic u32 = 0x4B42534E ("KBSN") | version u16 = 2 | reserved u16 = 0
 *   coveredLsn u64      the log's end when written: replay starts here
 *   head u8[32]         the hash chain's head (SHA-256 of the last record's payload) at coveredLsn
 *   lastTimestamp i64
 *   accounts u32, then each: id str | owner str | currency str | flags u8 | overdraft i64 | initialBalance i64
 *                            | openedAt i64 | closed u8 | debitsPosted, creditsPosted, debitsPending,
 *                            creditsPending i64 | postings u32, then each: timestamp i64 | balance i64 | transfer str
 *   transfers u32, then each: transfer (EventCodec), as it was created, in the order of creation
 *   resolutions u32, then each: a PENDING_RESOLVED event (EventCodec), in the order they happened   (version 2 only)
 *   crc u32             CRC32C of every byte before it
 * </pre>
 *
 * <p>Version 1 (still read, no longer written) has no resolutions section and holds each transfer as it stood. Version
 * 2 holds each transfer as created and then the resolutions of holds: that is what a {@link LedgerView} can read
 * without a copy of the transfer map, off the sequencer's thread. Loading restores the transfers, then replaces each
 * resolved hold's record ({@link Transfer#resolve}); the balances come from the account totals, never from arithmetic.
 *
 * <p>Written crash-safely ({@link DurableFiles}): encoded from a {@link LedgerView} ({@link #stage}) and committed on
 * the thread {@code keel-bank-snapshot} after a batch ({@link SnapshotCommits}), or on the caller's thread at close;
 * the log segments wholly before {@code coveredLsn} are deleted afterwards, so recovery time stays bounded. A
 * snapshot with a bad checksum, a bad count, a resolution of a transfer that is not a pending hold, or bytes after
 * its end fails the open ({@link BankException.Code#CORRUPT}) unless the log still starts at its beginning, in which
 * case the whole log is replayed instead. Stateless; {@link #stage} may run on any thread that the view was published
 * to.
 */
final class LedgerSnapshot {

    static final String FILE = "ledger.snapshot";
    private static final int MAGIC = 0x4B42534E;
    static final short VERSION = 2;
    private static final short VERSION_1 = 1;

    /** What a snapshot held besides the ledger itself. */
    record Loaded(long coveredLsn, byte[] head) {}

    private LedgerSnapshot() {}

    /** Writes the snapshot of {@code view} crash-safely: {@link #stage} and commit. */
    static void write(Path directory, LedgerView view) throws IOException {
        try (DurableFiles.Staged staged = stage(directory, view)) {
            staged.commit();
        }
    }

    /**
     * Encodes the snapshot of {@code view} into a temporary file beside {@link #FILE} without forcing it. Reads only
     * the view, so it runs on any thread while the sequencer goes on.
     */
    static DurableFiles.Staged stage(Path directory, LedgerView view) throws IOException {
        return DurableFiles.stage(directory.resolve(FILE), raw -> {
            CRC32C crc = new CRC32C();
            // The CRC is updated over each 256 KiB the writer flushes; strings are encoded straight into its buffer.
            BinaryWriter out = BinaryWriter.to(raw, crc, 1 << 18);
            encode(out, view);
            out.flush();
            new DataOutputStream(raw).writeInt((int) crc.getValue());
        });
    }

    private static void encode(BinaryWriter out, LedgerView view) throws IOException {
        out.writeInt(MAGIC);
        out.writeShort(VERSION);
        out.writeShort(0);
        out.writeLong(view.coveredLsn());
        out.write(view.head());
        out.writeLong(view.lastTimestamp());
        out.writeInt(view.accounts().size());
        for (LedgerView.AccountImage account : view.accounts()) {
            out.writeString(account.id());
            out.writeString(account.owner());
            out.writeString(account.currency().getCurrencyCode());
            out.writeByte(account.flags().bits());
            out.writeLong(account.flags().overdraftLimit());
            out.writeLong(account.initialBalance());
            out.writeLong(account.openedAt());
            out.writeByte(account.closed() ? 1 : 0);
            out.writeLong(account.debitsPosted());
            out.writeLong(account.creditsPosted());
            out.writeLong(account.debitsPending());
            out.writeLong(account.creditsPending());
            PostingHistory.Prefix postings = account.postings();
            out.writeInt(postings.size());
            for (int i = 0; i < postings.size(); i++) {
                out.writeLong(postings.timestamp(i));
                out.writeLong(postings.balance(i));
                out.writeString(postings.transfer(i));
            }
        }
        AppendOnlyList.Prefix<Transfer> created = view.created();
        out.writeInt(created.size());
        for (int i = 0; i < created.size(); i++) {
            EventCodec.writeTransfer(out, created.get(i));
        }
        AppendOnlyList.Prefix<Event.PendingResolved> resolutions = view.resolutions();
        out.writeInt(resolutions.size());
        for (int i = 0; i < resolutions.size(); i++) {
            EventCodec.write(out, resolutions.get(i));
        }
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
            if (in.getInt() != MAGIC) {
                throw corrupt(directory, "it has the wrong magic number");
            }
            short version = in.getShort();
            if (version != VERSION && version != VERSION_1) {
                throw corrupt(
                        directory, "it has version " + version + " (expected " + VERSION_1 + " or " + VERSION + ")");
            }
            in.getShort();
            long coveredLsn = in.getLong();
            byte[] head = new byte[LedgerLog.HASH_SIZE];
            in.get(head);
            ledger.restoreTimestamp(in.getLong());
            int accounts = count(directory, in, "accounts", ACCOUNT_BYTES);
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
                int postings = count(directory, in, "postings of " + id, POSTING_BYTES);
                for (int p = 0; p < postings; p++) {
                    long timestamp = in.getLong();
                    long balance = in.getLong();
                    account.restorePosting(timestamp, balance, EventCodec.readString(in));
                }
                ledger.restoreAccount(account);
            }
            int transfers = count(directory, in, "transfers", TRANSFER_BYTES);
            for (int i = 0; i < transfers; i++) {
                ledger.restoreTransfer(EventCodec.readTransfer(in));
            }
            if (version == VERSION) {
                int resolutions = count(directory, in, "resolutions", RESOLUTION_BYTES);
                for (int i = 0; i < resolutions; i++) {
                    if (!(EventCodec.read(in) instanceof Event.PendingResolved resolved)) {
                        throw corrupt(directory, "resolution " + i + " is not a PENDING_RESOLVED event");
                    }
                    ledger.restoreResolution(resolved);
                }
            }
            if (in.hasRemaining()) {
                throw corrupt(
                        directory,
                        in.remaining() + " bytes follow its last " + (version == VERSION ? "resolution" : "transfer"));
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

    /** The fewest bytes each kind of entry takes: a count that could not fit in what is left is corrupt. */
    private static final int ACCOUNT_BYTES = 3 * 2 + 1 + 8 * 3 + 1 + 8 * 4 + 4;

    private static final int POSTING_BYTES = 8 + 8 + 2;
    private static final int TRANSFER_BYTES = 3 * 2 + 8 + 2 + 2 + 1 + 8 + 1 + 8 + 8;
    private static final int RESOLUTION_BYTES = 1 + 8 + 2 + 1 + 8;

    private static int count(Path directory, ByteBuffer in, String what, int minimumBytes) {
        int count = in.getInt();
        if (count < 0 || (long) count * minimumBytes > in.remaining()) {
            throw corrupt(
                    directory,
                    "it says it holds " + count + " " + what + " (expected 0 to " + in.remaining() / minimumBytes
                            + " in the " + in.remaining() + " bytes left)");
        }
        return count;
    }

    private static BankException corrupt(Path directory, String why) {
        return new BankException(
                BankException.Code.CORRUPT, "snapshot " + directory.resolve(FILE) + " is damaged: " + why);
    }
}

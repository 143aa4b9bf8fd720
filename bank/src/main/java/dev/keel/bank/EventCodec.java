package dev.keel.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The binary form of {@link Event}s and {@link Transfer}s, shared by the log records ({@link LedgerLog}) and the
 * snapshot ({@link LedgerSnapshot}), written through a {@link BinaryWriter}. Stateless.
 *
 * <pre>
 * All integers big-endian. str: u16 length | UTF-8 bytes.
 * event:
 *   type u8 = 1 ACCOUNT_OPENED:   timestamp i64 | id str | owner str | currency str | flags u8 | overdraft i64
 *                                 | initialBalance i64
 *   type u8 = 2 TRANSFER_CREATED: transfer
 *   type u8 = 3 PENDING_RESOLVED: timestamp i64 | id str | status u8 (TransferStatus ordinal) | amount i64
 *   type u8 = 4 ACCOUNT_CLOSED:   timestamp i64 | id str
 * transfer:
 *   timestamp i64 | id str | from str | to str | amount i64 | currency str | reference str
 *   | bits u8 (bit 0 pending, bit 1 has timeout) | [timeout nanos i64] | status u8 | postedAmount i64 | resolvedAt i64
 * </pre>
 *
 * <p>Checksums are not here: the log frames every record with a CRC32C and the snapshot ends with one. Decoding
 * throws {@link IllegalArgumentException} for anything malformed, which the callers turn into
 * {@link BankException.Code#CORRUPT}.
 */
final class EventCodec {

    private static final byte ACCOUNT_OPENED = 1;
    private static final byte TRANSFER_CREATED = 2;
    private static final byte PENDING_RESOLVED = 3;
    private static final byte ACCOUNT_CLOSED = 4;
    private static final TransferStatus[] STATUSES = TransferStatus.values();

    private EventCodec() {}

    static void write(BinaryWriter out, Event event) throws IOException {
        switch (event) {
            case Event.AccountOpened opened -> {
                out.writeByte(ACCOUNT_OPENED);
                out.writeLong(opened.timestamp());
                out.writeString(opened.id());
                out.writeString(opened.owner());
                out.writeString(opened.currency().getCurrencyCode());
                out.writeByte(opened.flags().bits());
                out.writeLong(opened.flags().overdraftLimit());
                out.writeLong(opened.initialBalance());
            }
            case Event.TransferCreated created -> {
                out.writeByte(TRANSFER_CREATED);
                writeTransfer(out, created.transfer());
            }
            case Event.PendingResolved resolved -> {
                out.writeByte(PENDING_RESOLVED);
                out.writeLong(resolved.timestamp());
                out.writeString(resolved.id());
                out.writeByte(resolved.status().ordinal());
                out.writeLong(resolved.amount());
            }
            case Event.AccountClosed closed -> {
                out.writeByte(ACCOUNT_CLOSED);
                out.writeLong(closed.timestamp());
                out.writeString(closed.id());
            }
        }
    }

    static Event read(ByteBuffer in) {
        try {
            byte type = in.get();
            return switch (type) {
                case ACCOUNT_OPENED -> {
                    long timestamp = in.getLong();
                    String id = readString(in);
                    String owner = readString(in);
                    Currency currency = Money.currency(readString(in));
                    int bits = in.get();
                    AccountFlags flags = AccountFlags.fromBits(bits, in.getLong());
                    yield new Event.AccountOpened(id, owner, currency, flags, in.getLong(), timestamp);
                }
                case TRANSFER_CREATED -> new Event.TransferCreated(readTransfer(in));
                case PENDING_RESOLVED -> {
                    long timestamp = in.getLong();
                    String id = readString(in);
                    TransferStatus status = status(in.get());
                    yield new Event.PendingResolved(id, status, in.getLong(), timestamp);
                }
                case ACCOUNT_CLOSED -> {
                    long timestamp = in.getLong();
                    yield new Event.AccountClosed(readString(in), timestamp);
                }
                default -> throw new IllegalArgumentException("unknown event type " + type + " (expected 1 to 4)");
            };
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("event is truncated", e);
        }
    }

    static void writeTransfer(BinaryWriter out, Transfer transfer) throws IOException {
        out.writeLong(transfer.timestamp());
        out.writeString(transfer.id());
        out.writeString(transfer.from());
        out.writeString(transfer.to());
        out.writeLong(transfer.amount().minorUnits());
        out.writeString(transfer.amount().currency().getCurrencyCode());
        out.writeString(transfer.reference());
        Duration timeout = transfer.timeout();
        out.writeByte((transfer.pending() ? 1 : 0) | (timeout != null ? 2 : 0));
        if (timeout != null) {
            out.writeLong(timeout.toNanos());
        }
        out.writeByte(transfer.status().ordinal());
        out.writeLong(transfer.postedAmount());
        out.writeLong(transfer.resolvedAt());
    }

    static Transfer readTransfer(ByteBuffer in) {
        long timestamp = in.getLong();
        String id = readString(in);
        String from = readString(in);
        String to = readString(in);
        long amount = in.getLong();
        Currency currency = Money.currency(readString(in));
        String reference = readString(in);
        int bits = in.get();
        if ((bits & ~3) != 0) {
            throw new IllegalArgumentException("transfer " + id + " has flag bits " + bits + " (expected 0 to 3)");
        }
        Duration timeout = (bits & 2) != 0 ? Duration.ofNanos(in.getLong()) : null;
        TransferStatus status = status(in.get());
        return new Transfer(
                id,
                from,
                to,
                new Money(amount, currency),
                reference,
                (bits & 1) != 0,
                timeout,
                timestamp,
                status,
                in.getLong(),
                in.getLong());
    }

    static String readString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Encodes events alone (no header): for tests and sizing. */
    static byte[] encode(List<Event> events) {
        BinaryWriter out = BinaryWriter.inMemory(events.size() * 96);
        try {
            for (Event event : events) {
                write(out, event);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    static List<Event> decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<Event> events = new ArrayList<>();
        while (in.hasRemaining()) {
            events.add(read(in));
        }
        return events;
    }

    private static TransferStatus status(byte ordinal) {
        if (ordinal < 0 || ordinal >= STATUSES.length) {
            throw new IllegalArgumentException(
                    "transfer status " + ordinal + " (expected 0 to " + STATUSES.length + ")");
        }
        return STATUSES[ordinal];
    }
}

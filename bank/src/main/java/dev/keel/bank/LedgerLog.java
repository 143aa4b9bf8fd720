package dev.keel.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The payload of one write-ahead-log record: one sequencer batch's events, chained to the record before by hash.
 *
 * <pre>
 * record payload, integers big-endian:
 *   magic u8 = 0xB7 | version u8 = 1
 *   previous u8[32]   SHA-256 of the previous record's whole payload; for the first record after a snapshot, the
 *                     snapshot's head hash; for the very first record, 32 zero bytes
 *   count u32         events that follow
 *   events            as EventCodec writes them
 * </pre>
 *
 * <p>Why a hash chain on top of the log's CRC32C: the CRC catches accidents (torn writes, bit rot) but anyone can
 * recompute it after editing a record. With the chain, editing, inserting or deleting any record breaks the link from
 * the next one, so {@code keel bank verify} detects it; editing the newest record (or rewriting the whole tail) is
 * detected only against a head hash kept elsewhere, which verify prints for that purpose. Stateless.
 */
final class LedgerLog {

    static final int HASH_SIZE = 32;
    static final byte[] GENESIS = new byte[HASH_SIZE];
    private static final byte MAGIC = (byte) 0xB7;
    private static final byte VERSION = 1;

    /** A decoded record. */
    record Decoded(byte[] previous, List<Event> events) {}

    private LedgerLog() {}

    static byte[] encode(byte[] previous, List<Event> events) {
        BinaryWriter out = BinaryWriter.inMemory(64 + events.size() * 96);
        try {
            out.writeByte(MAGIC);
            out.writeByte(VERSION);
            out.write(previous);
            out.writeInt(events.size());
            for (Event event : events) {
                EventCodec.write(out, event);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Decodes a payload; {@link IllegalArgumentException} if it is malformed. */
    static Decoded decode(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            byte magic = in.get();
            byte version = in.get();
            if (magic != MAGIC || version != VERSION) {
                throw new IllegalArgumentException("record starts with " + magic + "/" + version + " (expected " + MAGIC
                        + "/" + VERSION + ": not a ledger record)");
            }
            byte[] previous = new byte[HASH_SIZE];
            in.get(previous);
            int count = in.getInt();
            if (count < 0 || count > payload.length) {
                throw new IllegalArgumentException(
                        "record claims " + count + " events in " + payload.length + " bytes");
            }
            List<Event> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                events.add(EventCodec.read(in));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes follow the record's " + count + " events");
            }
            return new Decoded(previous, events);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("record is truncated", e);
        }
    }

    static byte[] hash(byte[] payload) {
        return sha256().digest(payload);
    }

    /** A SHA-256 digest to reuse for {@link MessageDigest#digest(byte[])} (which resets it): one per thread. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}

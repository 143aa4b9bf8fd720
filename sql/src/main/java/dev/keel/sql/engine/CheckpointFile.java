package dev.keel.sql.engine;

import dev.keel.sql.SqlException;
import dev.keel.sql.parse.Parser;
import dev.keel.sql.parse.Statement;
import dev.keel.sql.storage.Catalog;
import dev.keel.sql.storage.ChangeLog;
import dev.keel.sql.storage.SecondaryIndex;
import dev.keel.sql.storage.TableStore;
import dev.keel.sql.storage.ViewDefinition;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The checkpoint of a file database: every table's definition, indexes and rows, the views and the triggers, as of
 * one position of the commit log.
 *
 * <p>How it is designed, and why: the file is a logical dump (the CREATE statements as written, then the stored rows
 * with their rowids) rather than a page image, because keel's tables live in memory and a dump is what it takes to
 * rebuild them; rowids are kept exactly, because later log records may name them ({@code WHERE rowid = 5}) and the
 * next rowid is one past the largest. Explicit indexes are re-created after the rows are loaded, so they are built
 * once from sorted input instead of row by row. It is written whole, crash-safely, with keel-storage's
 * {@code DurableFiles} (temporary file, force, atomic rename, force the directory) by {@link Checkpointer}; a reader
 * therefore sees the previous checkpoint or this one, and the CRC32C in the trailer catches damage at rest.
 *
 * <p>Schema (big-endian), version 1:
 *
 * <pre>
 * bytes 0-7   magic "KEELSQLC"
 * byte        version = 1
 * long        lsn: the log position this state includes everything below; recovery replays the log from here
 * int         tableCount, then per table:
 *               text   its CREATE TABLE statement (int length + UTF-8)
 *               long   rowCount, then per row: columnCount + 1 values (ValueCodec: tag + value), the last the rowid
 *               int    indexCount, then per index: text, its CREATE INDEX statement (constraint indexes excluded:
 *                      CREATE TABLE makes them)
 * int         viewCount, then per view: text, its CREATE VIEW statement
 * int         triggerCount, then per trigger: text name, text table
 * int         CRC32C of every byte before it
 * </pre>
 *
 * <p>Stateless and thread-safe; the caller holds the database's lock.
 */
final class CheckpointFile {

    private static final byte[] MAGIC = "KEELSQLC".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;

    private CheckpointFile() {}

    /** Writes the state of {@code catalog}, which includes every log record below {@code lsn}. */
    static void write(Catalog catalog, long lsn, OutputStream target) throws IOException {
        CheckedOutputStream checked = new CheckedOutputStream(target, new CRC32C());
        DataOutputStream out = new DataOutputStream(checked);
        out.write(MAGIC);
        out.writeByte(VERSION);
        out.writeLong(lsn);
        List<TableStore> tables = catalog.tables();
        out.writeInt(tables.size());
        for (TableStore table : tables) {
            ValueCodec.writeText(out, table.definition());
            out.writeLong(table.size());
            for (Object[] row : table.rows()) {
                for (Object value : row) {
                    ValueCodec.write(out, value);
                }
            }
            List<SecondaryIndex> explicit = table.indexes().stream()
                    .filter(i -> !i.schema().automatic())
                    .toList();
            out.writeInt(explicit.size());
            for (SecondaryIndex index : explicit) {
                ValueCodec.writeText(out, index.schema().definition(table.schema()));
            }
        }
        List<ViewDefinition> views = catalog.views();
        out.writeInt(views.size());
        for (ViewDefinition view : views) {
            ValueCodec.writeText(out, view.definition());
        }
        Map<String, String> triggers = catalog.triggers();
        out.writeInt(triggers.size());
        for (Map.Entry<String, String> trigger : triggers.entrySet()) {
            ValueCodec.writeText(out, trigger.getKey());
            ValueCodec.writeText(out, trigger.getValue());
        }
        out.flush();
        new DataOutputStream(target).writeInt((int) checked.getChecksum().getValue());
    }

    /**
     * Loads the checkpoint in {@code file} into the empty {@code database}; returns the log position to replay from.
     *
     * @throws IOException if the file is damaged (checksum, magic, version, a length out of bounds) or a statement in it
     *     no longer runs
     */
    static long restore(Path file, Database database) throws IOException {
        long size = Files.size(file);
        String where = "checkpoint " + file;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32C());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(where + ": not a keel checkpoint (magic "
                        + new String(magic, StandardCharsets.ISO_8859_1) + ", expected KEELSQLC)");
            }
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException(where + ": version " + version + " (expected " + VERSION + ")");
            }
            long lsn = in.readLong();
            if (lsn < 0) {
                throw new IOException(where + ": log position " + lsn + " (expected >= 0)");
            }
            Session session = database.openSession();
            Catalog catalog = database.catalog();
            int tableCount = ValueCodec.bounded(in.readInt(), size, where, "table count");
            for (int t = 0; t < tableCount; t++) {
                String definition = ValueCodec.readText(in, size, where, "CREATE TABLE length");
                Parser.Parsed parsed = run(session, definition, where);
                if (!(parsed.statement() instanceof Statement.CreateTable create)) {
                    throw new IOException(where + ": '" + definition + "' is not a CREATE TABLE statement");
                }
                TableStore table = catalog.requireTable(create.name());
                long rows = in.readLong();
                if (rows < 0 || rows > size) {
                    throw new IOException(where + ": row count " + rows + " of "
                            + table.schema().name() + " (expected 0 to " + size + ")");
                }
                int width = table.schema().width() + 1;
                for (long r = 0; r < rows; r++) {
                    Object[] row = new Object[width];
                    for (int c = 0; c < width; c++) {
                        row[c] = ValueCodec.read(in, size, where);
                    }
                    if (!(row[width - 1] instanceof Long)) {
                        throw new IOException(where + ": row " + r + " of "
                                + table.schema().name() + " has rowid " + row[width - 1] + " (expected an integer)");
                    }
                    table.restore(row);
                }
                int indexes = ValueCodec.bounded(in.readInt(), size, where, "index count");
                for (int i = 0; i < indexes; i++) {
                    run(session, ValueCodec.readText(in, size, where, "CREATE INDEX length"), where);
                }
            }
            int viewCount = ValueCodec.bounded(in.readInt(), size, where, "view count");
            List<String> views = new ArrayList<>();
            for (int v = 0; v < viewCount; v++) {
                views.add(ValueCodec.readText(in, size, where, "CREATE VIEW length"));
            }
            createViews(session, views, where);
            int triggerCount = ValueCodec.bounded(in.readInt(), size, where, "trigger count");
            ChangeLog discarded = new ChangeLog();
            for (int g = 0; g < triggerCount; g++) {
                String name = ValueCodec.readText(in, size, where, "trigger name length");
                String table = ValueCodec.readText(in, size, where, "trigger table length");
                catalog.createTrigger(name, table, discarded);
            }
            catalog.changed();
            int computed = (int) checked.getChecksum().getValue();
            int stored = in.readInt();
            if (computed != stored || in.read() != -1) {
                throw new IOException(where + ": checksum mismatch or trailing bytes (stored CRC32C "
                        + Integer.toHexString(stored) + ", computed " + Integer.toHexString(computed) + ")");
            }
            return lsn;
        } catch (java.io.EOFException e) {
            throw new IOException(where + ": ends early, at " + size + " bytes", e);
        }
    }

    /** Views may name views: each pass creates those whose sources exist, until none is left or none progresses. */
    private static void createViews(Session session, List<String> views, String where) throws IOException {
        List<String> left = new ArrayList<>(views);
        while (!left.isEmpty()) {
            List<String> failed = new ArrayList<>();
            SqlException last = null;
            for (String view : left) {
                try {
                    session.execute(Parser.parseStatement(view), new Object[0]);
                } catch (SqlException e) {
                    failed.add(view);
                    last = e;
                }
            }
            if (failed.size() == left.size() && last != null) {
                throw new IOException(where + ": '" + failed.getFirst() + "' failed: " + last.getMessage(), last);
            }
            left = failed;
        }
    }

    private static Parser.Parsed run(Session session, String sql, String where) throws IOException {
        try {
            Parser.Parsed parsed = Parser.parseStatement(sql);
            session.execute(parsed, new Object[0]);
            return parsed;
        } catch (SqlException e) {
            throw new IOException(where + ": '" + sql + "' failed: " + e.getMessage(), e);
        }
    }
}

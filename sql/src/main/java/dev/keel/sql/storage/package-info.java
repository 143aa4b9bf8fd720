/**
 * In-memory storage: the catalog of tables, indexes, views and triggers, each table's rows ordered by rowid (the
 * INTEGER PRIMARY KEY when the table has one) and its secondary indexes, all kept consistent on every write, and the
 * change log that undoes a failed statement or a rolled-back transaction.
 *
 * <p>Reading order: {@link dev.keel.sql.storage.ColumnSchema} and {@link dev.keel.sql.storage.TableSchema};
 * {@link dev.keel.sql.storage.TableStore} (rows and constraint checks); {@link dev.keel.sql.storage.SecondaryIndex}
 * and the B+-tree of its entries, {@code IndexTree};
 * {@link dev.keel.sql.storage.Change} and {@link dev.keel.sql.storage.ChangeLog}; {@link dev.keel.sql.storage.Catalog}.
 *
 * <p>Thread safety: not thread-safe. The engine serialises access (one writer or many readers, see
 * {@code dev.keel.sql.SQLEngine}); stored row arrays are never changed in place, so a reader may keep one.
 */
@NullMarked
package dev.keel.sql.storage;

import org.jspecify.annotations.NullMarked;

package dev.keel.bench.bank;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The same double-entry transfer in SQL, on PostgreSQL or SQLite: in one transaction, insert the transfer (its
 * primary key makes a resubmit a no-op), debit with the limit in the {@code WHERE} clause (no row updated: refused),
 * credit; the two updates in account-id order so that concurrent transfers cannot deadlock. Durable on commit:
 * PostgreSQL with {@code synchronous_commit=on}, SQLite in WAL mode with {@code synchronous=FULL}.
 *
 * <p>Each client owns one connection; the target itself only holds the URL.
 */
final class JdbcTarget implements TransferTarget {

    private final String name;
    private final String url;
    private final boolean sqlite;

    JdbcTarget(String name, String url, boolean sqlite) {
        this.name = name;
        this.url = url;
        this.sqlite = sqlite;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void setUp(int accounts) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS transfers");
            statement.execute("DROP TABLE IF EXISTS accounts");
            statement.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, debits_posted BIGINT NOT NULL,"
                    + " credits_posted BIGINT NOT NULL)");
            statement.execute("CREATE TABLE transfers (id TEXT PRIMARY KEY, debit_account INTEGER NOT NULL,"
                    + " credit_account INTEGER NOT NULL, amount BIGINT NOT NULL)");
            connection.setAutoCommit(false);
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO accounts VALUES (?, 0, 1000000000000)")) {
                for (int i = 0; i < accounts; i++) {
                    insert.setInt(1, i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        if (sqlite) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA busy_timeout=60000");
            }
        }
        return connection;
    }

    @Override
    public Client newClient() throws SQLException {
        Connection connection = connect();
        connection.setAutoCommit(false);
        String insertSql = sqlite
                ? "INSERT OR IGNORE INTO transfers VALUES (?, ?, ?, ?)"
                : "INSERT INTO transfers VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
        PreparedStatement begin = sqlite ? connection.prepareStatement("BEGIN IMMEDIATE") : null;
        PreparedStatement insert = connection.prepareStatement(insertSql);
        PreparedStatement debit = connection.prepareStatement("UPDATE accounts SET debits_posted = debits_posted + ?"
                + " WHERE id = ? AND debits_posted + ? <= credits_posted");
        PreparedStatement credit =
                connection.prepareStatement("UPDATE accounts SET credits_posted = credits_posted + ? WHERE id = ?");
        if (sqlite) {
            connection.setAutoCommit(true); // BEGIN IMMEDIATE takes the write lock up front: no upgrade deadlocks
        }
        return new Client() {
            @Override
            public boolean transfer(String id, int from, int to, long amount) throws SQLException {
                if (begin != null) {
                    begin.execute();
                }
                try {
                    insert.setString(1, id);
                    insert.setInt(2, from);
                    insert.setInt(3, to);
                    insert.setLong(4, amount);
                    if (insert.executeUpdate() == 0) {
                        commit();
                        return false;
                    }
                    boolean applied;
                    if (from < to) {
                        applied = debit(from, amount) && credit(to, amount);
                    } else {
                        applied = credit(to, amount) && debit(from, amount);
                    }
                    if (applied) {
                        commit();
                    } else {
                        rollback();
                    }
                    return applied;
                } catch (SQLException e) {
                    rollback();
                    throw e;
                }
            }

            private boolean debit(int account, long amount) throws SQLException {
                debit.setLong(1, amount);
                debit.setInt(2, account);
                debit.setLong(3, amount);
                return debit.executeUpdate() == 1;
            }

            private boolean credit(int account, long amount) throws SQLException {
                credit.setLong(1, amount);
                credit.setInt(2, account);
                return credit.executeUpdate() == 1;
            }

            private void commit() throws SQLException {
                if (sqlite) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("COMMIT");
                    }
                } else {
                    connection.commit();
                }
            }

            private void rollback() throws SQLException {
                if (sqlite) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("ROLLBACK");
                    }
                } else {
                    connection.rollback();
                }
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }

    @Override
    public void close() {}
}

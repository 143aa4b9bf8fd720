package dev.keel.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver through {@link DriverManager}, as tools use it. */
final class JdbcDriverTest {

    private final String url = "jdbc:keel:mem:" + UUID.randomUUID();
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection(url);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static String sqlState(ThrowingCall call) {
        try {
            call.run();
        } catch (SQLException e) {
            return e.getSQLState();
        }
        throw new AssertionError("expected an SQLException");
    }

    private interface ThrowingCall {
        void run() throws SQLException;
    }

    @Test
    void preparedStatements_insertAndQuery_withGettersAndWasNull() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users VALUES (?, ?, ?)")) {
            insert.setInt(1, 1);
            insert.setString(2, "ann");
            insert.setDouble(3, 2.5);
            assertThat(insert.executeUpdate()).isEqualTo(1);
            insert.setLong(1, 2);
            insert.setString(2, "bob");
            insert.setNull(3, Types.DOUBLE);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT id, name, score FROM users WHERE id >= ? ORDER BY id");
                ResultSet rs = bind(query, 1).executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("id")).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("ann");
            assertThat(rs.getDouble("score")).isEqualTo(2.5);
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble("score")).isZero();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getObject("score")).isNull();
            assertThat(rs.next()).isFalse();
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(3);
            assertThat(rs.getMetaData().getColumnName(2)).isEqualTo("name");
            assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.BIGINT);
        }
    }

    private static PreparedStatement bind(PreparedStatement statement, int value) throws SQLException {
        statement.setInt(1, value);
        return statement;
    }

    @Test
    void batch_insertsEveryParameterSet() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users(name) VALUES (?)")) {
            for (int i = 0; i < 5; i++) {
                insert.setString(1, "u" + i);
                insert.addBatch();
            }
            assertThat(insert.executeBatch()).containsExactly(1, 1, 1, 1, 1);
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(5);
        }
    }

    @Test
    void errors_carryTheirSqlState() throws SQLException {
        Statement s = connection.createStatement();
        s.execute("INSERT INTO users VALUES (1, 'ann', 1.0)");

        assertThat(sqlState(() -> s.execute("SELEC 1"))).isEqualTo("42000");
        assertThat(sqlState(() -> s.executeQuery("SELECT * FROM nope"))).isEqualTo("42S02");
        assertThat(sqlState(() -> s.executeQuery("SELECT agee FROM users"))).isEqualTo("42S22");
        assertThat(sqlState(() -> s.execute("INSERT INTO users VALUES (1, 'dup', 1.0)")))
                .isEqualTo("23505");
        assertThat(sqlState(() -> s.execute("INSERT INTO users(id) VALUES (2)")))
                .isEqualTo("23502");
        assertThatThrownBy(() -> s.executeQuery("SELECT * FROM nope")).hasMessageContaining("no such table: nope");
    }

    @Test
    void autocommitOff_rollbackUndoes_commitKeeps() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO users VALUES (1, 'ann', 1.0)");
            connection.rollback();
            s.execute("INSERT INTO users VALUES (2, 'bob', 1.0)");
            connection.commit();
        }
        connection.setAutoCommit(true);
        try (Connection other = DriverManager.getConnection(url);
                Statement s = other.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM users")) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            assertThat(ids).containsExactly(2L);
        }
    }

    @Test
    void commit_withAutocommitOn_isRejected() {
        assertThatThrownBy(() -> connection.commit())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("autocommit");
    }

    @Test
    void namedDatabase_isShared_unnamedIsPrivate() throws SQLException {
        try (Connection other = DriverManager.getConnection(url);
                Connection anonymous = DriverManager.getConnection("jdbc:keel:mem:")) {
            assertThat(other.getMetaData().getTables(null, null, "USERS", null).next())
                    .isTrue();
            assertThat(anonymous.getMetaData().getTables(null, null, "%", null).next())
                    .isFalse();
        }
    }

    @Test
    void metaData_listsTablesAndColumns() throws SQLException {
        connection.createStatement().execute("CREATE VIEW names AS SELECT name FROM users");
        DatabaseMetaData meta = connection.getMetaData();

        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
            }
        }
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, null, "users", "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + " "
                        + rs.getString("IS_NULLABLE"));
            }
        }
        assertThat(tables).containsExactly("names:VIEW", "users:TABLE");
        assertThat(columns).containsExactly("id INTEGER YES", "name TEXT NO", "score REAL YES");
        assertThat(meta.getDatabaseProductName()).isEqualTo("keel");
    }

    @Test
    void badUse_isRejectedWithAClearMessage() throws SQLException {
        PreparedStatement p = connection.prepareStatement("SELECT * FROM users WHERE id = ?");
        assertThat(sqlState(p::executeQuery)).isEqualTo("07001");
        assertThatThrownBy(() -> p.setInt(2, 1))
                .hasMessageContaining("parameter index 2 out of range (expected: 1 to 1)");
        assertThatThrownBy(() -> connection.createStatement().executeUpdate("SELECT 1"))
                .hasMessageContaining("use executeQuery");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:keel:file:")).hasMessageContaining("no path in");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:keel:disk:x"))
                .hasMessageContaining("unknown keel URL");
        connection.close();
        assertThat(sqlState(connection::createStatement)).isEqualTo("08003");
    }

    @Test
    void fileUrl_keepsCommittedRows_acrossConnections(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws SQLException {
        String fileUrl = "jdbc:keel:file:" + dir.resolve("db");
        try (Connection c = DriverManager.getConnection(fileUrl);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kv(k TEXT PRIMARY KEY, v INTEGER)");
            s.execute("INSERT INTO kv VALUES ('a', 1)");
        }
        try (Connection c = DriverManager.getConnection(fileUrl);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM kv WHERE k = 'a'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}

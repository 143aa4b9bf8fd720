package dev.keel.sql.jdbc;

import dev.keel.sql.engine.Database;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * keel's JDBC driver: {@code jdbc:keel:mem:<name>} opens (or creates) the in-memory database of that name, shared by
 * every connection to the same name in this JVM until the JVM exits; {@code jdbc:keel:mem:} (no name) opens a private
 * database. Registered with {@link DriverManager} through {@code META-INF/services/java.sql.Driver}.
 *
 * <p>{@code jdbc:keel:file:<path>} is recognised but file databases are not implemented yet: connecting fails with
 * a {@link SQLFeatureNotSupportedException} that says so.
 *
 * <p>Thread-safe. The named databases live in one JVM-wide map, as the names are JVM-wide (H2's {@code mem:} URLs
 * work the same way); it is the driver's only state.
 */
public final class KeelDriver implements Driver {

    private static final String PREFIX = "jdbc:keel:";
    private static final ConcurrentMap<String, Database> NAMED_MEMORY_DATABASES = new ConcurrentHashMap<>();

    static {
        try {
            DriverManager.registerDriver(new KeelDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The driver; {@link DriverManager} finds it by itself. */
    public KeelDriver() {}

    @Override
    public @Nullable Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        String rest = url.substring(PREFIX.length());
        if (rest.startsWith("mem:")) {
            String name = rest.substring("mem:".length());
            Database database =
                    name.isEmpty() ? new Database() : NAMED_MEMORY_DATABASES.computeIfAbsent(name, n -> new Database());
            return new KeelConnection(database, url);
        }
        if (rest.startsWith("file:")) {
            throw new SQLFeatureNotSupportedException(
                    "file databases (" + url + ") are not implemented yet; use jdbc:keel:mem:<name>", "0A000");
        }
        throw new SQLException(
                "unknown keel URL: " + url + " (expected: jdbc:keel:mem:<name> or jdbc:keel:file:<path>)", "08001");
    }

    @Override
    public boolean acceptsURL(@Nullable String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("keel does not log through java.util.logging");
    }
}

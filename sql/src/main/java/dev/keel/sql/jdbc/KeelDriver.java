package dev.keel.sql.jdbc;

import dev.keel.sql.engine.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
 * <p>{@code jdbc:keel:file:<directory>} opens the file database in that directory (creating it), once per JVM: every
 * connection to the same directory shares it, and it stays open until the JVM exits (its log is forced on every
 * commit, so nothing committed depends on a clean exit).
 *
 * <p>Thread-safe. The named and file databases live in JVM-wide maps, as the names are JVM-wide (H2's {@code mem:}
 * URLs work the same way); they are the driver's only state.
 */
public final class KeelDriver implements Driver {

    private static final String PREFIX = "jdbc:keel:";
    private static final ConcurrentMap<String, Database> NAMED_MEMORY_DATABASES = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, Database> FILE_DATABASES = new ConcurrentHashMap<>();

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
            String file = rest.substring("file:".length());
            if (file.isEmpty()) {
                throw new SQLException("no path in " + url + " (expected: jdbc:keel:file:<directory>)", "08001");
            }
            Path directory = Path.of(file).toAbsolutePath().normalize();
            try {
                return new KeelConnection(
                        FILE_DATABASES.computeIfAbsent(directory.toString(), d -> open(directory)), url);
            } catch (UncheckedIOException e) {
                throw new SQLException(
                        "cannot open " + url + ": " + e.getCause().getMessage(), "08001", e.getCause());
            }
        }
        throw new SQLException(
                "unknown keel URL: " + url + " (expected: jdbc:keel:mem:<name> or jdbc:keel:file:<path>)", "08001");
    }

    private static Database open(Path directory) {
        try {
            return Database.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

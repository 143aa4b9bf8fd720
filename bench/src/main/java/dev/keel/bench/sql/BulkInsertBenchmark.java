package dev.keel.bench.sql;

import dev.keel.bench.KeelBenchmark;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bulk insert into an indexed table: {@code rows} rows through one prepared statement in batches of 1,000, one
 * transaction, into a fresh in-memory database of each engine (keel, H2, SQLite; see {@link Engines}). Each
 * measurement is one whole load; the schema is created outside the measured time.
 *
 * <p>The issue asks for 1M rows; the default is 100,000 so that a run fits on a loaded 2-core machine
 * ({@code -p rows=1000000} for the full size).
 *
 * <p>Run: {@code ./keel bench sql.BulkInsertBenchmark -f 1 -wi 2 -i 3}; results in {@code bench/results/sql-*.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class BulkInsertBenchmark extends KeelBenchmark {

    @Param({"keel", "h2", "sqlite"})
    public String engine;

    @Param({"100000"})
    public int rows;

    private Connection connection;

    @Setup(Level.Invocation)
    public void setUp() throws SQLException {
        connection = Engines.open(engine);
        Engines.createSchema(connection);
    }

    @TearDown(Level.Invocation)
    public void tearDown() throws SQLException {
        connection.close();
    }

    @Benchmark
    public Connection insertRows() throws SQLException {
        connection.setAutoCommit(false);
        Engines.insertOrders(connection, rows, rows / 10, new SplittableRandom(42));
        connection.commit();
        return connection;
    }
}

package dev.keel.kv.server;

import static dev.keel.kv.server.InProcessServer.bulk;
import static dev.keel.kv.server.InProcessServer.bulks;
import static dev.keel.kv.server.InProcessServer.error;
import static dev.keel.kv.server.InProcessServer.integer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.kv.KeyValueStore;
import dev.keel.kv.KvOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET, SET and its options, GETDEL, INCR and friends, MSET, MGET: through the handler, without sockets. */
final class StringCommandsTest {

    @TempDir
    Path dir;

    private InProcessServer server;

    @BeforeEach
    void open() throws IOException {
        server = new InProcessServer(dir);
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private Reply run(String... words) {
        return server.run(words);
    }

    private long pttl(String key) {
        return ((Reply.Int) run("PTTL", key)).value();
    }

    @Test
    void setThenGet_returnsTheValue_missingIsNull() {
        assertThat(run("SET", "greeting", "hello")).isEqualTo(Reply.OK);
        assertThat(run("GET", "greeting")).isEqualTo(bulk("hello"));
        assertThat(run("get", "missing")).isEqualTo(Reply.NULL_BULK);
        assertThat(run("SeT", "greeting", "")).isEqualTo(Reply.OK);
        assertThat(run("GET", "greeting")).isEqualTo(bulk(""));
    }

    @Test
    void set_nxAndXx_writeOnlyWhenAbsentOrPresent() {
        assertThat(run("SET", "k", "1", "XX")).isEqualTo(Reply.NULL_BULK);
        assertThat(run("GET", "k")).isEqualTo(Reply.NULL_BULK);
        assertThat(run("SET", "k", "1", "NX")).isEqualTo(Reply.OK);
        assertThat(run("SET", "k", "2", "nx")).isEqualTo(Reply.NULL_BULK);
        assertThat(run("SET", "k", "3", "XX")).isEqualTo(Reply.OK);
        assertThat(run("GET", "k")).isEqualTo(bulk("3"));
        assertThat(run("SET", "k", "4", "NX", "XX")).isEqualTo(error("ERR syntax error"));
    }

    @Test
    void set_get_returnsTheOldValue_evenWhenNxRefusesTheWrite() {
        assertThat(run("SET", "k", "v1", "GET")).isEqualTo(Reply.NULL_BULK);
        assertThat(run("SET", "k", "v2", "GET")).isEqualTo(bulk("v1"));
        assertThat(run("SET", "k", "v3", "NX", "GET")).isEqualTo(bulk("v2"));
        assertThat(run("GET", "k")).isEqualTo(bulk("v2"));
        assertThat(run("GETSET", "k", "v4")).isEqualTo(bulk("v2"));
        assertThat(run("GET", "k")).isEqualTo(bulk("v4"));
    }

    @Test
    void set_exAndPx_expireByTheStoreClock() {
        assertThat(run("SET", "session", "token", "EX", "10")).isEqualTo(Reply.OK);
        assertThat(run("SET", "short", "x", "PX", "1500")).isEqualTo(Reply.OK);
        assertThat(run("TTL", "session")).isEqualTo(integer(10));
        assertThat(pttl("short")).isEqualTo(1500);
        server.clock.advance(Duration.ofMillis(1500));
        assertThat(run("GET", "short")).isEqualTo(Reply.NULL_BULK);
        assertThat(run("GET", "session")).isEqualTo(bulk("token"));
        server.clock.advance(Duration.ofMillis(8500));
        assertThat(run("GET", "session")).isEqualTo(Reply.NULL_BULK);
    }

    @Test
    void set_withoutTtlOption_clearsTheTtl_keepTtlKeepsIt() {
        run("SET", "k", "v", "EX", "100");
        assertThat(run("SET", "k", "v2", "KEEPTTL")).isEqualTo(Reply.OK);
        assertThat(pttl("k")).isEqualTo(100_000);
        assertThat(run("SET", "k", "v3")).isEqualTo(Reply.OK);
        assertThat(pttl("k")).isEqualTo(-1);
    }

    @Test
    void set_nxWithEx_isOneAtomicStep_theLockHasItsLease() {
        assertThat(run("SET", "lock", "owner-a", "NX", "PX", "30000")).isEqualTo(Reply.OK);
        assertThat(run("SET", "lock", "owner-b", "NX", "PX", "30000")).isEqualTo(Reply.NULL_BULK);
        assertThat(pttl("lock")).isEqualTo(30_000);
        server.clock.advance(Duration.ofSeconds(30));
        assertThat(run("SET", "lock", "owner-b", "NX", "PX", "30000")).isEqualTo(Reply.OK);
        assertThat(run("GET", "lock")).isEqualTo(bulk("owner-b"));
    }

    @Test
    void set_exatAndPxat_absoluteTimes_inThePastDeleteTheKey() {
        long now = server.clock.instant().toEpochMilli();
        assertThat(run("SET", "k", "v", "PXAT", Long.toString(now + 2500))).isEqualTo(Reply.OK);
        assertThat(pttl("k")).isEqualTo(2500);
        assertThat(run("SET", "k", "v", "EXAT", Long.toString(now / 1000 + 60))).isEqualTo(Reply.OK);
        assertThat(run("TTL", "k")).isEqualTo(integer(60));
        assertThat(run("SET", "k", "v", "EXAT", "1")).isEqualTo(Reply.OK);
        assertThat(run("EXISTS", "k")).isEqualTo(integer(0));
    }

    @Test
    void set_badTtlOptions_redisErrors() {
        assertThat(run("SET", "k", "v", "EX", "0")).isEqualTo(error("ERR invalid expire time in 'set' command"));
        assertThat(run("SET", "k", "v", "PX", "-5")).isEqualTo(error("ERR invalid expire time in 'set' command"));
        assertThat(run("SET", "k", "v", "EX", "9223372036854775807"))
                .isEqualTo(error("ERR invalid expire time in 'set' command"));
        assertThat(run("SET", "k", "v", "PX", "9223372036854775807"))
                .isEqualTo(error("ERR invalid expire time in 'set' command"));
        assertThat(run("SET", "k", "v", "EX", "ten")).isEqualTo(error("ERR value is not an integer or out of range"));
        assertThat(run("SET", "k", "v", "EX")).isEqualTo(error("ERR syntax error"));
        assertThat(run("SET", "k", "v", "EX", "1", "PX", "1")).isEqualTo(error("ERR syntax error"));
        assertThat(run("SET", "k", "v", "KEEPTTL", "EX", "1")).isEqualTo(error("ERR syntax error"));
        assertThat(run("SET", "k", "v", "FOREVER")).isEqualTo(error("ERR syntax error"));
        assertThat(run("SETEX", "k", "0", "v")).isEqualTo(error("ERR invalid expire time in 'setex' command"));
        assertThat(run("EXISTS", "k")).isEqualTo(integer(0));
    }

    @Test
    void setexAndPsetex_positiveTime_setWithATtl() {
        assertThat(run("SETEX", "k", "5", "v")).isEqualTo(Reply.OK);
        assertThat(pttl("k")).isEqualTo(5000);
        assertThat(run("PSETEX", "p", "250", "v")).isEqualTo(Reply.OK);
        assertThat(pttl("p")).isEqualTo(250);
    }

    @Test
    void getDel_presentKey_returnsAndRemovesIt() {
        run("SET", "k", "v");
        assertThat(run("GETDEL", "k")).isEqualTo(bulk("v"));
        assertThat(run("GETDEL", "k")).isEqualTo(Reply.NULL_BULK);
        assertThat(run("EXISTS", "k")).isEqualTo(integer(0));
    }

    @Test
    void incrFamily_missingKey_countsFromZero() {
        assertThat(run("INCR", "n")).isEqualTo(integer(1));
        assertThat(run("INCRBY", "n", "41")).isEqualTo(integer(42));
        assertThat(run("DECR", "n")).isEqualTo(integer(41));
        assertThat(run("DECRBY", "n", "-9")).isEqualTo(integer(50));
        assertThat(run("INCRBY", "n", "-100")).isEqualTo(integer(-50));
        assertThat(run("GET", "n")).isEqualTo(bulk("-50"));
    }

    @Test
    void incr_keepsTheCountersTtl_asRedisDoes() {
        run("INCR", "hits");
        run("EXPIRE", "hits", "60");
        server.clock.advance(Duration.ofSeconds(20));
        assertThat(run("INCR", "hits")).isEqualTo(integer(2));
        assertThat(run("TTL", "hits")).isEqualTo(integer(40));
    }

    @Test
    void incr_ofANonInteger_orOverflowing_redisErrorsAndNoChange() {
        for (String stored : new String[] {"abc", "01", " 1", "1.5", "", "99999999999999999999"}) {
            run("SET", "v", stored);
            assertThat(run("INCR", "v"))
                    .as("'%s'", stored)
                    .isEqualTo(error("ERR value is not an integer or out of range"));
        }
        assertThat(run("INCRBY", "n", "x")).isEqualTo(error("ERR value is not an integer or out of range"));
        run("SET", "n", "9223372036854775807");
        assertThat(run("INCR", "n")).isEqualTo(error("ERR increment or decrement would overflow"));
        assertThat(run("DECRBY", "n", "-9223372036854775808")).isEqualTo(error("ERR decrement would overflow"));
        assertThat(run("GET", "n")).isEqualTo(bulk("9223372036854775807"));
    }

    @Test
    void msetAndMget_manyKeys_atOnce() {
        assertThat(run("MSET", "a", "1", "b", "2")).isEqualTo(Reply.OK);
        assertThat(run("MGET", "a", "missing", "b"))
                .isEqualTo(InProcessServer.array(bulk("1"), Reply.NULL_BULK, bulk("2")));
        assertThat(run("MSET", "a", "1", "b")).isEqualTo(error("ERR wrong number of arguments for 'mset' command"));
    }

    @Test
    void mset_keyWithTtl_clearsIt() {
        run("SET", "a", "1", "EX", "10");
        run("MSET", "a", "2");
        assertThat(pttl("a")).isEqualTo(-1);
    }

    @Test
    void valueOverTheStoresLimit_errorNamesSizeAndLimit_andTheConnectionCarriesOn() throws IOException {
        server.close();
        server = new InProcessServer(
                dir.resolve("small"), KvOptions.builder(dir.resolve("small")).maxValueSize(8));
        assertThat(run("SET", "k", "123456789"))
                .isEqualTo(error("ERR value of 9 bytes exceeds the store's limit of 8 bytes (maxValueSize)"));
        assertThat(run("MSET", "a", "1", "b", "123456789"))
                .isEqualTo(error("ERR value of 9 bytes exceeds the store's limit of 8 bytes (maxValueSize)"));
        assertThat(run("EXISTS", "a", "k")).isEqualTo(integer(0));
        assertThat(run("SET", "k", "12345678")).isEqualTo(Reply.OK);
    }

    @Test
    void keysTheStoreCannotHold_readAsAbsent_writesAreRefused() throws IOException {
        server.close();
        server = new InProcessServer(
                dir.resolve("small"), KvOptions.builder(dir.resolve("small")).maxKeySize(4));
        assertThat(run("GET", "")).isEqualTo(Reply.NULL_BULK);
        assertThat(run("GET", "12345")).isEqualTo(Reply.NULL_BULK);
        assertThat(run("SET", "", "v"))
                .isEqualTo(error("ERR empty keys are not supported: keel's store needs at least one byte"));
        assertThat(run("SET", "12345", "v"))
                .isEqualTo(error("ERR key of 5 bytes exceeds the store's limit of 4 bytes (maxKeySize)"));
        assertThat(run("INCR", "12345"))
                .isEqualTo(error("ERR key of 5 bytes exceeds the store's limit of 4 bytes (maxKeySize)"));
    }

    @Test
    void setAndGet_binaryKeysAndValues_roundTrip() {
        String key = new String(new byte[] {0, (byte) 0xFF, '\r', '\n'}, StandardCharsets.ISO_8859_1);
        String value = new String(new byte[] {(byte) 0x80, 0, 1, 2}, StandardCharsets.ISO_8859_1);
        assertThat(run("SET", key, value)).isEqualTo(Reply.OK);
        assertThat(run("GET", key)).isEqualTo(bulk(value));
        assertThat(run("KEYS", "*")).isEqualTo(bulks(key));
    }

    @Test
    void writes_thatWereAnswered_areInTheStoreAfterReopening() throws IOException {
        run("SET", "k", "v");
        run("INCR", "n");
        server.store.close();
        try (KeyValueStore reopened = KeyValueStore.open(dir)) {
            assertThat(reopened.get("k".getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo("v".getBytes(StandardCharsets.UTF_8));
            assertThat(reopened.get("n".getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo("1".getBytes(StandardCharsets.UTF_8));
        }
    }
}

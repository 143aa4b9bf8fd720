package dev.keel.kv.server;

import static dev.keel.kv.server.InProcessServer.bulk;
import static dev.keel.kv.server.InProcessServer.bulks;
import static dev.keel.kv.server.InProcessServer.error;
import static dev.keel.kv.server.InProcessServer.integer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.kv.KeyValueStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DEL, EXISTS, EXPIRE, TTL, PERSIST, TYPE, KEYS, DBSIZE, FLUSHDB: through the handler, on fake time. */
final class KeyspaceCommandsTest {

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

    @Test
    void delAndExists_countKeys_aRepeatedKeyCountsTwiceForExists() {
        run("MSET", "a", "1", "b", "2", "c", "3");
        assertThat(run("EXISTS", "a", "a", "missing", "b")).isEqualTo(integer(3));
        assertThat(run("DEL", "a", "b", "missing", "a")).isEqualTo(integer(2));
        assertThat(run("UNLINK", "c")).isEqualTo(integer(1));
        assertThat(run("EXISTS", "a", "b", "c")).isEqualTo(integer(0));
    }

    @Test
    void ttl_missingIsMinusTwo_noTtlIsMinusOne_elseRoundedSeconds() {
        assertThat(run("TTL", "missing")).isEqualTo(integer(-2));
        assertThat(run("PTTL", "missing")).isEqualTo(integer(-2));
        run("SET", "k", "v");
        assertThat(run("TTL", "k")).isEqualTo(integer(-1));
        assertThat(run("PEXPIRE", "k", "1500")).isEqualTo(Reply.ONE);
        assertThat(run("TTL", "k")).isEqualTo(integer(2)); // 1.5 s rounds to 2, as (ms + 500) / 1000 in Redis
        server.clock.advance(Duration.ofMillis(1));
        assertThat(run("TTL", "k")).isEqualTo(integer(1));
        assertThat(run("PTTL", "k")).isEqualTo(integer(1499));
        server.clock.advance(Duration.ofMillis(1499));
        assertThat(run("TTL", "k")).isEqualTo(integer(-2));
    }

    @Test
    void expire_ofAMissingKey_isZero_ofAPresentKey_isOne() {
        assertThat(run("EXPIRE", "missing", "10")).isEqualTo(Reply.ZERO);
        run("SET", "k", "v");
        assertThat(run("EXPIRE", "k", "10")).isEqualTo(Reply.ONE);
        assertThat(run("TTL", "k")).isEqualTo(integer(10));
        assertThat(run("GET", "k")).isEqualTo(bulk("v"));
    }

    @Test
    void expire_zeroOrNegative_deletesTheKey_asRedis() {
        run("SET", "k", "v");
        assertThat(run("EXPIRE", "k", "-1")).isEqualTo(Reply.ONE);
        assertThat(run("EXISTS", "k")).isEqualTo(integer(0));
        assertThat(run("PEXPIRE", "k", "0")).isEqualTo(Reply.ZERO);
    }

    @Test
    void expire_badArguments_redisErrors() {
        run("SET", "k", "v");
        assertThat(run("EXPIRE", "k", "9223372036854775807"))
                .isEqualTo(error("ERR invalid expire time in 'expire' command"));
        assertThat(run("PEXPIRE", "missing", "9223372036854775807"))
                .isEqualTo(error("ERR invalid expire time in 'pexpire' command"));
        assertThat(run("EXPIRE", "k", "soon")).isEqualTo(error("ERR value is not an integer or out of range"));
        assertThat(run("EXPIRE", "k", "10", "foo")).isEqualTo(error("ERR Unsupported option foo"));
        assertThat(run("EXPIRE", "k", "10", "nx"))
                .isEqualTo(
                        error("ERR the NX option of EXPIRE is not supported by keel (it takes no NX, XX, GT or LT)"));
        assertThat(run("TTL", "k")).isEqualTo(integer(-1));
    }

    @Test
    void persist_removesTheTtl_onlyOnce() {
        run("SET", "k", "v", "EX", "5");
        assertThat(run("PERSIST", "k")).isEqualTo(Reply.ONE);
        assertThat(run("PERSIST", "k")).isEqualTo(Reply.ZERO);
        assertThat(run("PERSIST", "missing")).isEqualTo(Reply.ZERO);
        server.clock.advance(Duration.ofSeconds(10));
        assertThat(run("GET", "k")).isEqualTo(bulk("v"));
    }

    @Test
    void type_presentOrMissing_stringOrNone() {
        run("SET", "k", "v");
        assertThat(run("TYPE", "k")).isEqualTo(new Reply.Simple("string"));
        assertThat(run("TYPE", "missing")).isEqualTo(new Reply.Simple("none"));
    }

    @Test
    void keys_globPatterns_inKeyOrder() {
        run("MSET", "user:1", "a", "user:2", "b", "user:10", "c", "order:1", "d", "hello", "e", "hallo", "f");
        assertThat(run("KEYS", "*")).isEqualTo(bulks("hallo", "hello", "order:1", "user:1", "user:10", "user:2"));
        assertThat(run("KEYS", "user:*")).isEqualTo(bulks("user:1", "user:10", "user:2"));
        assertThat(run("KEYS", "user:?")).isEqualTo(bulks("user:1", "user:2"));
        assertThat(run("KEYS", "h[ae]llo")).isEqualTo(bulks("hallo", "hello"));
        assertThat(run("KEYS", "h[^e]llo")).isEqualTo(bulks("hallo"));
        assertThat(run("KEYS", "*:1*")).isEqualTo(bulks("order:1", "user:1", "user:10"));
        assertThat(run("KEYS", "hello")).isEqualTo(bulks("hello"));
        assertThat(run("KEYS", "nothing*")).isEqualTo(Reply.EMPTY_ARRAY);
    }

    @Test
    void keys_expiredKeys_skipped() {
        run("SET", "a", "1", "PX", "10");
        run("SET", "b", "2");
        server.clock.advance(Duration.ofMillis(10));
        assertThat(run("KEYS", "*")).isEqualTo(bulks("b"));
    }

    @Test
    void dbsizeAndFlushdb_moreKeysThanOneBatch_countAndClearEverything() {
        assertThat(run("DBSIZE")).isEqualTo(integer(0));
        for (int i = 0; i < KeyValueStore.CLEAR_BATCH * 2 + 7; i++) {
            run("SET", "key:" + i, "v");
        }
        assertThat(run("DBSIZE")).isEqualTo(integer(KeyValueStore.CLEAR_BATCH * 2 + 7));
        assertThat(run("FLUSHDB")).isEqualTo(Reply.OK);
        assertThat(run("DBSIZE")).isEqualTo(integer(0));
        assertThat(run("KEYS", "*")).isEqualTo(Reply.EMPTY_ARRAY);
        run("SET", "k", "v");
        assertThat(run("FLUSHALL", "ASYNC")).isEqualTo(Reply.OK);
        assertThat(run("DBSIZE")).isEqualTo(integer(0));
        assertThat(run("FLUSHDB", "LATER")).isEqualTo(error("ERR syntax error"));
    }
}

package dev.keel.kv.server;

import static dev.keel.kv.server.InProcessServer.array;
import static dev.keel.kv.server.InProcessServer.bulk;
import static dev.keel.kv.server.InProcessServer.bulks;
import static dev.keel.kv.server.InProcessServer.error;
import static dev.keel.kv.server.InProcessServer.integer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LPUSH, RPUSH, LPOP, RPOP, LRANGE, LLEN and WRONGTYPE: through the handler, answered as Redis 7.0 answers. */
final class ListCommandsTest {

    private static final Reply WRONGTYPE = error("WRONGTYPE Operation against a key holding the wrong kind of value");

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
    void pushesAndRanges_keepRedisOrder() {
        assertThat(run("LPUSH", "l", "a", "b", "c")).isEqualTo(integer(3));
        assertThat(run("RPUSH", "l", "d")).isEqualTo(integer(4));
        assertThat(run("LRANGE", "l", "0", "-1")).isEqualTo(bulks("c", "b", "a", "d"));
        assertThat(run("LRANGE", "l", "1", "2")).isEqualTo(bulks("b", "a"));
        assertThat(run("LRANGE", "l", "-2", "100")).isEqualTo(bulks("a", "d"));
        assertThat(run("LRANGE", "l", "5", "10")).isEqualTo(array());
        assertThat(run("LRANGE", "missing", "0", "-1")).isEqualTo(array());
        assertThat(run("LLEN", "l")).isEqualTo(integer(4));
        assertThat(run("LLEN", "missing")).isEqualTo(integer(0));
        assertThat(run("TYPE", "l")).isEqualTo(new Reply.Simple("list"));
    }

    @Test
    void pops_withAndWithoutCount_answerLikeRedis7() {
        run("RPUSH", "l", "a", "b", "c", "d");
        assertThat(run("LPOP", "l")).isEqualTo(bulk("a"));
        assertThat(run("RPOP", "l")).isEqualTo(bulk("d"));
        assertThat(run("LPOP", "l", "0")).isEqualTo(array());
        assertThat(run("RPOP", "l", "5")).isEqualTo(bulks("c", "b"));
        assertThat(run("EXISTS", "l")).isEqualTo(integer(0)); // the last pop deleted the key
        assertThat(run("LPOP", "l")).isEqualTo(Reply.NULL_BULK);
        assertThat(run("LPOP", "l", "2")).isEqualTo(Reply.NULL_ARRAY);
        assertThat(run("LPOP", "l", "0")).isEqualTo(Reply.NULL_ARRAY);
    }

    @Test
    void wrongTypes_answerWrongtype_andChangeNothing() {
        run("SET", "s", "text");
        run("RPUSH", "l", "x");
        assertThat(run("LPUSH", "s", "y")).isEqualTo(WRONGTYPE);
        assertThat(run("LPOP", "s")).isEqualTo(WRONGTYPE);
        assertThat(run("LPOP", "s", "0")).isEqualTo(WRONGTYPE);
        assertThat(run("LRANGE", "s", "0", "-1")).isEqualTo(WRONGTYPE);
        assertThat(run("LLEN", "s")).isEqualTo(WRONGTYPE);
        assertThat(run("GET", "l")).isEqualTo(WRONGTYPE);
        assertThat(run("INCR", "l")).isEqualTo(WRONGTYPE);
        assertThat(run("GETDEL", "l")).isEqualTo(WRONGTYPE);
        assertThat(run("SET", "l", "v", "GET")).isEqualTo(WRONGTYPE);
        assertThat(run("SET", "l", "v", "NX")).isEqualTo(Reply.NULL_BULK);
        assertThat(run("MGET", "s", "l")).isEqualTo(array(bulk("text"), Reply.NULL_BULK));
        assertThat(run("GET", "s")).isEqualTo(bulk("text"));
        assertThat(run("LRANGE", "l", "0", "-1")).isEqualTo(bulks("x"));
        // SET replaces a list, as in Redis; DEL deletes one.
        assertThat(run("SET", "l", "now a string")).isEqualTo(Reply.OK);
        assertThat(run("GET", "l")).isEqualTo(bulk("now a string"));
        run("RPUSH", "m", "1");
        assertThat(run("DEL", "m")).isEqualTo(integer(1));
        assertThat(run("TYPE", "m")).isEqualTo(new Reply.Simple("none"));
    }

    @Test
    void badArguments_getRedisErrors() {
        assertThat(run("LPUSH", "l")).isEqualTo(error("ERR wrong number of arguments for 'lpush' command"));
        assertThat(run("LRANGE", "l", "0")).isEqualTo(error("ERR wrong number of arguments for 'lrange' command"));
        assertThat(run("LRANGE", "l", "zero", "1")).isEqualTo(error("ERR value is not an integer or out of range"));
        assertThat(run("LPOP", "l", "-1")).isEqualTo(error("ERR value is out of range, must be positive"));
        assertThat(run("LPOP", "l", "1", "2")).isEqualTo(error("ERR syntax error"));
        assertThat(run("EXISTS", "l")).isEqualTo(integer(0));
    }

    @Test
    void keysScanAndDbsize_seeLists_andTtlsApplyToThem() {
        run("SET", "s", "1");
        run("RPUSH", "l", "a");
        assertThat(run("KEYS", "*")).isEqualTo(bulks("l", "s"));
        assertThat(run("SCAN", "0", "TYPE", "list")).isEqualTo(array(bulk("0"), bulks("l")));
        assertThat(run("SCAN", "0", "TYPE", "string")).isEqualTo(array(bulk("0"), bulks("s")));
        assertThat(run("SCAN", "0", "TYPE", "hash")).isEqualTo(array(bulk("0"), array()));
        assertThat(run("DBSIZE")).isEqualTo(integer(2));
        assertThat(run("EXPIRE", "l", "10")).isEqualTo(Reply.ONE);
        assertThat(run("RPUSH", "l", "b")).isEqualTo(integer(2));
        assertThat(run("TTL", "l")).isEqualTo(integer(10));
        server.clock.advance(Duration.ofSeconds(10));
        assertThat(run("LLEN", "l")).isEqualTo(integer(0));
        assertThat(run("FLUSHDB")).isEqualTo(Reply.OK);
        assertThat(run("DBSIZE")).isEqualTo(integer(0));
    }
}

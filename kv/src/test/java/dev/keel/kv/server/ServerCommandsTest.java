package dev.keel.kv.server;

import static dev.keel.kv.server.InProcessServer.array;
import static dev.keel.kv.server.InProcessServer.bulk;
import static dev.keel.kv.server.InProcessServer.bulks;
import static dev.keel.kv.server.InProcessServer.error;
import static dev.keel.kv.server.InProcessServer.integer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection and server commands, and the errors every command shares (unknown, arity), in Redis 7's wording. */
final class ServerCommandsTest {

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

    private static String text(Reply reply) {
        assertThat(reply).isInstanceOf(Reply.Bulk.class);
        return new String(((Reply.Bulk) reply).data(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void unknownCommand_redis7Wording_quotingTheArguments() {
        assertThat(run("FOO", "a", "b"))
                .isEqualTo(error("ERR unknown command 'FOO', with args beginning with: 'a' 'b' "));
        assertThat(run("foo")).isEqualTo(error("ERR unknown command 'foo', with args beginning with: "));
        String longArg = "x".repeat(200);
        assertThat(run("foo", longArg, "next"))
                .isEqualTo(error("ERR unknown command 'foo', with args beginning with: '" + "x".repeat(128) + "' "));
    }

    @Test
    void wrongArity_redisWording_andTheNextCommandWorks() {
        assertThat(run("GET")).isEqualTo(error("ERR wrong number of arguments for 'get' command"));
        assertThat(run("get", "a", "b")).isEqualTo(error("ERR wrong number of arguments for 'get' command"));
        assertThat(run("PING", "a", "b")).isEqualTo(error("ERR wrong number of arguments for 'ping' command"));
        assertThat(run("CLIENT")).isEqualTo(error("ERR wrong number of arguments for 'client' command"));
        assertThat(run("CLIENT", "SETNAME"))
                .isEqualTo(error("ERR wrong number of arguments for 'client|setname' command"));
        assertThat(run("CONFIG", "GET")).isEqualTo(error("ERR wrong number of arguments for 'config|get' command"));
        assertThat(run("PING")).isEqualTo(Reply.PONG);
    }

    @Test
    void subcommand_unknown_redisWording() {
        assertThat(run("client", "foo")).isEqualTo(error("ERR unknown subcommand 'foo'. Try CLIENT HELP."));
        assertThat(run("CONFIG", "foo")).isEqualTo(error("ERR unknown subcommand 'foo'. Try CONFIG HELP."));
        assertThat(run("COMMAND", "foo")).isEqualTo(error("ERR unknown subcommand 'foo'. Try COMMAND HELP."));
        assertThat(run("CLIENT", "HELP")).isInstanceOf(Reply.Array.class);
    }

    @Test
    void pingAndEcho_withAndWithoutMessage_replyAsRedis() {
        assertThat(run("PING")).isEqualTo(Reply.PONG);
        assertThat(run("PING", "hi")).isEqualTo(bulk("hi"));
        assertThat(run("ECHO", "hello world")).isEqualTo(bulk("hello world"));
    }

    @Test
    void select_anyIndex_onlyDatabaseZeroExists() {
        assertThat(run("SELECT", "0")).isEqualTo(Reply.OK);
        assertThat(run("SELECT", "1")).isEqualTo(error("ERR DB index is out of range"));
        assertThat(run("SELECT", "x")).isEqualTo(error("ERR value is not an integer or out of range"));
    }

    @Test
    void quit_anyTime_repliesOkAndAsksToClose() {
        assertThat(server.session.closeRequested()).isFalse();
        assertThat(run("QUIT")).isEqualTo(Reply.OK);
        assertThat(server.session.closeRequested()).isTrue();
    }

    @Test
    void info_anySection_redisFormatAndFields() {
        run("MSET", "a", "1", "b", "2");
        String info = text(run("INFO"));
        assertThat(info)
                .startsWith("# Server\r\nredis_version:7.0.0-keel\r\n")
                .contains("tcp_port:6379\r\n", "connected_clients:1\r\n", "aof_enabled:1\r\n")
                .contains("\r\n\r\n# Clients\r\n")
                .endsWith("# Keyspace\r\ndb0:keys=2,expires=0,avg_ttl=0\r\n");
        assertThat(text(run("INFO", "keyspace"))).isEqualTo("# Keyspace\r\ndb0:keys=2,expires=0,avg_ttl=0\r\n");
        assertThat(text(run("info", "CLIENTS", "server")))
                .startsWith("# Server\r\n")
                .contains("# Clients\r\n");
        assertThat(text(run("INFO", "nosuchsection"))).isEmpty();
        run("FLUSHDB");
        assertThat(text(run("INFO", "keyspace"))).isEqualTo("# Keyspace\r\n");
    }

    @Test
    void configGet_answersWhatRedisToolsAsk_unknownIsEmpty() {
        assertThat(run("CONFIG", "GET", "save")).isEqualTo(bulks("save", ""));
        assertThat(run("CONFIG", "GET", "appendonly")).isEqualTo(bulks("appendonly", "yes"));
        assertThat(run("CONFIG", "GET", "appendfsync")).isEqualTo(bulks("appendfsync", "always"));
        assertThat(run("config", "get", "nosuchparameter")).isEqualTo(Reply.EMPTY_ARRAY);
        assertThat(run("CONFIG", "GET", "APPEND*")).isEqualTo(bulks("appendonly", "yes", "appendfsync", "always"));
        assertThat(run("CONFIG", "GET", "save", "databases")).isEqualTo(bulks("save", "", "databases", "1"));
        assertThat(run("CONFIG", "SET", "nosuch", "1"))
                .isEqualTo(error("ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'"));
        assertThat(run("CONFIG", "RESETSTAT")).isEqualTo(Reply.OK);
    }

    @Test
    void command_describesEveryCommand_docsIsEmpty() {
        Reply all = run("COMMAND");
        assertThat(((Reply.Array) all).elements()).hasSize(CommandSpec.values().length);
        assertThat(run("COMMAND", "COUNT")).isEqualTo(integer(CommandSpec.values().length));
        assertThat(run("COMMAND", "DOCS")).isEqualTo(Reply.EMPTY_ARRAY);
        assertThat(run("COMMAND", "DOCS", "get")).isEqualTo(Reply.EMPTY_ARRAY);
        Reply get = run("COMMAND", "INFO", "get", "nosuch");
        assertThat(((Reply.Array) get).elements().get(1)).isEqualTo(Reply.NULL_BULK);
        assertThat(run("COMMAND", "INFO")).isEqualTo(all);
        List<Reply> entry = ((Reply.Array) ((Reply.Array) get).elements().getFirst()).elements();
        assertThat(entry).hasSize(10);
        assertThat(entry.subList(0, 6))
                .containsExactly(
                        bulk("get"),
                        integer(2),
                        array(new Reply.Simple("readonly"), new Reply.Simple("fast")),
                        integer(1),
                        integer(1),
                        integer(1));
    }

    @Test
    void client_setnameGetnameIdInfoList_answerForThisConnection() {
        assertThat(run("CLIENT", "GETNAME")).isEqualTo(Reply.NULL_BULK);
        assertThat(run("CLIENT", "SETNAME", "worker-1")).isEqualTo(Reply.OK);
        assertThat(run("CLIENT", "GETNAME")).isEqualTo(bulk("worker-1"));
        assertThat(run("CLIENT", "SETNAME", "has space"))
                .isEqualTo(error("ERR Client names cannot contain spaces, newlines or special characters."));
        assertThat(run("CLIENT", "SETNAME", "")).isEqualTo(Reply.OK);
        assertThat(run("CLIENT", "GETNAME")).isEqualTo(Reply.NULL_BULK);
        assertThat(run("CLIENT", "ID")).isEqualTo(integer(server.session.id()));
        assertThat(text(run("CLIENT", "INFO"))).startsWith("id=" + server.session.id() + " addr=127.0.0.1:50000 ");
        server.run(server.newSession(), "CLIENT", "SETNAME", "other");
        assertThat(text(run("CLIENT", "LIST")).lines()).hasSize(2).anyMatch(line -> line.contains(" name=other "));
        assertThat(run("CLIENT", "SETINFO", "lib-name", "redis-py")).isEqualTo(Reply.OK);
    }

    @Test
    void hello_speaksResp2Only_andCanNameTheConnection() {
        Reply hello = run("HELLO", "2", "SETNAME", "app");
        List<Reply> fields = ((Reply.Array) hello).elements();
        assertThat(fields).hasSize(14);
        assertThat(fields.subList(0, 6))
                .containsExactly(
                        bulk("server"), bulk("redis"), bulk("version"), bulk("7.0.0-keel"), bulk("proto"), integer(2));
        assertThat(run("CLIENT", "GETNAME")).isEqualTo(bulk("app"));
        assertThat(run("HELLO")).isInstanceOf(Reply.Array.class);
        assertThat(run("HELLO", "3")).isEqualTo(error("NOPROTO unsupported protocol version"));
        assertThat(run("HELLO", "x")).isEqualTo(error("ERR Protocol version is not an integer or out of range"));
        assertThat(run("HELLO", "2", "FOO")).isEqualTo(error("ERR Syntax error in HELLO option 'FOO'"));
        assertThat(run("HELLO", "2", "AUTH", "default", "anything")).isInstanceOf(Reply.Array.class);
        assertThat(run("HELLO", "2", "AUTH", "alice", "secret"))
                .isEqualTo(error("WRONGPASS invalid username-password pair or user is disabled."));
    }

    @Test
    void auth_withoutAConfiguredPassword_asRedis() {
        assertThat(run("AUTH", "secret"))
                .isEqualTo(error("ERR AUTH <password> called without any password configured for the default user. "
                        + "Are you sure your configuration is correct?"));
        assertThat(run("AUTH", "default", "anything")).isEqualTo(Reply.OK);
        assertThat(run("AUTH", "alice", "secret"))
                .isEqualTo(error("WRONGPASS invalid username-password pair or user is disabled."));
    }

    @Test
    void closedStore_repliesWithAnError_insteadOfFailing() throws IOException {
        server.store.close();
        assertThat(run("SET", "k", "v")).isInstanceOf(Reply.Error.class);
        assertThat(run("GET", "k")).isInstanceOf(Reply.Error.class);
        assertThat(run("KEYS", "*")).isInstanceOf(Reply.Error.class);
        assertThat(run("PING")).isEqualTo(Reply.PONG);
    }
}

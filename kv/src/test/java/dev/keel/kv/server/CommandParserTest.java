package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.kv.server.StringCommand.Condition;
import dev.keel.kv.server.StringCommand.TtlOption;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests into command records, and which error wins when a request has several (Redis's order). */
final class CommandParserTest {

    private final CommandParser parser = new CommandParser();

    private Command parse(String... words) throws CommandException {
        return parser.parse(Arrays.stream(words)
                .map(word -> word.getBytes(StandardCharsets.ISO_8859_1))
                .toList());
    }

    private String errorOf(String... words) {
        try {
            parse(words);
        } catch (CommandException e) {
            return e.getMessage();
        }
        throw new AssertionError("parsed " + List.of(words) + " without an error");
    }

    @Test
    void parse_setWithEveryOption_intoOneRecord() throws CommandException {
        StringCommand.Set set = (StringCommand.Set) parse("set", "k", "v", "nx", "get", "ex", "10");
        assertThat(set.key()).isEqualTo("k".getBytes(StandardCharsets.US_ASCII));
        assertThat(set.condition()).isEqualTo(Condition.IF_ABSENT);
        assertThat(set.returnOld()).isTrue();
        assertThat(set.ttl()).isEqualTo(new TtlOption.After(10_000));
        assertThat(((StringCommand.Set) parse("SET", "k", "v", "PXAT", "5")).ttl())
                .isEqualTo(new TtlOption.At(5));
        assertThat(((StringCommand.Set) parse("SET", "k", "v", "KEEPTTL", "XX")).ttl())
                .isEqualTo(new TtlOption.Keep());
    }

    @Test
    void parse_setRepeatedSameOption_lastWins_asRedis() throws CommandException {
        StringCommand.Set set = (StringCommand.Set) parse("SET", "k", "v", "EX", "1", "EX", "2", "NX", "NX");
        assertThat(set.ttl()).isEqualTo(new TtlOption.After(2000));
    }

    @Test
    void parse_incrFamily_intoOneRecordWithADelta() throws CommandException {
        assertThat(((StringCommand.IncrBy) parse("INCR", "n")).delta()).isEqualTo(1);
        assertThat(((StringCommand.IncrBy) parse("DECR", "n")).delta()).isEqualTo(-1);
        assertThat(((StringCommand.IncrBy) parse("DECRBY", "n", "5")).delta()).isEqualTo(-5);
    }

    @Test
    void parse_expireInSeconds_isMilliseconds() throws CommandException {
        KeyspaceCommand.Expire expire = (KeyspaceCommand.Expire) parse("EXPIRE", "k", "3");
        assertThat(expire.millis()).isEqualTo(3000);
        assertThat(expire.command()).isEqualTo("expire");
    }

    @Test
    void parse_scan_defaultsAndOptions() throws CommandException {
        KeyspaceCommand.Scan scan = (KeyspaceCommand.Scan) parse("SCAN", "0");
        assertThat(scan.count()).isEqualTo(10);
        assertThat(scan.match()).isNull();
        KeyspaceCommand.Scan matched =
                (KeyspaceCommand.Scan) parse("scan", "18446744073709551615", "match", "a*", "count", "3");
        assertThat(matched.cursor()).isEqualTo(-1L); // unsigned 2^64 - 1
        assertThat(matched.match()).isNotNull();
        assertThat(((KeyspaceCommand.Scan) parse("SCAN", "0", "MATCH", "*")).match())
                .isNull();
        assertThat(errorOf("SCAN", "18446744073709551616")).isEqualTo("ERR invalid cursor");
    }

    @Test
    void parse_errorOrder_optionsBeforeNumbers_asRedis() {
        assertThat(errorOf("SET", "k", "v", "EX", "x", "NX", "XX")).isEqualTo("ERR syntax error");
        assertThat(errorOf("EXPIRE", "k", "x", "bogus")).isEqualTo("ERR Unsupported option bogus");
        assertThat(errorOf("GET")).isEqualTo("ERR wrong number of arguments for 'get' command");
        assertThat(errorOf("NOPE", "GET")).isEqualTo("ERR unknown command 'NOPE', with args beginning with: 'GET' ");
    }

    @Test
    void parse_everyCommandInTheTable_hasAnArityThatParses() {
        for (CommandSpec spec : CommandSpec.values()) {
            int words = Math.abs(spec.arity());
            String[] request = new String[words];
            Arrays.fill(request, "1");
            request[0] = spec.commandName();
            if (spec.isContainer() && words >= 2) {
                request[1] = "help";
            }
            try {
                assertThat(parse(request)).as(spec.commandName()).isNotNull();
            } catch (CommandException e) {
                assertThat(e.getMessage()).as(spec.commandName()).doesNotContain("wrong number", "unknown");
            }
        }
    }

    @Test
    void commandRecords_invalidComponents_rejected() {
        assertThatThrownBy(() -> new TtlOption.After(0)).hasMessage("millis (0) must be positive");
        assertThatThrownBy(() -> new StringCommand.MSet(List.of(new byte[1]), List.of()))
                .hasMessage("MSET needs as many values as keys, at least one (keys: 1, values: 0)");
        assertThatThrownBy(() -> new KeyspaceCommand.Scan(0, null, 0, null)).hasMessage("count (0) must be at least 1");
    }
}

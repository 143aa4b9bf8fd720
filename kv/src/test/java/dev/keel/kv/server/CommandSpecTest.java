package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The command table's lookups: by bytes (once per request) agreeing with by text. */
final class CommandSpecTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void lookupBytes_everyCommandInAnyCase_findsIt() {
        for (CommandSpec spec : CommandSpec.values()) {
            String name = spec.commandName();
            String mixed = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
            assertThat(CommandSpec.lookup(bytes(name))).isSameAs(spec);
            assertThat(CommandSpec.lookup(bytes(name.toUpperCase(Locale.ROOT)))).isSameAs(spec);
            assertThat(CommandSpec.lookup(bytes(mixed))).isSameAs(spec);
        }
    }

    @Test
    void lookupBytes_unknownNames_areNull_asByText() {
        for (String name : new String[] {
            "", "g", "gets", "hset", "sEt1", "commandx", "a-very-long-command-name", "s\u00c9t", "\u00e9cho", "s\0t"
        }) {
            assertThat(CommandSpec.lookup(bytes(name))).as(name).isNull();
            assertThat(CommandSpec.lookup(name)).as(name).isNull();
        }
    }
}

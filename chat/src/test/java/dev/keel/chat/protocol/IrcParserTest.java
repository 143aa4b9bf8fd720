package dev.keel.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.Gen;
import dev.keel.testing.Gens;
import dev.keel.testing.Property;
import dev.keel.testing.SeedExtension;
import dev.keel.testing.SeededRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class IrcParserTest {

    private static IrcMessage parse(String line) {
        IrcParser.Result result = IrcParser.parse(line);
        assertThat(result).isInstanceOf(IrcParser.Parsed.class);
        return ((IrcParser.Parsed) result).message();
    }

    private static String malformed(String line) {
        IrcParser.Result result = IrcParser.parse(line);
        assertThat(result).isInstanceOf(IrcParser.Malformed.class);
        return ((IrcParser.Malformed) result).reason();
    }

    @Test
    void parse_fullMessage_readsTagsPrefixCommandAndTrailing() {
        IrcMessage message =
                parse("@time=2026-01-01T00:00:00.000Z;msgid=a\\sb :nick!user@host PRIVMSG #chan :hi there");
        assertThat(message.tags())
                .containsExactly(Map.entry("time", "2026-01-01T00:00:00.000Z"), Map.entry("msgid", "a b"));
        assertThat(message.prefix()).isEqualTo("nick!user@host");
        assertThat(message.command()).isEqualTo("PRIVMSG");
        assertThat(message.params()).containsExactly("#chan", "hi there");
        assertThat(message.trailing()).isTrue();
    }

    @Test
    void parse_lowerCaseCommandAndExtraSpaces_normalises() {
        IrcMessage message = parse("join   #a,#b   key ");
        assertThat(message.command()).isEqualTo("JOIN");
        assertThat(message.params()).containsExactly("#a,#b", "key");
        assertThat(message.trailing()).isFalse();
    }

    @Test
    void parse_emptyTrailingAndColonInTrailing_areKept() {
        assertThat(parse("TOPIC #a :").params()).containsExactly("#a", "");
        assertThat(parse("PRIVMSG #a ::-) :x").params()).containsExactly("#a", ":-) :x");
        assertThat(parse("JOIN :").params()).containsExactly("");
    }

    @Test
    void parse_fifteenthParameter_takesTheRestWithoutAColon() {
        IrcMessage message = parse("CMD a b c d e f g h i j k l m n o p q");
        assertThat(message.params()).hasSize(15);
        assertThat(message.params().getLast()).isEqualTo("o p q");
    }

    @Test
    void parse_numericCommand_isKept() {
        assertThat(parse(":irc.x 001 nick :Welcome").command()).isEqualTo("001");
    }

    @Test
    void parse_garbage_isMalformedWithAReason() {
        assertThat(malformed("")).isEqualTo("no command");
        assertThat(malformed(":prefix")).isEqualTo("a prefix without a command");
        assertThat(malformed("@tags")).isEqualTo("tags without a command");
        assertThat(malformed("NI\0CK x")).isEqualTo("the line holds a NUL byte");
        assertThat(malformed("\u0001\u0002 x"))
                .isEqualTo("command '\\x01\\x02' is not letters or a three-digit numeric");
        assertThat(malformed("12 x")).contains("'12'");
    }

    @Test
    void message_invalidParts_areRejectedNamingTheValue() {
        assertThatThrownBy(() -> IrcMessage.plain(null, "PRIVMSG", "#a b", "x")).hasMessageContaining("param 0 '#a b'");
        assertThatThrownBy(() -> IrcMessage.plain(null, "PRIVMSG", "#a", "x\r\ny"))
                .hasMessageContaining("must not hold CR, LF or NUL");
        assertThatThrownBy(() -> IrcMessage.plain(null, "privmsg")).hasMessageContaining("command 'privmsg'");
        assertThatThrownBy(() -> new IrcMessage(
                        Map.of(),
                        null,
                        "X",
                        List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16"),
                        false))
                .hasMessageContaining("params (16) must be at most 15");
    }

    @Test
    void toWire_colonOnlyWhereNeededOrAsked() {
        assertThat(IrcMessage.plain("n!u@h", "JOIN", "#a").toWire()).isEqualTo(":n!u@h JOIN #a");
        assertThat(IrcMessage.text("n!u@h", "PRIVMSG", "#a", "hi").toWire()).isEqualTo(":n!u@h PRIVMSG #a :hi");
        assertThat(IrcMessage.plain(null, "TOPIC", "#a", "two words").toWire()).isEqualTo("TOPIC #a :two words");
        assertThat(IrcMessage.plain(null, "X", ":x").toWire()).isEqualTo("X ::x");
        assertThat(IrcMessage.plain(null, "X", "").toWire()).isEqualTo("X :");
        assertThat(new IrcMessage(Map.of("a", "x;y z\\"), null, "X", List.of(), false).toWire())
                .isEqualTo("@a=x\\:y\\sz\\\\ X");
    }

    @Test
    void serializeThenParse_roundTrips(SeededRandom random) {
        Property.forAll(random, 2_000, messages(), message -> {
            assertThat(parse(message.toWire())).isEqualTo(message);
        });
    }

    @Test
    void parseThenSerializeThenParse_isStable_onArbitraryPrintableLines(SeededRandom random) {
        Gen<String> lines = Gens.strings(" :@;=!abcXYZ#0123\\", 0, 40);
        Property.forAll(random, 5_000, lines, line -> {
            if (IrcParser.parse(line) instanceof IrcParser.Parsed parsed) {
                assertThat(parse(parsed.message().toWire())).isEqualTo(parsed.message());
            }
        });
    }

    private static Gen<IrcMessage> messages() {
        Gen<String> word = Gens.strings("abcXYZ019#&!@.-[]{}|^_", 1, 10).filter(s -> !s.startsWith(":"));
        Gen<String> text = Gens.strings("abc XYZ:;!@#\\ ", 0, 20);
        Gen<String> command = Gens.<String>weighted()
                .add(3, Gens.strings("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1, 8))
                .add(1, Gens.ints(0, 999).map(n -> String.format("%03d", n)))
                .build();
        return random -> {
            Map<String, String> tags = new LinkedHashMap<>();
            int tagCount = random.nextInt(3);
            for (int i = 0; i < tagCount; i++) {
                tags.put(
                        Gens.strings("abcdef+/-.", 1, 6)
                                .filter(s -> !s.equals("+"))
                                .next(random),
                        text.next(random));
            }
            @Nullable String prefix = random.chance(1, 2) ? word.next(random) : null;
            int count = random.nextInt(IrcMessage.MAX_PARAMS + 1);
            List<String> params = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                params.add(i == count - 1 && random.chance(1, 2) ? text.next(random) : word.next(random));
            }
            return new IrcMessage(tags, prefix, command.next(random), params, random.chance(1, 2));
        };
    }
}

package dev.keel.chat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class CasemappingTest {

    @Test
    void fold_rfc1459_mapsScandinavianBrackets() {
        assertThat(Casemapping.fold("Nick[]\\~")).isEqualTo("nick{}|^");
        assertThat(Casemapping.equals("#Chan[1]", "#chan{1}")).isTrue();
        assertThat(Casemapping.equals("a", "b")).isFalse();
    }

    @Test
    void fold_nothingToFold_returnsTheSameString() {
        String name = "already{folded}";
        assertThat(Casemapping.fold(name)).isSameAs(name);
    }
}

package dev.keel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeedExtension.class)
final class GensTest {

    @Test
    void ints_stayWithinInclusiveBounds_andReachBoth(SeededRandom random) {
        Gen<Integer> gen = Gens.ints(-2, 2);
        List<Integer> drawn = Gens.lists(gen, 500, 500).next(random);
        assertThat(drawn).allSatisfy(i -> assertThat(i).isBetween(-2, 2)).contains(-2, 2);
    }

    @Test
    void longs_extremeBounds_doNotOverflow(SeededRandom random) {
        Property.forAll(
                random,
                1_000,
                Gens.longs(Long.MAX_VALUE - 3, Long.MAX_VALUE),
                value -> assertThat(value).isGreaterThanOrEqualTo(Long.MAX_VALUE - 3));
        Property.forAll(
                random,
                1_000,
                Gens.longs(Long.MIN_VALUE, Long.MIN_VALUE + 3),
                value -> assertThat(value).isLessThanOrEqualTo(Long.MIN_VALUE + 3));
        Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE).next(random);
    }

    @Test
    void bytesStringsLists_respectLengthBounds(SeededRandom random) {
        Property.forAll(
                random, 500, Gens.bytes(0, 8), bytes -> assertThat(bytes.length).isBetween(0, 8));
        Property.forAll(
                random,
                500,
                Gens.strings("xy", 2, 3),
                text -> assertThat(text).hasSizeBetween(2, 3).matches("[xy]+"));
        Property.forAll(
                random,
                500,
                Gens.lists(Gens.constant("k"), 1, 4),
                list -> assertThat(list).hasSizeBetween(1, 4).containsOnly("k"));
    }

    @Test
    void weighted_drawsInProportion(SeededRandom random) {
        Gen<String> gen = Gens.<String>weighted()
                .add(6, Gens.constant("get"))
                .add(3, Gens.constant("put"))
                .add(1, Gens.constant("delete"))
                .build();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            counts.merge(gen.next(random), 1, Integer::sum);
        }
        assertThat(counts.get("get")).isBetween(5_700, 6_300);
        assertThat(counts.get("put")).isBetween(2_700, 3_300);
        assertThat(counts.get("delete")).isBetween(800, 1_200);
    }

    @Test
    void oneOf_mapAndFilter_compose(SeededRandom random) {
        Gen<Integer> evens = Gens.ints(0, 100).filter(i -> i % 2 == 0).map(i -> i * 10);
        Property.forAll(random, 200, evens, i -> assertThat(i % 20).isZero());
        Property.forAll(random, 200, Gens.oneOf("a", "b"), s -> assertThat(s).isIn("a", "b"));
    }

    @Test
    void filterThatRejectsEverything_failsClearly(SeededRandom random) {
        Gen<Integer> never = Gens.ints(0, 10).filter(i -> i > 10);
        assertThatThrownBy(() -> never.next(random)).hasMessageContaining("filter rejected 1000 values in a row");
    }

    @Test
    void badBounds_areRejectedWithTheValues() {
        assertThatThrownBy(() -> Gens.ints(3, 2)).hasMessage("min (3) must not exceed max (2)");
        assertThatThrownBy(() -> Gens.bytes(-1, 2)).hasMessage("minimum length (-1) must not be negative");
        assertThatThrownBy(() -> Gens.strings("", 0, 1)).hasMessage("alphabet must not be empty");
        assertThatThrownBy(() -> Gens.oneOf()).hasMessage("oneOf needs at least one value");
        assertThatThrownBy(() -> Gens.weighted().add(0, Gens.constant(1))).hasMessage("weight (0) must be positive");
        assertThatThrownBy(() -> Gens.weighted().build()).hasMessage("weighted() needs at least one alternative");
    }

    @Test
    void property_failure_namesTrialSeedAndInput() {
        SeededRandom random = SeededRandom.withSeed(5);
        assertThatThrownBy(() -> Property.forAll(
                        random, 100, Gens.ints(0, 9), i -> assertThat(i).isLessThan(5)))
                .isInstanceOf(AssertionError.class)
                .hasMessageMatching("property failed on trial \\d+ of 100 \\(seed 5\\) for input: [5-9]")
                .hasCauseInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Property.forAll(random, 0, Gens.ints(0, 9), i -> {}))
                .hasMessage("trials (0) must be positive");
    }

    @Test
    void describe_byteArrays_showLengthAndPrefix() {
        assertThat(Property.describe(new byte[] {1, 2, 3})).isEqualTo("byte[3] starting [1, 2, 3]");
    }
}

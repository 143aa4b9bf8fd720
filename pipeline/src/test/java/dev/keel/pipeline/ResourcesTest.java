package dev.keel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources are closed exactly once: on completion, on an exception, on early exit, and by closing the pipeline. */
final class ResourcesTest {

    /** A resource that counts its openings and closings and serves the numbers 1 to {@code size}. */
    private static final class Tracked {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        LazyPipeline<Integer> pipeline(int size) {
            return LazyPipeline.using(
                    () -> {
                        opened.incrementAndGet();
                        return (AutoCloseable) closed::incrementAndGet;
                    },
                    resource -> Stream.iterate(1, x -> x + 1).limit(size).iterator());
        }
    }

    @Test
    void terminal_onCompletion_closesTheSourceOnce() {
        Tracked tracked = new Tracked();
        assertThat(tracked.pipeline(5).map(x -> x * 2).toList()).containsExactly(2, 4, 6, 8, 10);
        assertThat(tracked.opened).hasValue(1);
        assertThat(tracked.closed).hasValue(1);
    }

    @Test
    void terminal_onException_closesTheSourceOnce() {
        Tracked tracked = new Tracked();
        assertThatThrownBy(() -> tracked.pipeline(5)
                        .map(x -> {
                            if (x == 3) {
                                throw new IllegalStateException("boom");
                            }
                            return x;
                        })
                        .toList())
                .isInstanceOf(PipelineException.class);
        assertThat(tracked.closed).hasValue(1);
    }

    @Test
    void shortCircuit_onEarlyExit_closesTheSourceOnce() {
        Tracked tracked = new Tracked();
        assertThat(tracked.pipeline(1_000).take(2).toList()).containsExactly(1, 2);
        assertThat(tracked.pipeline(1_000).first()).contains(1);
        assertThat(tracked.pipeline(1_000).anyMatch(x -> x == 3)).isTrue();
        assertThat(tracked.opened).hasValue(3);
        assertThat(tracked.closed).hasValue(3);
    }

    @Test
    void eachRun_opensItsOwnResource() {
        Tracked tracked = new Tracked();
        LazyPipeline<Integer> pipeline = tracked.pipeline(3);
        assertThat(tracked.opened).hasValue(0);
        pipeline.count();
        pipeline.count();
        assertThat(tracked.opened).hasValue(2);
        assertThat(tracked.closed).hasValue(2);
    }

    @Test
    void iterator_exhaustedOrClosedEarly_closesOnce() {
        Tracked tracked = new Tracked();
        PipelineIterator<Integer> exhausted = tracked.pipeline(2).iterator();
        exhausted.forEachRemaining(x -> {});
        assertThat(tracked.closed).hasValue(1);
        exhausted.close();
        assertThat(tracked.closed).hasValue(1);

        try (PipelineIterator<Integer> abandoned = tracked.pipeline(10).iterator()) {
            assertThat(abandoned.next()).isEqualTo(1);
        }
        assertThat(tracked.closed).hasValue(2);
    }

    @Test
    void pipelineClose_closesRunsStillOpen_andRefusesNewRuns() {
        Tracked tracked = new Tracked();
        LazyPipeline<Integer> pipeline = tracked.pipeline(10);
        PipelineIterator<Integer> open = pipeline.iterator();
        assertThat(open.next()).isEqualTo(1);

        pipeline.close();

        assertThat(tracked.closed).hasValue(1);
        assertThat(open.hasNext()).isFalse();
        assertThatThrownBy(pipeline::toList)
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.code()).isEqualTo(PipelineException.Code.CLOSED));
    }

    @Test
    void toStream_closingTheStream_closesTheRun() {
        Tracked tracked = new Tracked();
        try (Stream<Integer> stream = tracked.pipeline(10).toStream()) {
            assertThat(stream.limit(2).toList()).containsExactly(1, 2);
        }
        assertThat(tracked.closed).hasValue(1);
    }

    @Test
    void innerPipelines_ofFlatMapConcatAndZip_areClosedOnce() {
        Tracked inner = new Tracked();
        assertThat(LazyPipeline.of(1, 2, 3)
                        .flatMap(x -> inner.pipeline(x))
                        .take(4)
                        .toList())
                .containsExactly(1, 1, 2, 1);
        assertThat(inner.opened).hasValue(3);
        assertThat(inner.closed).hasValue(3);

        Tracked second = new Tracked();
        assertThat(LazyPipeline.of(1, 2).concat(second.pipeline(3)).take(2).toList())
                .containsExactly(1, 2);
        assertThat(second.opened)
                .as("the second pipeline is opened only when needed")
                .hasValue(0);

        Tracked a = new Tracked();
        Tracked b = new Tracked();
        assertThat(a.pipeline(5).zip(b.pipeline(2)).count()).isEqualTo(2);
        assertThat(a.closed).hasValue(1);
        assertThat(b.closed).hasValue(1);
    }

    @Test
    void lines_readsTheFile_andReopensItPerRun(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("words.txt"), "alpha\nbeta\ngamma\n");
        LazyPipeline<String> lines = LazyPipeline.lines(file);
        assertThat(lines.map(String::length).toList()).containsExactly(5, 4, 5);
        assertThat(lines.filter(line -> line.startsWith("g")).first()).contains("gamma");
    }

    @Test
    void lines_ofAMissingFile_failsAtRunTimeWithTheJdksException(@TempDir Path directory) {
        LazyPipeline<String> lines = LazyPipeline.lines(directory.resolve("missing.txt"));
        assertThatThrownBy(lines::toList)
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void oneShotSource_secondRun_failsClearly() {
        LazyPipeline<Integer> once = LazyPipeline.from(Stream.of(1, 2, 3));
        assertThat(once.map(x -> x + 1).toList()).containsExactly(2, 3, 4);
        assertThatThrownBy(once::toList)
                .isInstanceOfSatisfying(
                        PipelineException.class,
                        e -> assertThat(e.code()).isEqualTo(PipelineException.Code.SOURCE_CONSUMED))
                .hasMessageContaining("from(Stream) is a one-shot source");
    }

    @Test
    void fromStream_closesTheStreamWithTheRun() {
        AtomicInteger closed = new AtomicInteger();
        LazyPipeline.from(Stream.of(1, 2, 3).onClose(closed::incrementAndGet))
                .take(1)
                .toList();
        assertThat(closed).hasValue(1);
    }

    @Test
    void using_whenBuildingTheIteratorFails_closesTheResource() {
        AtomicInteger closed = new AtomicInteger();
        LazyPipeline<Integer> broken = LazyPipeline.using(() -> (AutoCloseable) closed::incrementAndGet, resource -> {
            throw new IllegalStateException("cannot read");
        });
        assertThatThrownBy(broken::toList).hasMessage("cannot read");
        assertThat(closed).hasValue(1);
        assertThat(List.of(closed.get())).containsExactly(1);
    }
}

package dev.keel.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event loop's timers: deadline order, cancellation, and a ticker that wraps. */
final class TimersTest {

    @Test
    void runDue_runsOnlyWhatIsDue_earliestFirst() {
        Timers timers = new Timers();
        List<String> ran = new ArrayList<>();
        timers.schedule(30, () -> ran.add("30"));
        timers.schedule(10, () -> ran.add("10"));
        timers.schedule(20, () -> ran.add("20"));
        assertThat(timers.nanosUntilNext(0)).isEqualTo(10);
        timers.runDue(20);
        assertThat(ran).containsExactly("10", "20");
        assertThat(timers.nanosUntilNext(20)).isEqualTo(10);
        timers.runDue(30);
        assertThat(ran).containsExactly("10", "20", "30");
        assertThat(timers.nanosUntilNext(30)).isEqualTo(-1);
    }

    @Test
    void cancel_keepsTheTimerFromRunning() {
        Timers timers = new Timers();
        List<String> ran = new ArrayList<>();
        Timers.Timer timer = timers.schedule(5, () -> ran.add("cancelled"));
        timers.schedule(5, () -> ran.add("kept"));
        timer.cancel();
        timers.runDue(5);
        assertThat(ran).containsExactly("kept");
    }

    @Test
    void runDue_tickerWrappingPastMaxValue_keepsOrder() {
        Timers timers = new Timers();
        List<String> ran = new ArrayList<>();
        long now = Long.MAX_VALUE - 5;
        timers.schedule(now + 10, () -> ran.add("after the wrap"));
        timers.schedule(now + 2, () -> ran.add("before the wrap"));
        timers.runDue(now + 3);
        assertThat(ran).containsExactly("before the wrap");
        timers.runDue(now + 10);
        assertThat(ran).containsExactly("before the wrap", "after the wrap");
    }
}

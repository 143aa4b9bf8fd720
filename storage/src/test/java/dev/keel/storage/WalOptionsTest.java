package dev.keel.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class WalOptionsTest {

    @Test
    void defaults_areAlwaysWith64MiBSegmentsAndStrictRecovery() {
        WalOptions options = WalOptions.defaults();
        assertThat(options.syncPolicy()).isEqualTo(SyncPolicy.ALWAYS);
        assertThat(options.segmentSize()).isEqualTo(64L << 20);
        assertThat(options.maxRecordSize()).isEqualTo(16 << 20);
        assertThat(options.recoveryMode()).isEqualTo(RecoveryMode.STRICT);
    }

    @Test
    void settingAnOptionTwice_failsAtOnce() {
        assertThatThrownBy(() -> WalOptions.builder().segmentSize(4096).segmentSize(8192))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("segmentSize was already set on this builder");
    }

    @Test
    void toBuilder_changesOneOptionAndKeepsTheRest() {
        WalOptions small = WalOptions.builder()
                .segmentSize(4096)
                .syncPolicy(SyncPolicy.NONE)
                .build();
        WalOptions salvage =
                small.toBuilder().recoveryMode(RecoveryMode.SALVAGE).build();
        assertThat(salvage.segmentSize()).isEqualTo(4096);
        assertThat(salvage.syncPolicy()).isEqualTo(SyncPolicy.NONE);
        assertThat(salvage.recoveryMode()).isEqualTo(RecoveryMode.SALVAGE);
    }

    @Test
    void badValues_areRejectedNamingTheValueAndTheExpectation() {
        assertThatThrownBy(() -> WalOptions.builder().segmentSize(100).build())
                .hasMessage("segmentSize (100) must be at least 1024 bytes");
        assertThatThrownBy(() -> WalOptions.builder().maxRecordSize(0).build())
                .hasMessage("maxRecordSize (0) must be in [1, 1073741824]");
        assertThatThrownBy(() -> WalOptions.builder()
                        .maxRecordSize(4096)
                        .maxBatchSize(100)
                        .build())
                .hasMessage("maxBatchSize (100) must be in [maxRecordSize (4096), 1073741824]");
        assertThatThrownBy(() -> SyncPolicy.interval(Duration.ZERO))
                .hasMessage("sync interval (PT0S) must be positive");
    }

    @Test
    void largeMaxRecordSize_raisesTheDefaultBatchLimitWithIt() {
        assertThat(WalOptions.builder().maxRecordSize(128 << 20).build().maxBatchSize())
                .isEqualTo(128 << 20);
    }

    @Test
    void syncPolicies_printAsTheyAreNamed() {
        assertThat(SyncPolicy.ALWAYS).hasToString("ALWAYS");
        assertThat(SyncPolicy.NONE).hasToString("NONE");
        assertThat(SyncPolicy.interval(Duration.ofMillis(10))).hasToString("INTERVAL(PT0.01S)");
    }
}

package dev.keel.kv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class VersionChainsTest {

    private static final Key KEY = Key.copyOf(new byte[] {'k'});

    private static Version.Live live(long lsn, Version previous) {
        return new Version.Live(KEY, lsn, 1, 10, 0, previous);
    }

    @Test
    void prune_withoutSnapshots_dropsEveryOldVersion() {
        VersionChains chains = new VersionChains();
        assertThat(chains.prune(live(10, live(5, null)), 20)).isNull();
    }

    @Test
    void prune_keepsExactlyTheVersionsAnOpenSnapshotCanSee() {
        VersionChains chains = new VersionChains();
        chains.open(12);
        Version old = live(10, live(5, null));
        Version kept = chains.prune(old, 20);
        assertThat(kept).isNotNull();
        assertThat(kept.lsn()).isEqualTo(10);
        assertThat(kept.previous()).as("no snapshot falls between 5 and 10").isNull();
        assertThat(Version.visibleAt(live(20, kept), 12).lsn()).isEqualTo(10);
        chains.close(12);
        assertThat(chains.prune(kept, 30)).isNull();
        assertThat(chains.openSnapshots()).isZero();
    }

    @Test
    void prune_aSnapshotBeforeEveryVersion_needsNone() {
        VersionChains chains = new VersionChains();
        chains.open(3);
        assertThat(chains.prune(live(10, live(5, null)), 20)).isNull();
        assertThat(Version.visibleAt(live(20, null), 3)).isNull();
    }

    @Test
    void snapshotsAtTheSameLsn_areCounted() {
        VersionChains chains = new VersionChains();
        chains.open(7);
        chains.open(7);
        chains.close(7);
        assertThat(chains.openSnapshots()).isEqualTo(1);
        assertThat(chains.oldestOpen()).isEqualTo(7);
        chains.close(7);
        assertThat(chains.oldestOpen()).isEqualTo(Long.MAX_VALUE);
    }
}

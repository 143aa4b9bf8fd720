package dev.keel.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

final class KvServerOptionsTest {

    @Test
    void defaults_nothingSet_redisLimitsOnLoopback() {
        KvServerOptions options = KvServerOptions.defaults();
        assertThat(options.bindAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(options.port()).isZero();
        assertThat(options.maxBulkLength()).isEqualTo(512 << 20);
        assertThat(options.maxMultibulkLength()).isEqualTo(1024 * 1024);
        assertThat(options.maxInlineLength()).isEqualTo(64 << 10);
        assertThat(options.maxRequestBytes()).isEqualTo(1L << 30);
        assertThat(options.maxClients()).isEqualTo(10_000);
        assertThat(options.eventLoops()).isEqualTo(KvServerOptions.AUTOMATIC_EVENT_LOOPS);
        assertThat(options.commitOnLoop()).isTrue();
    }

    @Test
    void builder_settingAnOptionTwice_failsAtOnce() {
        assertThatThrownBy(() -> KvServerOptions.builder().port(1).port(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("port was already set on this builder");
    }

    @Test
    void toBuilder_oneOptionChanged_keepsTheRest() {
        KvServerOptions options = KvServerOptions.builder().maxClients(5).build();
        KvServerOptions changed = options.toBuilder().port(6380).build();
        assertThat(changed.port()).isEqualTo(6380);
        assertThat(changed.maxClients()).isEqualTo(5);
    }

    @Test
    void build_invalidValue_failsNamingTheOptionAndValue() {
        assertThatThrownBy(() -> KvServerOptions.builder().port(70000).build())
                .hasMessage("port (70000) must be in [0, 65535]; 0 takes any free port");
        assertThatThrownBy(() -> KvServerOptions.builder().maxClients(0).build())
                .hasMessage("maxClients (0) must be positive");
        assertThatThrownBy(() -> KvServerOptions.builder().maxBulkLength(-1).build())
                .hasMessage("maxBulkLength (-1) must be positive");
        assertThatThrownBy(() -> KvServerOptions.builder().eventLoops(-1).build())
                .hasMessage("eventLoops (-1) must be positive, or 0 (automatic)");
    }

    @Test
    void automaticEventLoops_oneWhenSetsAreCommittedOnTheLoop_elseOneFewerThanTheProcessors() {
        int processors = Runtime.getRuntime().availableProcessors();
        KvServerOptions automatic = KvServerOptions.defaults();
        assertThat(KvServer.eventLoops(automatic, true)).isEqualTo(1);
        assertThat(KvServer.eventLoops(automatic, false)).isEqualTo(Math.max(1, processors - 1));
        KvServerOptions offLoop = KvServerOptions.builder().commitOnLoop(false).build();
        assertThat(KvServer.eventLoops(offLoop, true)).isEqualTo(Math.max(1, processors - 1));
        KvServerOptions three = KvServerOptions.builder().eventLoops(3).build();
        assertThat(KvServer.eventLoops(three, true)).isEqualTo(3);
        assertThat(KvServer.eventLoops(three, false)).isEqualTo(3);
    }
}

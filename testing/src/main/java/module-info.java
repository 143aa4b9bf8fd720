/** Test fixtures for keel's modules; depended on at test scope only. */
module dev.keel.testing {
    requires transitive dev.keel.time;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires static transitive org.jspecify;

    exports dev.keel.testing;
}

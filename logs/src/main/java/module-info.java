/** keel's log aggregator: the API in {@code dev.keel.logs}; storage, query and ingestion are internal packages. */
module dev.keel.logs {
    requires transitive dev.keel.storage;
    requires transitive jdk.httpserver;
    requires com.fasterxml.jackson.databind;
    requires com.github.benmanes.caffeine;
    requires com.github.luben.zstd_jni;
    requires static transitive org.jspecify;

    exports dev.keel.logs;
}

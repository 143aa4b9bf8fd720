/** keel's key-value store: embedded API in {@code dev.keel.kv}, Redis-protocol server in {@code dev.keel.kv.server}. */
module dev.keel.kv {
    requires transitive dev.keel.storage;
    requires com.fasterxml.jackson.databind;
    requires com.github.benmanes.caffeine;
    requires static transitive org.jspecify;

    exports dev.keel.kv;
    exports dev.keel.kv.server;
}

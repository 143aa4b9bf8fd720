/** keel's storage layer: the write-ahead log and crash-safe file replacement. */
module dev.keel.storage {
    requires transitive dev.keel.time;
    requires static transitive org.jspecify;

    exports dev.keel.storage;
}

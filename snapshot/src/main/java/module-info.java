/** keel's persistent collections and versioned store: everything public is in {@code dev.keel.snapshot}. */
module dev.keel.snapshot {
    requires static transitive org.jspecify;

    exports dev.keel.snapshot;
}

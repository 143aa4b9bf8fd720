/** keel's banking ledger: the API in {@code dev.keel.bank}. */
module dev.keel.bank {
    requires transitive dev.keel.storage;
    requires static transitive org.jspecify;

    exports dev.keel.bank;
}

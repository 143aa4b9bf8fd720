/** keel's banking ledger: the API in {@code dev.keel.bank}, the HTTP JSON server in {@code dev.keel.bank.http}. */
module dev.keel.bank {
    requires transitive dev.keel.storage;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    requires static transitive org.jspecify;

    exports dev.keel.bank;
    exports dev.keel.bank.http;
}

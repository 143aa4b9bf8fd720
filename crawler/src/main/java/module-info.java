/** keel's web crawler: the API in {@code dev.keel.crawler}; its implementation classes are package-private. */
module dev.keel.crawler {
    requires transitive dev.keel.time;
    requires dev.keel.storage;
    requires java.net.http;
    requires java.xml;
    requires org.jsoup;
    requires com.fasterxml.jackson.core;
    requires static transitive org.jspecify;

    exports dev.keel.crawler;
}

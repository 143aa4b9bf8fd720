/** The {@code keel} command line. It exports nothing: it is an application, not a library. */
module dev.keel.cli {
    requires dev.keel.time;
    requires dev.keel.kv;
    requires dev.keel.ratelimit;
    requires dev.keel.chat;
    requires dev.keel.bank;
    requires dev.keel.snapshot;
    requires dev.keel.pipeline;
    requires dev.keel.crawler;
    requires jdk.httpserver;
    requires dev.keel.scheduler;
    requires dev.keel.logs;
    requires dev.keel.fs;
    requires dev.keel.sql;
    requires org.jline;
    requires dev.keel.storage;
    requires info.picocli;
    requires static transitive org.jspecify;

    // picocli reads and writes the annotated command fields reflectively.
    opens dev.keel.cli to
            info.picocli;
}

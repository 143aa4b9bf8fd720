/** keel's rate limiter: the algorithms and per-key limiting in {@code dev.keel.ratelimit}, the HTTP filter in {@code .http}. */
module dev.keel.ratelimit {
    requires transitive dev.keel.time;
    requires transitive jdk.httpserver;
    requires static transitive org.jspecify;

    exports dev.keel.ratelimit;
    exports dev.keel.ratelimit.http;
}

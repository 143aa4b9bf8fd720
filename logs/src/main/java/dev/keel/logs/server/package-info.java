/**
 * The HTTP API: ingestion of JSON lines, queries, metric queries, live tail and statistics.
 *
 * <p>Reading order: {@link dev.keel.logs.server.HttpApi} (endpoints, status codes), {@code QueryParameters} (times
 * and numbers in query strings), {@code JsonOutput} (the response shapes).
 *
 * <p>Thread safety: {@code HttpApi} is thread-safe (a virtual thread per exchange); the others are stateless.
 */
@NullMarked
package dev.keel.logs.server;

import org.jspecify.annotations.NullMarked;

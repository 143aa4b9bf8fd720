/**
 * The ledger's HTTP JSON API, on the JDK's {@code com.sun.net.httpserver} with a virtual thread per exchange.
 *
 * <p>Reading order: {@link dev.keel.bank.http.BankServer} (start, stop, the routes) with
 * {@link dev.keel.bank.http.BankServerOptions}; inside, {@code BankApi} (one method per route), {@code JsonBodies}
 * (strict request parsing: amounts as strings, unknown fields refused, bounded bodies), {@code JsonViews} (responses)
 * and {@code Statuses} (result code to HTTP status); {@code ApiError} is a 4xx on its way to the client.
 *
 * <p>Thread safety: {@code BankServer} is thread-safe; each exchange is handled on its own virtual thread and shares
 * nothing but the thread-safe {@link dev.keel.bank.BankingSystem} and an immutable Jackson mapper.
 */
@NullMarked
package dev.keel.bank.http;

import org.jspecify.annotations.NullMarked;

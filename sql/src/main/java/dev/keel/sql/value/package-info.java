/**
 * SQL values and their rules: the storage classes (NULL, INTEGER as {@code Long}, REAL as {@code Double}, TEXT as
 * {@code String}), column affinity, the total order used by comparisons, sorting and indexes, arithmetic, and the
 * conversions between text and numbers.
 *
 * <p>Reading order: {@link dev.keel.sql.value.Affinity} (what a column does to a value it stores),
 * {@link dev.keel.sql.value.ValueOrder} (the one comparison every operator, index and sort uses),
 * {@link dev.keel.sql.value.ValueKey} (rows as hash keys consistent with that order),
 * {@link dev.keel.sql.value.Numbers} (text to number, number to text), {@link dev.keel.sql.value.Arithmetic}.
 *
 * <p>Thread safety: every type here is immutable or stateless.
 */
@NullMarked
package dev.keel.sql.value;

import org.jspecify.annotations.NullMarked;

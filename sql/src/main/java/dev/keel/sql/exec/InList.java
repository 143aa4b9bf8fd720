package dev.keel.sql.exec;

import dev.keel.sql.parse.Expr.BinaryOp;
import dev.keel.sql.value.ValueOrder;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code e [NOT] IN (a, b, ...)}: true if {@code e} equals an item, NULL if it does not but an item (or {@code e})
 * is NULL, otherwise false; an empty list is false whatever {@code e} is. Items are compared as {@code e = item}
 * would compare them, affinity conversions included.
 *
 * @param operand the value looked for
 * @param items the list
 * @param negated NOT IN
 */
public record InList(Expression operand, List<Expression> items, boolean negated) implements Expression {

    @Override
    public @Nullable Object eval(Frame frame) {
        if (items.isEmpty()) {
            return negated ? 1L : 0L;
        }
        Object value = operand.eval(frame);
        if (value == null) {
            return null;
        }
        boolean sawNull = false;
        for (Expression item : items) {
            Expression.Comparison rule = Expression.Comparison.of(BinaryOp.EQ, operand, item);
            Object v = item.eval(frame);
            if (v == null) {
                sawNull = true;
                continue;
            }
            Object a = rule.leftConversion() == null
                    ? value
                    : rule.leftConversion().apply(value);
            Object b =
                    rule.rightConversion() == null ? v : rule.rightConversion().apply(v);
            if (ValueOrder.compareValues(a, b) == 0) {
                return negated ? 0L : 1L;
            }
        }
        return sawNull ? null : (negated ? 1L : 0L);
    }

    @Override
    public String describe() {
        return operand.describe() + (negated ? " NOT IN (" : " IN (")
                + items.stream().map(Expression::describe).collect(Collectors.joining(", ")) + ")";
    }
}

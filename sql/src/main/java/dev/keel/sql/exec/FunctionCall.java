package dev.keel.sql.exec;

import dev.keel.sql.value.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A call of a built-in scalar function.
 *
 * @param function the function
 * @param args its arguments
 */
public record FunctionCall(ScalarFunction function, List<Expression> args) implements Expression {

    @Override
    public @Nullable Object eval(Frame frame) {
        if (function.isLazy()) {
            if (function == ScalarFunction.IIF) {
                boolean yes = Boolean.TRUE.equals(Numbers.truth(args.get(0).eval(frame)));
                return args.get(yes ? 1 : 2).eval(frame);
            }
            for (Expression arg : args) {
                Object v = arg.eval(frame);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
        List<@Nullable Object> values = new ArrayList<>(args.size());
        for (Expression arg : args) {
            values.add(arg.eval(frame));
        }
        return function.apply(values);
    }

    @Override
    public String describe() {
        return function.name().toLowerCase(Locale.ROOT) + "("
                + args.stream().map(Expression::describe).collect(Collectors.joining(", ")) + ")";
    }
}

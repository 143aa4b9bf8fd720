package dev.keel.sql.parse;

import java.util.Locale;

/**
 * One lexical token.
 *
 * @param kind what sort of token
 * @param text the token's value: the identifier or keyword as written, a string literal's content without quotes,
 *     a number's digits, a symbol
 * @param position where it starts
 */
public record Token(Kind kind, String text, Position position) {

    /** Token kinds. */
    public enum Kind {
        /** A bare word: an identifier or a keyword. */
        WORD,
        /** A quoted identifier ({@code "x"}, {@code [x]}, {@code `x`}): never a keyword. */
        QUOTED_IDENTIFIER,
        STRING,
        /** A blob literal {@code X'0A1B'}; the text is the hex digits. */
        BLOB,
        INTEGER,
        REAL,
        /** A parameter: {@code ?}, {@code ?3}, {@code :name}; the text is what follows the sigil. */
        PARAMETER,
        /** An operator or punctuation. */
        SYMBOL,
        END
    }

    /** Whether this is the bare word {@code keyword} (case-insensitive). */
    public boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** Whether this is the symbol {@code symbol}. */
    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** How the token reads in an error message. */
    public String describe() {
        return switch (kind) {
            case END -> "end of input";
            case STRING -> "'" + text + "'";
            case WORD -> text.toUpperCase(Locale.ROOT).equals(text) ? text : "'" + text + "'";
            default -> "'" + text + "'";
        };
    }
}

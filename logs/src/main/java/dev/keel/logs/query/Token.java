package dev.keel.logs.query;

/** One token of a query and where it starts (0-based character position). Immutable. */
record Token(Kind kind, String text, int position) {

    enum Kind {
        LBRACE("'{'"),
        RBRACE("'}'"),
        LPAREN("'('"),
        RPAREN("')'"),
        LBRACKET("'['"),
        RBRACKET("']'"),
        COMMA("','"),
        PIPE("'|'"),
        PIPE_EQ("'|='"),
        PIPE_TILDE("'|~'"),
        EQ("'='"),
        EQ_EQ("'=='"),
        NE("'!='"),
        RE("'=~'"),
        NRE("'!~'"),
        GT("'>'"),
        GE("'>='"),
        LT("'<'"),
        LE("'<='"),
        STRING("a quoted string"),
        IDENT("a name"),
        NUMBER("a number"),
        DURATION("a duration such as 1m"),
        EOF("the end of the query");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** How an error message shows this token. */
    String describe() {
        return switch (kind) {
            case EOF -> "the end of the query";
            case STRING -> "\"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}

package dev.keel.chat.protocol;

/**
 * The escaping of IRCv3 tag values (https://ircv3.net/specs/extensions/message-tags): {@code ;} as {@code \:}, space
 * as {@code \s}, backslash as {@code \\}, CR as {@code \r}, LF as {@code \n}. Unescaping drops a lone trailing
 * backslash and keeps the character after any other backslash, as the specification says. Stateless.
 */
final class Tags {

    private Tags() {}

    static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case ';' -> out.append("\\:");
                case ' ' -> out.append("\\s");
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == value.length()) {
                break;
            }
            char next = value.charAt(i);
            out.append(
                    switch (next) {
                        case ':' -> ';';
                        case 's' -> ' ';
                        case 'r' -> '\r';
                        case 'n' -> '\n';
                        default -> next;
                    });
        }
        return out.toString();
    }
}

package dev.keel.logs.ingest;

import java.util.Map;

/**
 * RFC 5424 STRUCTURED-DATA: {@code -} or one or more {@code [SD-ID PARAM="value" ...]} elements, values escaping
 * {@code "}, {@code \} and {@code ]} with a backslash. Each parameter becomes a label {@code <sd-id>_<name>}.
 * Stateless.
 */
final class StructuredData {

    private StructuredData() {}

    static void parse(SyslogParser.Cursor cursor, Map<String, String> labels, int maxLabels) throws ParseException {
        String text = cursor.text;
        if (cursor.at >= text.length()) {
            throw new ParseException("expected STRUCTURED-DATA ('-' or '[') at position " + cursor.at
                    + ", found the end of the message");
        }
        if (text.charAt(cursor.at) == '-') {
            cursor.at++;
            return;
        }
        if (text.charAt(cursor.at) != '[') {
            throw new ParseException("expected STRUCTURED-DATA ('-' or '[') at position " + cursor.at + ", found "
                    + SyslogParser.describe(text, cursor.at));
        }
        int added = 0;
        while (cursor.at < text.length() && text.charAt(cursor.at) == '[') {
            int at = cursor.at + 1;
            int idEnd = at;
            while (idEnd < text.length() && text.charAt(idEnd) != ' ' && text.charAt(idEnd) != ']') {
                idEnd++;
            }
            if (idEnd == at) {
                throw new ParseException("expected an SD-ID after '[' at position " + at);
            }
            String id = text.substring(at, idEnd);
            at = idEnd;
            while (at < text.length() && text.charAt(at) == ' ') {
                int nameStart = at + 1;
                int eq = text.indexOf('=', nameStart);
                if (eq <= nameStart || eq + 1 >= text.length() || text.charAt(eq + 1) != '"') {
                    throw new ParseException("expected PARAM-NAME=\"value\" in [" + id + "] at position " + nameStart);
                }
                String name = text.substring(nameStart, eq);
                StringBuilder value = new StringBuilder();
                int i = eq + 2;
                boolean closed = false;
                while (i < text.length()) {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < text.length() && "\"\\]".indexOf(text.charAt(i + 1)) >= 0) {
                        value.append(text.charAt(i + 1));
                        i += 2;
                    } else if (c == '"') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
                if (!closed) {
                    throw new ParseException("expected a closing '\"' for " + id + " " + name + " starting at position "
                            + (eq + 1) + ", found the end of the message");
                }
                if (added < maxLabels) {
                    labels.put(labelName(id + "_" + name), value.toString());
                    added++;
                }
                at = i;
            }
            if (at >= text.length() || text.charAt(at) != ']') {
                throw new ParseException("expected ']' to close [" + id + " at position " + at + ", found "
                        + SyslogParser.describe(text, at));
            }
            cursor.at = at + 1;
        }
    }

    /** {@code name} with every character a label name cannot hold replaced by {@code _}. */
    static String labelName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length() && out.length() < 128; i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || c == '_'
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '.'));
            out.append(ok ? c : '_');
        }
        return out.toString();
    }
}

package dev.keel.kv;

import java.nio.charset.StandardCharsets;

/** How keys and values appear in messages: printable ASCII as text, anything else escaped, long ones cut. */
final class KeyText {

    private static final int SHOWN = 64;

    private KeyText() {}

    static String describe(byte[] bytes) {
        StringBuilder text = new StringBuilder("'");
        int shown = Math.min(bytes.length, SHOWN);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\'' && b != '\\') {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02x", b));
            }
        }
        text.append('\'');
        if (bytes.length > shown) {
            text.append("... (").append(bytes.length).append(" bytes)");
        }
        return text.toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.keel.chat.protocol;

/**
 * RFC 1459 casemapping ({@code CASEMAPPING=rfc1459} in ISUPPORT): nicknames and channel names compare equal when
 * they are equal after A-Z become a-z and {@code [ ] \ ~} become <code>{ } | ^</code> (the Scandinavian upper and
 * lower cases of RFC 1459 section 2.2). Everything outside ASCII is compared as is. Stateless.
 */
public final class Casemapping {

    private Casemapping() {}

    /** The folded form of {@code name}: the key to look it up by. Returns {@code name} itself if nothing folds. */
    public static String fold(String name) {
        int i = 0;
        while (i < name.length() && fold(name.charAt(i)) == name.charAt(i)) {
            i++;
        }
        if (i == name.length()) {
            return name;
        }
        char[] chars = name.toCharArray();
        for (; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    /** Whether {@code a} and {@code b} are the same name under RFC 1459 casemapping. */
    public static boolean equals(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (fold(a.charAt(i)) != fold(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static char fold(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        return switch (c) {
            case '[' -> '{';
            case ']' -> '}';
            case '\\' -> '|';
            case '~' -> '^';
            default -> c;
        };
    }
}

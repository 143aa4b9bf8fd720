package dev.keel.chat.server;

import dev.keel.chat.protocol.Casemapping;

/**
 * IRC masks: {@code *} matches any run of characters and {@code ?} any one, under RFC 1459 casemapping, as bans
 * ({@code MODE #a +b *!*@10.0.0.*}) and WHO use them. Stateless.
 */
final class Mask {

    private Mask() {}

    /** Completes a ban mask the way servers do: {@code nick} to {@code nick!*@*}, {@code u@h} to {@code *!u@h}. */
    static String normalizeBan(String mask) {
        int bang = mask.indexOf('!');
        int at = mask.indexOf('@');
        if (bang < 0 && at < 0) {
            return mask + "!*@*";
        }
        if (bang < 0) {
            return "*!" + mask;
        }
        if (at < 0) {
            return mask + "@*";
        }
        return mask;
    }

    /** Whether {@code text} matches the glob {@code mask}; iterative, so no input can make it recurse deeply. */
    static boolean matches(String mask, String text) {
        String m = Casemapping.fold(mask);
        String t = Casemapping.fold(text);
        int mi = 0;
        int ti = 0;
        int star = -1;
        int resume = 0;
        while (ti < t.length()) {
            if (mi < m.length() && (m.charAt(mi) == '?' || m.charAt(mi) == t.charAt(ti))) {
                mi++;
                ti++;
            } else if (mi < m.length() && m.charAt(mi) == '*') {
                star = mi++;
                resume = ti;
            } else if (star >= 0) {
                mi = star + 1;
                ti = ++resume;
            } else {
                return false;
            }
        }
        while (mi < m.length() && m.charAt(mi) == '*') {
            mi++;
        }
        return mi == m.length();
    }
}

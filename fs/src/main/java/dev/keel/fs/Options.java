package dev.keel.fs;

import java.nio.file.LinkOption;
import java.util.Objects;

/** Reading {@link LinkOption}s as the JDK does: only {@code NOFOLLOW_LINKS} changes anything, null is a mistake. */
final class Options {

    private Options() {}

    static boolean followLinks(LinkOption... options) {
        boolean follow = true;
        for (LinkOption option : options) {
            if (Objects.requireNonNull(option, "option") == LinkOption.NOFOLLOW_LINKS) {
                follow = false;
            }
        }
        return follow;
    }
}

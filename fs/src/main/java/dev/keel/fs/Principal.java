package dev.keel.fs;

import java.nio.file.attribute.GroupPrincipal;

/**
 * A user or group, by name. keel-fs has no user database: any name is a principal, and permissions are recorded but
 * not enforced. Immutable.
 */
record Principal(String getName) implements GroupPrincipal {

    Principal {
        if (getName.isEmpty()) {
            throw new IllegalArgumentException("principal name must not be empty");
        }
    }

    @Override
    public String toString() {
        return getName;
    }
}

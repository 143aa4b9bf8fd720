package dev.keel.fs;

/** A symbolic link: a node whose content is a path, resolved when the link is followed. Its target is immutable. */
final class SymbolicLink extends Node {

    private final KeelPath target;

    SymbolicLink(long id, long nowNanos, String owner, KeelPath target) {
        super(id, nowNanos, 0777, owner);
        this.target = target;
    }

    KeelPath target() {
        return target;
    }

    /** As on Linux: the length of the target, in bytes. */
    @Override
    long size() {
        return target.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}

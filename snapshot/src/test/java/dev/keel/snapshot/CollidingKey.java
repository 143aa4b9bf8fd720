package dev.keel.snapshot;

/** A key whose hash the test chooses, to force partial and full hash collisions. */
record CollidingKey(int id, int hash) implements Comparable<CollidingKey> {

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CollidingKey that && that.id == id;
    }

    @Override
    public int compareTo(CollidingKey other) {
        return Integer.compare(id, other.id);
    }
}

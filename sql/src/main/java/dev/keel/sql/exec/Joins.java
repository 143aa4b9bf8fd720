package dev.keel.sql.exec;

/** Row assembly shared by the joins. */
final class Joins {

    private Joins() {}

    /** A copy of {@code left} with the right side's slots taken from {@code right}. */
    static Object[] merge(Object[] left, Object[] right, int rightOffset, int rightWidth) {
        Object[] row = left.clone();
        System.arraycopy(right, rightOffset, row, rightOffset, rightWidth);
        return row;
    }
}

package dev.keel.logs.store;

import java.util.function.LongConsumer;

/**
 * An open-addressing set of longs (linear probing, zero kept aside), for counting distinct trigram hashes without
 * boxing. Not thread-safe.
 */
final class LongHashSet {

    private long[] table;
    private int size;
    private boolean hasZero;

    LongHashSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new long[capacity];
    }

    void add(long value) {
        if (value == 0) {
            if (!hasZero) {
                hasZero = true;
                size++;
            }
            return;
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        if (insert(table, value)) {
            size++;
        }
    }

    int size() {
        return size;
    }

    void forEach(LongConsumer action) {
        if (hasZero) {
            action.accept(0);
        }
        for (long value : table) {
            if (value != 0) {
                action.accept(value);
            }
        }
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        int slot = (int) (value ^ (value >>> 32)) & mask;
        while (table[slot] != 0) {
            if (table[slot] == value) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = value;
        return true;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long value : table) {
            if (value != 0) {
                insert(bigger, value);
            }
        }
        table = bigger;
    }
}

package dev.keel.kv;

/** What a key holds: nothing, a string (bytes), or a list of strings ({@link KvLists}). Immutable. */
public enum ValueType {
    NONE,
    STRING,
    LIST
}

package dev.keel.scheduler;

/** What a taint does to pods that do not tolerate it, with its Kubernetes spelling. */
public enum TaintEffect {
    NO_SCHEDULE("NoSchedule"),
    PREFER_NO_SCHEDULE("PreferNoSchedule"),
    NO_EXECUTE("NoExecute");

    private final String wireName;

    TaintEffect(String wireName) {
        this.wireName = wireName;
    }

    /** The name in manifests: {@code NoSchedule}, {@code PreferNoSchedule}, {@code NoExecute}. */
    public String wireName() {
        return wireName;
    }

    public static TaintEffect fromWireName(String name) {
        for (TaintEffect effect : values()) {
            if (effect.wireName.equals(name)) {
                return effect;
            }
        }
        throw new IllegalArgumentException(
                "taint effect '" + name + "' (expected: NoSchedule, PreferNoSchedule or NoExecute)");
    }
}

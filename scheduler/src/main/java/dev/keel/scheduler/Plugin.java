package dev.keel.scheduler;

/**
 * A scheduling plugin: a small class behind one or more extension-point interfaces ({@link FilterPlugin},
 * {@link ScorePlugin}, ...), registered in a {@link Profile}. Plugins must be safe to call from the scheduler's one
 * scheduling thread; the built-in ones are immutable.
 */
public interface Plugin {

    /** The name in profiles, configuration files and messages: {@code NodeResourcesFit}. */
    String name();
}

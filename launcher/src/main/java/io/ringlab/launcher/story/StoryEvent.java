package io.ringlab.launcher.story;

/**
 * One event of a run's story.
 *
 * @param atMillis milliseconds since the run started
 * @param kind     {@code round}, {@code down}, {@code up}, {@code out}, {@code in}, {@code unreachable},
 *                 {@code reachable} or {@code fault}
 * @param source   the server (or, for a fault, the launcher) it is about
 */
public record StoryEvent(long atMillis, String kind, String source, String text) {}

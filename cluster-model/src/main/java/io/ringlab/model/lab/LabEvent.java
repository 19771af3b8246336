package io.ringlab.model.lab;

/**
 * A fault starting or ending, as the live table prints it and the dashboard and Grafana show it; the multi-host
 * lab's launcher serves them at {@code GET /api/events} as {@code {"events": [...]}}.
 *
 * @param epochMillis when (wall clock), for annotations
 * @param atSeconds   when, since the load started
 * @param faultId     the fault's id
 * @param kind        {@code start} or {@code end}
 * @param text        the line printed
 * @param by          who made it happen (gave the fault live, or healed it); null when the schedule did
 */
public record LabEvent(long epochMillis, double atSeconds, int faultId, String kind, String text, String by) {}

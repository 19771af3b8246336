package io.ringlab.server.downtime;

import io.ringlab.protocol.ServerState;

import java.util.ArrayList;
import java.util.List;

/** Keeps the states it is asked to announce instead of sending them. */
public final class RecordingAnnouncer extends StateAnnouncer {

    private final List<ServerState> announced = new ArrayList<>();

    public RecordingAnnouncer() {
        super(null, null, null);
    }

    @Override
    public void announce(ServerState state) {
        announced.add(state);
    }

    public List<ServerState> announced() {
        return announced;
    }

    /** The announcements as {@code d}/{@code u} letters, in order. */
    public String letters() {
        StringBuilder letters = new StringBuilder();
        announced.forEach(state -> letters.append(state.up() ? 'u' : 'd'));
        return letters.toString();
    }
}

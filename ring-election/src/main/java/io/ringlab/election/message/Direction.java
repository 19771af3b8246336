package io.ringlab.election.message;

/**
 * Which way a message travels around the ring, or which neighbour: {@code RIGHT} is the next node in the
 * ordered peer list (wrapping), {@code LEFT} the previous one. A message travelling {@code RIGHT} arrives
 * from the receiver's {@code LEFT} side.
 */
public enum Direction {
    LEFT,
    RIGHT;

    public Direction opposite() {
        return this == LEFT ? RIGHT : LEFT;
    }
}

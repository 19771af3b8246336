package io.ringlab.agent.balancing;

import java.util.concurrent.atomic.AtomicReference;

/** The strategy in use, switchable at runtime; a switch takes effect from the next request on. */
public class SwitchableStrategy implements BalancingStrategy {

    private final AtomicReference<BalancingStrategy> current;

    public SwitchableStrategy(BalancingStrategy initial) {
        this.current = new AtomicReference<>(initial);
    }

    public void switchTo(BalancingStrategy strategy) {
        current.set(strategy);
    }

    @Override
    public int choose(ServerView servers) {
        return current.get().choose(servers);
    }

    @Override
    public String name() {
        return current.get().name();
    }
}

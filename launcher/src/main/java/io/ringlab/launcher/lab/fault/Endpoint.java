package io.ringlab.launcher.lab.fault;

/**
 * One end of a link: every process of a role ({@code agent}), or one process ({@code agent-2}).
 *
 * @param role    {@code client}, {@code agent} or {@code server}
 * @param process the process, or {@code null} for every process of the role
 */
public record Endpoint(String role, String process) {

    static Endpoint parse(String text) {
        String role = text.replaceAll("-\\d+$", "").replaceAll("s$", "");
        if (!role.equals("client") && !role.equals("agent") && !role.equals("server")) {
            throw new FaultSpecException(
                    "'" + text + "' is not a link end: client, agent, server, or a process such as agent-2");
        }
        return new Endpoint(role, text.matches(".*-\\d+$") ? text : null);
    }

    @Override
    public String toString() {
        return process == null ? role : process;
    }
}

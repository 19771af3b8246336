package io.ringlab.bench;

import java.util.List;

/**
 * CPU used in a cell's window by each party of a request: the balancer (and of it, the kernel's share), the load
 * client and the servers. On 2 shared cores, a balancer's every microsecond a request is taken from the other two.
 */
final class WindowCpu {

    /** Seconds of CPU in the window; the balancer's are NaN on the direct path (there is none). */
    record Usage(double balancer, double balancerKernel, double client, double servers, double balancerPeakMib) {}

    private final List<ProcessHandle> balancer;
    private final List<ProcessHandle> client;
    private final List<ProcessHandle> servers;
    private final double balancerAtStart;
    private final double balancerKernelAtStart;
    private final double clientAtStart;
    private final double serversAtStart;

    private WindowCpu(List<ProcessHandle> balancer, List<ProcessHandle> client, List<ProcessHandle> servers) {
        this.balancer = balancer;
        this.client = client;
        this.servers = servers;
        this.balancerAtStart = total(balancer);
        this.balancerKernelAtStart = kernel(balancer);
        this.clientAtStart = total(client);
        this.serversAtStart = total(servers);
    }

    /** Starts counting now. */
    static WindowCpu start(List<ProcessHandle> balancer, List<ProcessHandle> client, List<ProcessHandle> servers) {
        return new WindowCpu(balancer, client, servers);
    }

    /** What each used since {@link #start}. */
    Usage stop() {
        boolean none = balancer.isEmpty();
        return new Usage(
                none ? Double.NaN : total(balancer) - balancerAtStart,
                none ? Double.NaN : kernel(balancer) - balancerKernelAtStart,
                total(client) - clientAtStart,
                total(servers) - serversAtStart,
                balancer.stream().mapToDouble(ProcessStats::peakMemoryMib).sum());
    }

    private static double total(List<ProcessHandle> processes) {
        return processes.stream().mapToDouble(ProcessStats::cpuSeconds).sum();
    }

    private static double kernel(List<ProcessHandle> processes) {
        return processes.stream().mapToDouble(ProcessStats::systemCpuSeconds).sum();
    }
}

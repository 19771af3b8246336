package io.ringlab.bench;

/**
 * One measured cell: a path (direct, agent, nginx, or the seed's whole system) under closed-loop concurrency
 * or an open-loop rate, over the measured window.
 *
 * @param balancerCpuSeconds CPU the balancer used in the window (NaN on the direct path: there is none)
 * @param kernelDrops        datagrams the kernel dropped machine-wide for full socket buffers in the window
 * @param kernelCpuMicrosPerRequest of {@code cpuMicrosPerRequest}, the part spent in the kernel (system time: the
 *                                  socket calls and the UDP stack they run)
 * @param clientCpuMicrosPerRequest  the load client's CPU a request in the window
 * @param serversCpuMicrosPerRequest the three servers' CPU a request in the window
 */
record Sample(
        String path,
        String mode,
        int level,
        int repeat,
        double throughput,
        double p50Ms,
        double p99Ms,
        double p999Ms,
        double maxMs,
        double successPercent,
        long timeouts,
        double balancerCpuSeconds,
        double cpuMicrosPerRequest,
        double peakMemoryMib,
        long kernelDrops,
        double kernelCpuMicrosPerRequest,
        double clientCpuMicrosPerRequest,
        double serversCpuMicrosPerRequest) {

    String key() {
        return path + "/" + mode + "/" + level;
    }

    static final String CSV_HEADER =
            "path,mode,level,repeat,throughput_per_s,p50_ms,p99_ms,p999_ms,max_ms,success_percent,"
                    + "timeouts,balancer_cpu_s,balancer_cpu_us_per_request,balancer_peak_mib,kernel_drops,"
                    + "balancer_kernel_cpu_us_per_request,client_cpu_us_per_request,servers_cpu_us_per_request";

    String csv() {
        return String.join(
                ",",
                path,
                mode,
                Integer.toString(level),
                Integer.toString(repeat),
                f(throughput),
                f(p50Ms),
                f(p99Ms),
                f(p999Ms),
                f(maxMs),
                f(successPercent),
                Long.toString(timeouts),
                f(balancerCpuSeconds),
                f(cpuMicrosPerRequest),
                f(peakMemoryMib),
                Long.toString(kernelDrops),
                f(kernelCpuMicrosPerRequest),
                f(clientCpuMicrosPerRequest),
                f(serversCpuMicrosPerRequest));
    }

    /** Reads back a line written by {@link #csv()} (of an older run too, without the kernel's share). */
    static Sample fromCsv(String line) {
        String[] f = line.split(",", -1);
        return new Sample(
                f[0],
                f[1],
                Integer.parseInt(f[2]),
                Integer.parseInt(f[3]),
                d(f[4]),
                d(f[5]),
                d(f[6]),
                d(f[7]),
                d(f[8]),
                d(f[9]),
                Long.parseLong(f[10]),
                d(f[11]),
                d(f[12]),
                d(f[13]),
                Long.parseLong(f[14]),
                f.length > 15 ? d(f[15]) : Double.NaN,
                f.length > 16 ? d(f[16]) : Double.NaN,
                f.length > 17 ? d(f[17]) : Double.NaN);
    }

    private static double d(String text) {
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }

    private static String f(double value) {
        return Double.isNaN(value) ? "" : String.format(java.util.Locale.ROOT, "%.4f", value);
    }
}

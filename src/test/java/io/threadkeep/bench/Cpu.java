package io.threadkeep.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the calling thread. SQLite runs on the thread that calls it, so for the import and search paths this
 * is their whole cost, and unlike wall time it does not grow when other work on the machine takes the cores.
 */
final class Cpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Cpu() {
    }

    static long nanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }
}

package io.threadkeep.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The one executor behind every background job of the window: a few named daemon threads. */
public final class BackgroundTasks {

    private BackgroundTasks() {
    }

    public static ExecutorService newExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "threadkeep-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(3, factory);
    }
}

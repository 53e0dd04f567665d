package io.threadkeep.ui.thread;

import io.threadkeep.body.SafeHtmlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The blocks of one story's comment bodies, read off the FX thread ahead of the cells that show them: the rows of
 * the first screen when the story loads, then each batch around the rows on screen as the reader scrolls. Reading
 * every body of a 20,000-comment thread at load would delay opening it, and reading them in the cells would run
 * jsoup on the FX thread while scrolling. A cell that outruns its batch (a jump far down) reads its own body once.
 */
final class BodyBlocks {

    /** Rows read ahead of the last one on screen, and behind the first, per batch. */
    static final int AHEAD = 200;
    static final int BEHIND = 60;

    /** Marks an item whose body a batch has queued but not read yet. */
    private static final Object QUEUED = new Object();

    private final ThreadModel model;
    private final AtomicReferenceArray<Object> blocks;

    BodyBlocks(ThreadModel model) {
        this.model = model;
        this.blocks = new AtomicReferenceArray<>(model.size());
    }

    /** The blocks of an item's body: those a batch read, or read now when no batch has reached it yet. */
    @SuppressWarnings("unchecked")
    List<SafeHtmlReader.Block> blocks(int item) {
        Object cached = blocks.get(item);
        if (cached instanceof List<?> list) {
            return (List<SafeHtmlReader.Block>) list;
        }
        return read(item);
    }

    /** Reads the bodies of the given rows on the calling thread; for the task that loads the story. */
    void readNow(List<ThreadModel.Row> rows, int fromRow, int toRow) {
        for (int item : unread(rows, fromRow, toRow)) {
            read(item);
        }
    }

    /**
     * Queues the unread bodies of the rows around {@code [firstRow, lastRow]} on the executor; does nothing when
     * they are all read or queued, so calling it after every layout costs a few hundred array reads.
     */
    void readAhead(List<ThreadModel.Row> rows, int firstRow, int lastRow, Executor executor) {
        List<Integer> batch = unread(rows, firstRow - BEHIND, lastRow + AHEAD);
        if (batch.isEmpty()) {
            return;
        }
        try {
            executor.execute(() -> {
                for (int item : batch) {
                    if (blocks.get(item) == QUEUED) {
                        read(item);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException windowClosing) {
            // The executor stops as the window closes while a last layout pass still asks for bodies; unmark them
            // so a cell that still shows reads its own body rather than waiting for a batch that never runs.
            for (int item : batch) {
                blocks.compareAndSet(item, QUEUED, null);
            }
        }
    }

    /** The items of the rows in range whose bodies are neither read nor queued, marked queued. */
    private List<Integer> unread(List<ThreadModel.Row> rows, int fromRow, int toRow) {
        List<Integer> out = new ArrayList<>();
        int end = Math.min(rows.size(), toRow + 1);
        for (int r = Math.max(0, fromRow); r < end; r++) {
            int item = rows.get(r).item();
            if (item >= 0 && item < blocks.length() && blocks.compareAndSet(item, null, QUEUED)) {
                out.add(item);
            }
        }
        return out;
    }

    private List<SafeHtmlReader.Block> read(int item) {
        List<SafeHtmlReader.Block> read = SafeHtmlReader.read(model.comment(item).html());
        blocks.set(item, read);
        return read;
    }
}

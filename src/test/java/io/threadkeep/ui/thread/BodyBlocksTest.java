package io.threadkeep.ui.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.threadkeep.body.SafeHtmlReader;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.store.StoredComment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies are read in batches off the FX thread, each once, and a cell that outruns its batch still gets its body. */
class BodyBlocksTest {

    private static ThreadModel flat(int n) {
        List<StoredComment> stored = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            stored.add(new StoredComment(i + 1, new Comment("c" + i, null, "u", null,
                    Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i), null, 1, null, null,
                    "<p>body <b>" + i + "</b></p>", "body " + i, Completeness.FULL, CommentState.NORMAL), false, false));
        }
        return new ThreadModel(stored);
    }

    @Test
    void aBatchQueuesTheRowsAroundTheScreenOnceAndReadsThemOnTheExecutor() {
        ThreadModel model = flat(1000);
        List<ThreadModel.Row> rows = model.rows();
        BodyBlocks bodies = new BodyBlocks(model);
        List<Runnable> queued = new ArrayList<>();

        bodies.readAhead(rows, 100, 130, queued::add);
        bodies.readAhead(rows, 100, 130, queued::add);
        assertEquals(1, queued.size(), "the second layout finds the batch already queued");

        queued.get(0).run();
        List<SafeHtmlReader.Block> read = bodies.blocks(rows.get(130 + BodyBlocks.AHEAD).item());
        assertEquals("body " + (130 + BodyBlocks.AHEAD), read.get(0).text());
        assertSame(read, bodies.blocks(rows.get(130 + BodyBlocks.AHEAD).item()), "read once, then cached");
    }

    @Test
    void aCellBeyondEveryBatchReadsItsOwnBody() {
        ThreadModel model = flat(1000);
        BodyBlocks bodies = new BodyBlocks(model);
        bodies.readNow(model.rows(), 0, 10);
        assertEquals("body 900", bodies.blocks(900).get(0).text());
    }
}

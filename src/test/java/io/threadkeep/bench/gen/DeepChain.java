package io.threadkeep.bench.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Pages whose comments form one reply chain: each comment answers the one before it, so a page of N comments
 * nests N deep. No real thread is like this; it is the worst case for anything whose cost grows with depth.
 */
public final class DeepChain {

    private DeepChain() {
    }

    /** The page of a generated thread of {@code depth} comments, re-parented into one chain. */
    public static byte[] page(Era era, int depth) {
        CorpusGenerator generator = new CorpusGenerator(CorpusSpec.TINY);
        CorpusGenerator.PagePlan plan = new CorpusGenerator.PagePlan(70_000 + era.ordinal(), era, depth, false);
        GenThread thread = chain(generator.thread(plan, new int[generator.vocabulary().size()]));
        PageWriter writer = CorpusGenerator.writer(plan);
        return writer.write(thread).getBytes(writer.charset());
    }

    /** The same comments in the same order, each the only reply to the one before it. */
    public static GenThread chain(GenThread thread) {
        List<GenComment> in = thread.comments();
        List<GenComment> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            GenComment c = in.get(i);
            out.add(new GenComment(c.id(), i == 0 ? null : in.get(i - 1).id(), i, c.author(), c.authorId(),
                    c.posted(), c.score(), c.label(), c.subject(), shortBody(i), c.state(), c.abbreviated(),
                    i + 1 < in.size() ? 1 : 0));
        }
        return new GenThread(thread.era(), thread.story(), out);
    }

    /** One short line: the chain's cost should be its depth, not its text. */
    private static Body shortBody(int i) {
        return new Body(List.of(new Body.Paragraph(List.of(new Body.Words("Reply number " + (i + 1))))));
    }
}

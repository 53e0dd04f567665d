package io.threadkeep.importer.slashdot;

import io.threadkeep.model.Comment;
import io.threadkeep.model.ThreadOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the drafts of one page into the comment list of a {@code ParsedThread}: one comment per cid (a comment seen
 * twice, say as markup and in the D2 table, is merged), the stated parent preferred over nesting, a placeholder for
 * each parent that replies name but the page lacks, and parents before children.
 */
final class ThreadAssembler {

    private ThreadAssembler() {
    }

    static List<Comment> assemble(List<CommentDraft> drafts, List<String> warnings) {
        Map<String, CommentDraft> byId = new LinkedHashMap<>();
        for (CommentDraft d : drafts) {
            CommentDraft seen = byId.putIfAbsent(d.id, d);
            if (seen != null) {
                seen.absorb(d);
            }
        }
        List<Comment> comments = new ArrayList<>(byId.size() + 8);
        Set<String> placeholders = new HashSet<>();
        int restated = 0;
        for (CommentDraft d : byId.values()) {
            String parent = d.parent();
            if (d.parentStated && d.nestedParent != null && !d.nestedParent.equals(d.statedParent)) {
                restated++;
            }
            if (parent != null && !byId.containsKey(parent) && placeholders.add(parent)) {
                // Placed before its first reply so the thread keeps the page's order around it.
                comments.add(Comment.placeholder(parent, null));
            }
            comments.add(d.toComment(parent));
        }
        if (!placeholders.isEmpty()) {
            warnings.add(placeholders.size() + " parent comment" + plural(placeholders.size())
                    + " named by replies " + (placeholders.size() == 1 ? "is" : "are")
                    + " not on the page; kept as placeholders");
        }
        if (restated > 0) {
            warnings.add(restated + " comment" + plural(restated) + " listed under another comment than the parent"
                    + " the page names (threaded pages flatten deep replies); hung under the named parent");
        }
        return ThreadOrder.depthFirst(comments);
    }

    static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}

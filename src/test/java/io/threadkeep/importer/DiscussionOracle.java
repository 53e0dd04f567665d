package io.threadkeep.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the real Q&A and comment-section pages hold, read with regular expressions over the raw markup (never with
 * the parsers' selectors), so a parser's mistake is not repeated in the expectation. The page is cut into one
 * segment per post, from its opening tag to the next post's; the author and text patterns are the page's own.
 */
final class DiscussionOracle {

    private DiscussionOracle() {
    }

    /**
     * One segment per match of {@code start} (group 1 = id; optional group 2 = parent id or nesting depth, as
     * {@code parentMode} says), with the first match of {@code author} and {@code text} inside it.
     */
    static List<CorpusOracle.Expected> segments(String html, Pattern start, ParentMode parentMode, Pattern author,
                                                Pattern text) {
        List<int[]> bounds = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        Matcher m = start.matcher(html);
        while (m.find()) {
            bounds.add(new int[] {m.start(), m.end()});
            heads.add(new String[] {m.group(1), m.groupCount() >= 2 ? m.group(2) : null});
        }
        List<CorpusOracle.Expected> out = new ArrayList<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        for (int i = 0; i < bounds.size(); i++) {
            int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : html.length();
            String segment = html.substring(bounds.get(i)[1], end);
            String id = heads.get(i)[0];
            String parent = switch (parentMode) {
                case NONE -> null;
                case ID -> "0".equals(heads.get(i)[1]) ? null : heads.get(i)[1];
                case DEPTH -> {
                    int depth = Integer.parseInt(heads.get(i)[1]);
                    while (!stack.isEmpty() && (int) stack.peek()[0] >= depth) {
                        stack.pop();
                    }
                    String p = stack.isEmpty() ? null : (String) stack.peek()[1];
                    stack.push(new Object[] {depth, id});
                    yield p;
                }
            };
            Matcher a = author == null ? null : author.matcher(segment);
            Matcher t = text == null ? null : text.matcher(segment);
            out.add(new CorpusOracle.Expected(id, parent,
                    a != null && a.find() ? CorpusOracle.normalize(a.group(1)) : null,
                    t != null && t.find() ? CorpusOracle.normalize(t.group(1)) : null));
        }
        return out;
    }

    enum ParentMode { NONE, ID, DEPTH }

    static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}

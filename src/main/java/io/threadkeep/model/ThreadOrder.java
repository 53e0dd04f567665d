package io.threadkeep.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Puts comments into depth-first thread order: each comment followed by its replies, siblings in given order. */
public final class ThreadOrder {

    private ThreadOrder() {
    }

    /**
     * Depth-first order of {@code items}, keeping the relative order of siblings as given. Items whose parent is
     * missing are treated as top-level; cycles are broken (each item appears exactly once).
     */
    public static <T> List<T> depthFirst(List<T> items, Function<T, String> id, Function<T, String> parentId) {
        Map<String, T> byId = new HashMap<>();
        for (T item : items) {
            byId.putIfAbsent(id.apply(item), item);
        }
        Map<String, List<T>> children = new LinkedHashMap<>();
        List<T> roots = new ArrayList<>();
        for (T item : items) {
            String parent = parentId.apply(item);
            if (parent == null || !byId.containsKey(parent) || parent.equals(id.apply(item))) {
                roots.add(item);
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(item);
            }
        }
        List<T> out = new ArrayList<>(items.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        walk(roots, children, id, out, seen);
        if (out.size() < items.size()) {
            // Only a parent cycle leaves items unvisited; show them as roots rather than losing them.
            List<T> rest = new ArrayList<>();
            for (T item : items) {
                if (!seen.contains(id.apply(item))) {
                    rest.add(item);
                }
            }
            for (T item : rest) {
                if (!seen.contains(id.apply(item))) {
                    walk(List.of(item), children, id, out, seen);
                }
            }
        }
        return out;
    }

    public static List<Comment> depthFirst(List<Comment> comments) {
        return depthFirst(comments, Comment::id, Comment::parentId);
    }

    private static <T> void walk(List<T> roots, Map<String, List<T>> children, Function<T, String> id, List<T> out,
                                 java.util.Set<String> seen) {
        Deque<T> stack = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            T item = stack.pop();
            if (!seen.add(id.apply(item))) {
                continue;
            }
            out.add(item);
            List<T> kids = children.get(id.apply(item));
            if (kids != null) {
                for (int i = kids.size() - 1; i >= 0; i--) {
                    stack.push(kids.get(i));
                }
            }
        }
    }
}

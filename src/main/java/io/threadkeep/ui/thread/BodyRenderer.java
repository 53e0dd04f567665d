package io.threadkeep.ui.thread;

import io.threadkeep.body.SafeHtmlReader;
import io.threadkeep.body.SafeHtmlReader.Block;
import io.threadkeep.body.SafeHtmlReader.BlockKind;
import io.threadkeep.body.SafeHtmlReader.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Lays a stored body out natively: paragraphs as text flows, quotes indented behind a bar, code in a monospace
 * box, links underlined. Nothing here can load a resource: the input is styled text and link targets, and a
 * link only goes to the system browser when clicked.
 */
final class BodyRenderer {

    private final Consumer<String> linkClicked;
    private final Consumer<String> linkHovered;

    /**
     * @param linkClicked gets a link's target when the reader clicks it
     * @param linkHovered gets a link's target while the pointer is over it, and null when it leaves
     */
    BodyRenderer(Consumer<String> linkClicked, Consumer<String> linkHovered) {
        this.linkClicked = linkClicked;
        this.linkHovered = linkHovered;
    }

    /** The body as a node; {@code highlight} (may be empty) is marked wherever it occurs. */
    VBox render(List<Block> blocks, String highlight) {
        VBox body = new VBox();
        body.getStyleClass().add("comment-body");
        List<VBox> stack = new ArrayList<>();
        stack.add(body);
        String needle = highlight == null || highlight.isBlank() ? null : highlight.strip().toLowerCase(Locale.ROOT);
        for (Block block : blocks) {
            while (stack.size() - 1 > block.quoteDepth()) {
                stack.remove(stack.size() - 1);
            }
            while (stack.size() - 1 < block.quoteDepth()) {
                VBox inner = new VBox();
                inner.getStyleClass().add("quote-content");
                HBox.setHgrow(inner, Priority.ALWAYS);
                Region bar = new Region();
                bar.getStyleClass().add("quote-bar");
                bar.setMinWidth(Region.USE_PREF_SIZE);
                HBox quote = new HBox(bar, inner);
                quote.getStyleClass().add("quote");
                stack.get(stack.size() - 1).getChildren().add(quote);
                stack.add(inner);
            }
            stack.get(stack.size() - 1).getChildren().add(blockNode(block, needle));
        }
        return body;
    }

    private Node blockNode(Block block, String needle) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("paragraph");
        for (Span span : block.spans()) {
            addSpan(flow, span, needle);
        }
        if (block.kind() == BlockKind.PREFORMATTED) {
            flow.getStyleClass().add("code-block");
            return flow;
        }
        if (block.kind() == BlockKind.LIST_ITEM) {
            Label bullet = new Label(block.bullet());
            bullet.getStyleClass().add("list-bullet");
            bullet.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(flow, Priority.ALWAYS);
            HBox item = new HBox(bullet, flow);
            item.getStyleClass().add("list-item");
            item.setStyle("-fx-padding: 0 0 0 " + (Math.max(0, block.listDepth() - 1) * 1.2) + "em;");
            return item;
        }
        return flow;
    }

    private void addSpan(TextFlow flow, Span span, String needle) {
        String text = span.text();
        if (needle == null) {
            flow.getChildren().add(text(text, span, false));
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int from = 0;
        int at;
        while ((at = lower.indexOf(needle, from)) >= 0) {
            if (at > from) {
                flow.getChildren().add(text(text.substring(from, at), span, false));
            }
            flow.getChildren().add(text(text.substring(at, at + needle.length()), span, true));
            from = at + needle.length();
        }
        if (from < text.length()) {
            flow.getChildren().add(text(text.substring(from), span, false));
        }
    }

    private Text text(String value, Span span, boolean match) {
        Text t = new Text(value);
        List<String> classes = t.getStyleClass();
        classes.add("body-text");
        if (span.has(SafeHtmlReader.BOLD)) {
            classes.add("t-bold");
        }
        if (span.has(SafeHtmlReader.ITALIC)) {
            classes.add("t-italic");
        }
        if (span.has(SafeHtmlReader.CODE)) {
            classes.add("t-code");
        }
        if (span.has(SafeHtmlReader.UNDERLINE)) {
            classes.add("t-underline");
        }
        if (span.has(SafeHtmlReader.STRIKE)) {
            classes.add("t-strike");
        }
        if (span.has(SafeHtmlReader.SMALL) || span.has(SafeHtmlReader.SUPERSCRIPT)
                || span.has(SafeHtmlReader.SUBSCRIPT)) {
            classes.add("t-small");
        }
        if (match) {
            classes.add("find-match");
        }
        if (span.href() != null) {
            String href = span.href();
            classes.add("link");
            t.setCursor(Cursor.HAND);
            t.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    e.consume();
                    linkClicked.accept(href);
                }
            });
            t.setOnMouseEntered(e -> linkHovered.accept(href));
            t.setOnMouseExited(e -> linkHovered.accept(null));
        }
        return t;
    }
}

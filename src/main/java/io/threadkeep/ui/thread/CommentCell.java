package io.threadkeep.ui.thread;

import io.threadkeep.body.SafeHtmlReader;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.Site;
import io.threadkeep.store.StoredComment;
import io.threadkeep.store.StoredStory;
import io.threadkeep.ui.common.Formats;
import io.threadkeep.ui.thread.ThreadModel.Row;
import io.threadkeep.ui.thread.ThreadModel.RowKind;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntFunction;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One row of the comment list: a comment (full, one line, collapsed), a missing parent, or a hidden group. */
final class CommentCell extends ListCell<Row> {

    static final double INDENT_STEP = 22;

    private static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");
    private static final PseudoClass TARGET = PseudoClass.getPseudoClass("target");
    private static final PseudoClass TOP_LEVEL = PseudoClass.getPseudoClass("top-level");
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    private final ThreadViewModel vm;
    private final BodyRenderer renderer;
    private final IntFunction<List<SafeHtmlReader.Block>> bodies;
    private final ZoneId zone;

    private final HBox root = new HBox();
    private final IndentGuides guides = new IndentGuides(INDENT_STEP);
    private final VBox content = new VBox();
    private final HBox header = new HBox();
    private final Region unreadDot = new Region();
    private final Label toggle = new Label();
    private final Label subject = new Label();
    private final Label author = new Label();
    private final Label uid = new Label();
    private final Label score = new Label();
    private final Label date = new Label();
    private final Label postNumber = new Label();
    private final HBox badges = new HBox();
    private final Label oneLine = new Label();

    CommentCell(ThreadViewModel vm, BodyRenderer renderer, IntFunction<List<SafeHtmlReader.Block>> bodies,
                ZoneId zone) {
        this.vm = vm;
        this.renderer = renderer;
        this.bodies = bodies;
        this.zone = zone;
        getStyleClass().add("comment-cell");
        // Cells take the list's width and never ask for more, so long lines wrap instead of scrolling sideways.
        setPrefWidth(0);
        root.getStyleClass().add("comment-row");
        content.getStyleClass().add("comment-content");
        header.getStyleClass().add("comment-header");
        unreadDot.getStyleClass().add("unread-dot");
        toggle.getStyleClass().add("toggle");
        toggle.setId(null);
        subject.getStyleClass().add("subject");
        author.getStyleClass().add("author");
        uid.getStyleClass().add("uid");
        score.getStyleClass().add("score");
        date.getStyleClass().add("date");
        badges.getStyleClass().add("badges");
        oneLine.getStyleClass().add("one-line");
        for (Label l : List.of(toggle, author, uid, score, date)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        subject.setMinWidth(40);
        subject.setTextOverrun(OverrunStyle.ELLIPSIS);
        badges.setMinWidth(Region.USE_PREF_SIZE);
        oneLine.setMinWidth(0);
        oneLine.setMaxWidth(Double.MAX_VALUE);
        oneLine.setTextOverrun(OverrunStyle.ELLIPSIS);
        HBox.setHgrow(content, Priority.ALWAYS);
        content.setMinWidth(0);
        root.getChildren().addAll(guides, content);
        toggle.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && getItem() != null) {
                vm.activate(getItem());
                e.consume();
            }
        });
        header.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && getItem() != null) {
                vm.selectRow(getIndex());
                vm.activate(getItem());
                e.consume();
            }
        });
        oneLine.setOnMouseClicked(e -> {
            Row row = getItem();
            if (e.getButton() == MouseButton.PRIMARY && row != null && row.kind() == RowKind.HIDDEN_GROUP) {
                vm.selectRow(getIndex());
                vm.activate(row);
                e.consume();
            }
        });
    }

    @Override
    protected void updateItem(Row row, boolean empty) {
        super.updateItem(row, empty);
        ThreadModel model = vm.model();
        if (empty || row == null || model == null || row.item() >= model.size()) {
            setGraphic(null);
            setText(null);
            setAccessibleText(null);
            pseudoClassStateChanged(UNREAD, false);
            pseudoClassStateChanged(TARGET, false);
            return;
        }
        setText(null);
        int item = row.item();
        StoredStory openStory = vm.storyProperty().get();
        setAccessibleRole(javafx.scene.AccessibleRole.LIST_ITEM);
        setAccessibleRoleDescription("comment");
        setAccessibleText(accessibleText(model, item, openStory == null ? null : openStory.story().site(), row, vm));
        StoredComment stored = model.stored(item);
        Comment c = stored.comment();
        guides.setDepth(model.depth(item));
        pseudoClassStateChanged(TOP_LEVEL, model.depth(item) == 0);
        pseudoClassStateChanged(TARGET, item == vm.highlightedItemProperty().get());
        pseudoClassStateChanged(COMPACT, row.kind() != RowKind.FULL);
        boolean unread = model.wasUnreadAtOpen(item) && row.kind() != RowKind.HIDDEN_GROUP;
        pseudoClassStateChanged(UNREAD, unread);
        content.getChildren().clear();
        if (row.kind() == RowKind.HIDDEN_GROUP) {
            oneLine.setText(row.count() == 1 ? "1 hidden comment (below the threshold) — show"
                    : row.count() + " hidden comments (below the threshold) — show");
            setStyleClass(oneLine, "hidden-group");
            content.getChildren().add(oneLine);
            setGraphic(root);
            return;
        }
        fillHeader(row, c, model, unread);
        content.getChildren().add(header);
        switch (row.kind()) {
            case FULL -> content.getChildren().add(renderer.render(bodies.apply(item), vm.findQueryProperty().get()));
            case ONE_LINE -> {
                String text = c.text() == null || c.text().isBlank() ? bodylessNote(c) : firstLine(c.text());
                oneLine.setText(text);
                setStyleClass(oneLine, "one-line");
                content.getChildren().add(oneLine);
            }
            case COLLAPSED -> {
                oneLine.setText(Formats.count(row.count(), "reply", "replies") + " hidden — click to expand");
                setStyleClass(oneLine, "collapsed-note");
                content.getChildren().add(oneLine);
            }
            default -> { }
        }
        setGraphic(root);
    }

    private static void setStyleClass(Label label, String styleClass) {
        label.getStyleClass().setAll("label", styleClass);
    }

    private void fillHeader(Row row, Comment c, ThreadModel model, boolean unread) {
        List<Node> parts = header.getChildren();
        parts.clear();
        unreadDot.setVisible(unread);
        parts.add(unreadDot);
        boolean hasReplies = model.hasReplies(row.item());
        boolean collapsed = row.kind() == RowKind.COLLAPSED
                || (row.kind() == RowKind.PLACEHOLDER && model.isCollapsed(row.item()));
        toggle.setText(hasReplies ? (collapsed ? "▸" : "▾") : (row.kind() == RowKind.ONE_LINE ? "+" : "•"));
        parts.add(toggle);
        if (c.completeness() == Completeness.PLACEHOLDER) {
            subject.setText("#" + c.id() + " was not saved");
            setStyleClass(subject, "placeholder-note");
            parts.add(subject);
            if (collapsed) {
                Label hidden = new Label(Formats.count(model.descendants(row.item()), "reply", "replies") + " hidden");
                hidden.getStyleClass().add("date");
                parts.add(hidden);
            }
            return;
        }
        StoredStory story = vm.storyProperty().get();
        Site site = story == null ? null : story.story().site();
        if (c.subject() != null && !c.subject().isBlank()) {
            subject.setText(c.subject());
            setStyleClass(subject, "subject");
            parts.add(subject);
        }
        if (c.author() == null) {
            // Only a comment the page showed can be called anonymous; one known from metadata just lacks a name.
            author.setText(!c.isAnonymous() ? "author not saved"
                    : site == Site.SLASHDOT ? "Anonymous Coward" : "anonymous");
            setStyleClass(author, "author");
            author.getStyleClass().add("anonymous");
        } else {
            author.setText(c.author());
            setStyleClass(author, "author");
            if (vm.isByPoster(c)) {
                author.getStyleClass().add("poster");
            }
        }
        if (c.subject() == null || c.subject().isBlank()) {
            // Without a subject line (Hacker News, Reddit, Lobsters) the author leads the header.
            author.getStyleClass().add("lead");
        }
        parts.add(author);
        if (c.authorId() != null && !c.authorId().isBlank() && c.author() != null) {
            uid.setText("(" + c.authorId() + ")");
            parts.add(uid);
        }
        String scoreText = scoreText(model, row.item(), site);
        if (!scoreText.isEmpty()) {
            score.setText(scoreText);
            setStyleClass(score, "score");
            if (model.adjustment(row.item()).delta() != 0) {
                score.getStyleClass().add("adjusted");
            }
            parts.add(score);
        }
        String when = c.posted() != null ? Formats.dateTime(c.posted(), zone)
                : (c.postedText() == null ? "" : c.postedText());
        if (!when.isEmpty()) {
            date.setText(when);
            parts.add(date);
        }
        if (c.postNumber() != null) {
            // Forums number their posts; readers quote and cite them by that number.
            postNumber.setText("#" + c.postNumber());
            setStyleClass(postNumber, "post-number");
            parts.add(postNumber);
        }
        badges.getChildren().clear();
        if (c.accepted()) {
            badges.getChildren().add(badge("✓ accepted", "badge-accepted"));
        }
        io.threadkeep.store.ReaderMarks.Mark mark = vm.mark(row.item());
        if (mark.starred()) {
            badges.getChildren().add(badge("★ starred", "badge-star"));
        }
        if (mark.hasNote()) {
            Label note = badge("note", "badge-note");
            javafx.scene.control.Tooltip.install(note, new javafx.scene.control.Tooltip(mark.note()));
            badges.getChildren().add(note);
        }
        if (vm.isByPoster(c)) {
            badges.getChildren().add(badge("poster", "badge-poster"));
        }
        if (model.stored(row.item()).newSinceLastSave()) {
            badges.getChildren().add(badge("new", "badge-new"));
        }
        if (c.completeness() == Completeness.TRUNCATED || c.completeness() == Completeness.ABBREVIATED) {
            badges.getChildren().add(badge("not saved in full", "badge-partial"));
        }
        if (c.state() != CommentState.NORMAL) {
            badges.getChildren().add(badge(c.state().name().toLowerCase(java.util.Locale.ROOT), "badge-state"));
        }
        if (model.depth(row.item()) > IndentGuides.MAX_LEVELS) {
            badges.getChildren().add(badge("depth " + model.depth(row.item()), "badge-depth"));
        }
        if (!badges.getChildren().isEmpty()) {
            parts.add(badges);
        }
        if (row.kind() == RowKind.COLLAPSED) {
            Label hidden = new Label(Formats.count(row.count(), "reply", "replies") + " hidden");
            hidden.getStyleClass().add("replies-hidden");
            parts.add(hidden);
        }
    }

    /**
     * "Score: 3, Insightful (+1 friend)" on Slashdot, "12 points (+1 friend)" elsewhere: the adjusted score, and
     * what the reader's scoring did to it.
     */
    static String scoreText(ThreadModel model, int item, Site site) {
        Comment c = model.comment(item);
        io.threadkeep.model.ScoreRules.Adjusted adjusted = model.adjustment(item);
        if (adjusted.score() == null) {
            return "";
        }
        String label = c.label() == null || c.label().isBlank() ? "" : ", " + c.label();
        String text = site == Site.SLASHDOT || site == null ? "Score: " + adjusted.score() + label
                : Formats.count(adjusted.score(), "point", "points") + label;
        return adjusted.reasons().isEmpty() ? text : text + " (" + adjusted.explanation() + ")";
    }

    /** What a screen reader says for the row: who wrote it, its score, depth, and its marks. */
    static String accessibleText(ThreadModel model, int item, Site site, Row row, ThreadViewModel vm) {
        Comment c = model.comment(item);
        if (row.kind() == RowKind.HIDDEN_GROUP) {
            return row.count() + " hidden comments below the threshold";
        }
        if (c.completeness() == Completeness.PLACEHOLDER) {
            return "Comment " + c.id() + ", not saved, depth " + (model.depth(item) + 1);
        }
        StringBuilder sb = new StringBuilder("Comment by ");
        sb.append(c.author() == null ? "anonymous" : c.author());
        String score = scoreText(model, item, site);
        if (!score.isEmpty()) {
            sb.append(", ").append(score);
        }
        sb.append(", depth ").append(model.depth(item) + 1);
        if (model.hasReplies(item)) {
            sb.append(", ").append(Formats.count(model.descendants(item), "reply", "replies"));
            if (row.kind() == RowKind.COLLAPSED) {
                sb.append(" collapsed");
            }
        }
        if (model.wasUnreadAtOpen(item)) {
            sb.append(", unread");
        }
        io.threadkeep.store.ReaderMarks.Mark mark = vm.mark(item);
        if (mark.starred()) {
            sb.append(", starred");
        }
        if (mark.hasNote()) {
            sb.append(", note: ").append(mark.note());
        }
        if (c.subject() != null && !c.subject().isBlank()) {
            sb.append(". ").append(c.subject());
        }
        if (row.kind() == RowKind.FULL && c.text() != null) {
            sb.append(". ").append(firstLine(c.text()));
        }
        return sb.toString();
    }

    private static Label badge(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().addAll("badge", styleClass);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static String bodylessNote(Comment c) {
        // A one-line entry on the saved page shows only the subject and byline: say so rather than show nothing.
        return c.completeness() == Completeness.FULL ? "" : "(the body of this comment was not saved)";
    }

    private static String firstLine(String text) {
        String squashed = text.strip().replaceAll("\\s+", " ");
        return squashed.length() > 300 ? squashed.substring(0, 300) + "…" : squashed;
    }
}

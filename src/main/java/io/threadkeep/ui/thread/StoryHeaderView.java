package io.threadkeep.ui.thread;

import io.threadkeep.body.SafeHtmlReader;
import io.threadkeep.model.Story;
import io.threadkeep.store.StoredStory;
import io.threadkeep.ui.common.Formats;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The story's head: title, source link, poster, date, department, topics, and the summary. */
final class StoryHeaderView extends VBox {

    private static final double SUMMARY_MAX_HEIGHT = 150;

    private final ThreadViewModel vm;
    private final BodyRenderer renderer;
    private final ZoneId zone;
    private final Label site = new Label();
    private final Label title = new Label();
    private final FlowPane meta = new FlowPane();
    private final FlowPane topics = new FlowPane();
    private final Hyperlink source = new Hyperlink();
    private final Label saved = new Label();
    private final ScrollPane summaryScroll = new ScrollPane();

    StoryHeaderView(ThreadViewModel vm, BodyRenderer renderer, ZoneId zone) {
        this.vm = vm;
        this.renderer = renderer;
        this.zone = zone;
        setId("storyHeader");
        getStyleClass().add("story-header");
        site.setId("storySite");
        site.getStyleClass().add("story-site");
        title.setId("storyTitle");
        title.getStyleClass().add("story-title");
        title.setWrapText(true);
        meta.setId("storyMeta");
        meta.getStyleClass().add("story-meta");
        topics.setId("storyTopics");
        topics.getStyleClass().add("story-topics");
        source.setId("storySource");
        source.getStyleClass().add("story-source");
        saved.setId("storySaved");
        saved.getStyleClass().add("story-saved");
        summaryScroll.setId("storySummary");
        summaryScroll.getStyleClass().add("story-summary");
        summaryScroll.setFitToWidth(true);
        summaryScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        summaryScroll.setMaxHeight(SUMMARY_MAX_HEIGHT + 12);
        summaryScroll.setMinHeight(0);
        Label counts = new Label();
        counts.setId("threadSummary");
        counts.getStyleClass().add("story-saved");
        counts.textProperty().bind(vm.summaryProperty());
        HBox top = new HBox(site, saved, counts);
        top.setAlignment(Pos.BASELINE_LEFT);
        top.getStyleClass().add("story-top");
        getChildren().addAll(top, title, meta, topics, summaryScroll);
        vm.storyProperty().addListener((obs, old, story) -> show(story));
        vm.summaryProperty().addListener((obs, old, text) -> showSaved(vm.storyProperty().get()));
        show(vm.storyProperty().get());
    }

    private void show(StoredStory stored) {
        if (stored == null) {
            return;
        }
        Story s = stored.story();
        site.setText(io.threadkeep.ui.common.Formats.siteName(s.site(), s.url()).toUpperCase(java.util.Locale.ROOT));
        title.setText(s.title() == null || s.title().isBlank() ? "(untitled story)" : s.title());
        List<Node> parts = new ArrayList<>();
        if (s.author() != null && !s.author().isBlank()) {
            parts.add(metaLabel("Posted by ", "storyPoster", s.author()));
        }
        if (s.posted() != null) {
            parts.add(metaLabel("", "storyDate", Formats.dateTime(s.posted(), zone)));
        }
        if (s.department() != null && !s.department().isBlank()) {
            Label dept = new Label("from the " + s.department() + " dept.");
            dept.setId("storyDepartment");
            dept.getStyleClass().add("story-department");
            parts.add(dept);
        }
        String link = s.linkUrl() != null && !s.linkUrl().isBlank() ? s.linkUrl() : s.url();
        source.setText(shortUrl(link));
        source.setTooltip(new Tooltip(link));
        source.setOnAction(e -> vm.openLink(link));
        parts.add(source);
        if (s.linkUrl() != null && !s.linkUrl().isBlank() && !s.linkUrl().equals(s.url())) {
            Hyperlink discussion = new Hyperlink("discussion");
            discussion.setTooltip(new Tooltip(s.url()));
            discussion.setOnAction(e -> vm.openLink(s.url()));
            parts.add(discussion);
        }
        meta.getChildren().setAll(interleave(parts));
        topics.getChildren().clear();
        List<String> all = new ArrayList<>(s.topics());
        for (String tag : s.tags()) {
            if (!all.contains(tag)) {
                all.add(tag);
            }
        }
        for (String topic : all) {
            Label chip = new Label(topic);
            chip.getStyleClass().add("topic-chip");
            topics.getChildren().add(chip);
        }
        topics.setVisible(!all.isEmpty());
        topics.setManaged(!all.isEmpty());
        List<SafeHtmlReader.Block> summary = SafeHtmlReader.read(s.summaryHtml());
        if (summary.isEmpty() && s.summaryText() != null && !s.summaryText().isBlank()) {
            summary = List.of(new SafeHtmlReader.Block(SafeHtmlReader.BlockKind.PARAGRAPH, 0, 0, null,
                    List.of(new SafeHtmlReader.Span(s.summaryText(), 0, null))));
        }
        if (summary.isEmpty()) {
            summaryScroll.setContent(null);
        } else {
            javafx.scene.layout.VBox body = renderer.render(summary, null);
            // As tall as the summary, up to a limit; longer ones scroll inside the header.
            body.heightProperty().addListener((obs, old, h) ->
                    summaryScroll.setPrefViewportHeight(Math.min(h.doubleValue(), SUMMARY_MAX_HEIGHT)));
            summaryScroll.setContent(body);
        }
        summaryScroll.setVisible(!summary.isEmpty());
        summaryScroll.setManaged(!summary.isEmpty());
        showSaved(stored);
    }

    private void showSaved(StoredStory stored) {
        if (stored == null || vm.model() == null) {
            saved.setText("");
            return;
        }
        int count = 0;
        for (int i = 0; i < vm.model().size(); i++) {
            if (vm.model().comment(i).completeness() != io.threadkeep.model.Completeness.PLACEHOLDER) {
                count++;
            }
        }
        Integer declared = stored.story().declaredCommentCount();
        saved.setText(declared != null && declared > count ? count + " of " + declared + " comments saved ·"
                : Formats.count(count, "comment", "comments") + " saved ·");
    }

    private static Node metaLabel(String prefix, String id, String value) {
        Label label = new Label(prefix + value);
        label.setId(id);
        label.getStyleClass().add("story-meta-item");
        return label;
    }

    private static List<Node> interleave(List<Node> parts) {
        List<Node> out = new ArrayList<>();
        for (Node part : parts) {
            if (!out.isEmpty()) {
                Label dot = new Label("·");
                dot.getStyleClass().add("meta-dot");
                out.add(dot);
            }
            out.add(part);
        }
        return out;
    }

    private static String shortUrl(String url) {
        if (url == null) {
            return "";
        }
        String s = url.replaceFirst("^https?://(www\\.)?", "");
        return s.length() > 70 ? s.substring(0, 69) + "…" : s;
    }
}

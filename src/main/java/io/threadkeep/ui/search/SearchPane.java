package io.threadkeep.ui.search;

import io.threadkeep.search.SearchHit;
import io.threadkeep.search.Snippet;
import io.threadkeep.search.SortOrder;
import io.threadkeep.store.AuthorStats;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The archive search, as a pane the window hosts: a query field with results as you type, each result with its
 * story, author, date, score and a snippet with the matched words highlighted. Enter or a click opens a result
 * through the view-model's opener; {@link #showNext()} and {@link #showPrevious()} step through results
 * without going back to the list. Clicking an author opens the author view: all their comments, with how many,
 * in how many stories and how they were scored.
 *
 * <p>Node ids (for tests and styling): {@code searchQuery}, {@code searchSort}, {@code searchStatus},
 * {@code searchBusy}, {@code searchResults}, {@code searchMore}, {@code authorView}, {@code authorName},
 * {@code authorSummary}, {@code authorScores}, {@code authorBack}. Matched words in snippets are {@link Text} nodes
 * with the style class {@code search-match}.
 */
public final class SearchPane extends BorderPane {

    /** The pause after the last keystroke before a search starts. */
    public static final Duration TYPING_PAUSE = Duration.millis(150);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("UTC"));

    private final SearchViewModel model;
    private final TextField field = new TextField();
    private final ListView<SearchHit> list = new ListView<>();

    /** A view of {@code model}, which the reader's view-model owns (it decides how a result opens). */
    public SearchPane(SearchViewModel model) {
        this.model = Objects.requireNonNull(model);
        getStyleClass().add("search-pane");
        getStylesheets().add(Objects.requireNonNull(SearchPane.class.getResource("search.css")).toExternalForm());
        setTop(buildTop());
        setCenter(buildList());
        setBottom(buildMore());
    }

    // ------------------------------------------------------------------------------------------------ public API

    /** The story the reader shows, for {@code in:this}; the window keeps it current. */
    public ObjectProperty<Long> currentStoryIdProperty() {
        return model.currentStoryIdProperty();
    }

    /** The query text (bound to the pane's field); setting it searches as typing would. */
    public StringProperty queryProperty() {
        return model.queryProperty();
    }

    /** Shows the results of {@code text} (from a toolbar field, say) and runs it at once. */
    public void search(String text) {
        field.setText(text == null ? "" : text);
        model.searchNow();
    }

    /** Opens the next result in the reader. */
    public void showNext() {
        model.next();
    }

    /** Opens the previous result in the reader. */
    public void showPrevious() {
        model.previous();
    }

    /** Shows the author view for {@code name}. */
    public void showAuthor(String name) {
        model.showAuthor(name);
    }

    /** The result last opened or selected, or null. */
    public ReadOnlyObjectProperty<SearchHit> selectedHitProperty() {
        return model.selectedHitProperty();
    }

    /** Whether a search is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return model.busyProperty();
    }

    /** Puts the caret in the query field. */
    public void focusQuery() {
        field.requestFocus();
        field.selectAll();
    }

    /** Stops pending searches; call when the pane goes away. */
    public void dispose() {
        model.dispose();
    }

    // ------------------------------------------------------------------------------------------------ view

    private Region buildTop() {
        field.setId("searchQuery");
        field.setPromptText("words, \"phrase\", -not, author:name, score:>=4 …");
        field.textProperty().bindBidirectional(model.queryProperty());
        field.setTooltip(new Tooltip("""
                Words must all match; "exact phrase"; a OR b; -exclude; prefix*
                author:NAME  site:slashdot  score:>=4  label:insightful  story:WORDS
                in:this  before:2010  after:2019-06  is:unread  is:starred  has:note  sort:newest"""));
        HBox.setHgrow(field, Priority.ALWAYS);
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.openSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && !model.resultsProperty().isEmpty()) {
                list.requestFocus();
                int next = Math.min(model.selectedIndexProperty().get() + 1, model.resultsProperty().size() - 1);
                model.select(next);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && model.authorProperty().get() != null) {
                model.closeAuthor();
                e.consume();
            }
        });

        ChoiceBox<SortOrder> sort = new ChoiceBox<>();
        sort.setId("searchSort");
        sort.getItems().setAll(SortOrder.values());
        sort.setConverter(new StringConverter<>() {
            @Override
            public String toString(SortOrder order) {
                return order == null ? "" : switch (order) {
                    case RELEVANCE -> "Best match";
                    case NEWEST -> "Newest";
                    case OLDEST -> "Oldest";
                };
            }

            @Override
            public SortOrder fromString(String s) {
                return SortOrder.RELEVANCE;
            }
        });
        sort.valueProperty().bindBidirectional(model.sortProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("searchBusy");
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(model.busyProperty());

        HBox row = new HBox(6, field, busy, sort);
        row.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.control.CheckBox adjusted = new javafx.scene.control.CheckBox("score: uses your scoring");
        adjusted.setId("searchAdjustedScores");
        adjusted.setTooltip(new Tooltip("Compare score: with the scores after your friends, foes and label bonuses"
                + " (off: the scores the pages showed)"));
        adjusted.selectedProperty().bindBidirectional(model.adjustedScoresProperty());
        adjusted.getStyleClass().add("small");

        Label status = new Label();
        status.setId("searchStatus");
        status.getStyleClass().add("search-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        model.problemProperty().addListener((o, was, now) -> {
            status.getStyleClass().remove("search-problem");
            if (now) {
                status.getStyleClass().add("search-problem");
            }
        });
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());

        VBox top = new VBox(4, row, adjusted, status, buildAuthorView());
        top.setPadding(new Insets(6));
        return top;
    }

    private Region buildAuthorView() {
        Button back = new Button("← Results");
        back.setId("authorBack");
        back.setOnAction(e -> model.closeAuthor());
        Label name = new Label();
        name.setId("authorName");
        name.getStyleClass().add("author-name");
        Label summary = new Label();
        summary.setId("authorSummary");
        summary.setWrapText(true);
        HBox scores = new HBox(2);
        scores.setId("authorScores");
        scores.setAlignment(Pos.BOTTOM_LEFT);
        HBox heading = new HBox(8, back, name);
        heading.setAlignment(Pos.CENTER_LEFT);
        Label scoresCaption = new Label("Scores");
        scoresCaption.getStyleClass().add("score-caption");
        HBox scoresRow = new HBox(8, scoresCaption, scores);
        scoresRow.setAlignment(Pos.BOTTOM_LEFT);
        scoresRow.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(scores.getChildren()));
        scoresRow.visibleProperty().bind(scoresRow.managedProperty());
        VBox view = new VBox(4, heading, summary, scoresRow);
        view.setId("authorView");
        view.getStyleClass().add("author-view");
        model.authorProperty().addListener((o, was, now) -> {
            if (now != null) {
                name.setText(now.name());
                summary.setText(describe(now));
                fillScores(scores, now.scoreDistribution());
            }
        });
        view.managedProperty().bind(model.authorProperty().isNotNull());
        view.visibleProperty().bind(view.managedProperty());
        return view;
    }

    static String describe(AuthorStats a) {
        StringBuilder s = new StringBuilder();
        s.append(a.comments()).append(a.comments() == 1 ? " comment" : " comments").append(" in ")
                .append(a.stories()).append(a.stories() == 1 ? " story" : " stories");
        if (a.first() != null && a.last() != null) {
            String first = DAY.format(a.first());
            String last = DAY.format(a.last());
            s.append(first.equals(last) ? ", on " + first : ", " + first + " to " + last);
        }
        if (!a.scoreDistribution().isEmpty()) {
            int total = 0;
            long sum = 0;
            for (Map.Entry<Integer, Integer> e : a.scoreDistribution().entrySet()) {
                total += e.getValue();
                sum += (long) e.getKey() * e.getValue();
            }
            s.append(String.format(java.util.Locale.ROOT, ". Average score %.1f over %d scored", (double) sum / total,
                    total));
        }
        return s.append('.').toString();
    }

    /** One bar per score, height by share, the count in the tooltip. */
    private static void fillScores(HBox box, Map<Integer, Integer> distribution) {
        box.getChildren().clear();
        int max = distribution.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (Map.Entry<Integer, Integer> e : distribution.entrySet()) {
            Region bar = new Region();
            bar.getStyleClass().add("score-bar");
            bar.setPrefSize(14, Math.max(2, 40.0 * e.getValue() / max));
            bar.setMinHeight(Region.USE_PREF_SIZE);
            bar.setMaxHeight(Region.USE_PREF_SIZE);
            Label score = new Label(String.valueOf(e.getKey()));
            score.getStyleClass().add("score-bar-label");
            VBox column = new VBox(1, bar, score);
            column.setAlignment(Pos.BOTTOM_CENTER);
            Tooltip.install(column, new Tooltip("score " + e.getKey() + ": " + e.getValue()
                    + (e.getValue() == 1 ? " comment" : " comments")));
            box.getChildren().add(column);
        }
    }

    private Region buildList() {
        list.setId("searchResults");
        list.setItems(model.resultsProperty());
        list.setCellFactory(v -> new HitCell());
        list.setPlaceholder(new Label(""));
        // The list's selection follows the model (next/previous move it), and a user's move is told to the model.
        model.selectedIndexProperty().addListener((o, was, now) -> {
            int i = now.intValue();
            if (list.getSelectionModel().getSelectedIndex() != i) {
                if (i < 0) {
                    list.getSelectionModel().clearSelection();
                } else {
                    list.getSelectionModel().select(i);
                    list.scrollTo(i);
                }
            }
        });
        list.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (now.intValue() != model.selectedIndexProperty().get() && now.intValue() >= 0) {
                model.select(now.intValue());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.openSelected();
                e.consume();
            }
        });
        return list;
    }

    private Region buildMore() {
        Button more = new Button("More results");
        more.setId("searchMore");
        more.setOnAction(e -> model.loadMore());
        more.managedProperty().bind(model.hasMoreProperty());
        more.visibleProperty().bind(more.managedProperty());
        more.disableProperty().bind(model.busyProperty());
        HBox box = new HBox(more);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(4));
        box.managedProperty().bind(model.hasMoreProperty());
        return box;
    }

    /** Builds the snippet as text runs, the matches styled. */
    static TextFlow snippetFlow(Snippet snippet) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("search-snippet");
        String text = snippet.text();
        int at = 0;
        for (Snippet.Range r : snippet.matches()) {
            if (r.start() > at) {
                flow.getChildren().add(plain(text.substring(at, r.start())));
            }
            Text match = new Text(text.substring(r.start(), r.end()));
            match.getStyleClass().addAll("text", "search-match");
            flow.getChildren().add(match);
            at = r.end();
        }
        if (at < text.length()) {
            flow.getChildren().add(plain(text.substring(at)));
        }
        return flow;
    }

    private static Text plain(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("text");
        return t;
    }

    private final class HitCell extends ListCell<SearchHit> {
        HitCell() {
            getStyleClass().add("search-hit");
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && !isEmpty() && getItem() != null) {
                    model.open(getIndex());
                }
            });
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SearchHit hit, boolean empty) {
            super.updateItem(hit, empty);
            setText(null);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label(hit.storyTitle() == null ? "(untitled story)" : hit.storyTitle());
            title.getStyleClass().add("search-hit-title");
            HBox meta = new HBox(6);
            meta.getStyleClass().add("search-hit-meta");
            meta.setAlignment(Pos.CENTER_LEFT);
            if (hit.isStory()) {
                meta.getChildren().add(new Label("story"));
            }
            if (hit.author() != null) {
                Hyperlink who = new Hyperlink(hit.author());
                who.getStyleClass().add("search-hit-author");
                who.setOnAction(e -> model.showAuthor(hit.author()));
                who.setPadding(Insets.EMPTY);
                meta.getChildren().add(who);
            } else {
                meta.getChildren().add(new Label(hit.isStory() ? "" : "anonymous"));
            }
            StringBuilder facts = new StringBuilder(hit.site().displayName());
            if (hit.posted() != null) {
                facts.append(" · ").append(DAY.format(hit.posted()));
            }
            if (hit.score() != null) {
                facts.append(" · score ").append(hit.score());
                if (hit.label() != null) {
                    facts.append(", ").append(hit.label());
                }
            }
            meta.getChildren().add(new Label(facts.toString()));
            VBox box = new VBox(2, title, meta);
            if (hit.subject() != null && !hit.subject().isBlank()) {
                Label subject = new Label(hit.subject());
                subject.getStyleClass().add("search-hit-subject");
                box.getChildren().add(subject);
            }
            TextFlow snippet = snippetFlow(hit.snippet());
            snippet.prefWidthProperty().bind(list.widthProperty().subtract(36));
            box.getChildren().add(snippet);
            setGraphic(box);
        }
    }
}

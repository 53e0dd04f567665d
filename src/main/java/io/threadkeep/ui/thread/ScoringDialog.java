package io.threadkeep.ui.thread;

import io.threadkeep.model.ScoreRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The reader's scoring, as Slash offered it: a bonus per moderation label, and the friends and foes marked from a
 * comment's menu with their points. Applied on OK; the thresholds then act on the adjusted scores.
 */
final class ScoringDialog {

    /** Slashdot's moderation labels, in the order its moderators meet them. */
    static final List<String> LABELS = List.of("Insightful", "Interesting", "Informative", "Funny", "Underrated",
            "Overrated", "Offtopic", "Flamebait", "Troll", "Redundant");

    private final ThreadViewModel vm;

    ScoringDialog(ThreadViewModel vm) {
        this.vm = vm;
    }

    void showFor(Window owner) {
        ScoreRules rules = vm.scoreRulesProperty().get();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Your scoring");
        dialog.setHeaderText("Points added to scores before the thresholds apply (Slashdot stays within −1…5).");
        GridPane labels = new GridPane();
        labels.setHgap(10);
        labels.setVgap(6);
        Map<String, Spinner<Integer>> labelSpinners = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> all = new ArrayList<>(LABELS);
        for (String known : rules.labelPoints().keySet()) {
            if (all.stream().noneMatch(l -> l.equalsIgnoreCase(known))) {
                all.add(known);
            }
        }
        int row = 0;
        for (String label : all) {
            Spinner<Integer> spinner = new Spinner<>(-5, 5, rules.labelPoints(label));
            spinner.setId("labelBonus-" + label.toLowerCase(java.util.Locale.ROOT));
            spinner.setPrefWidth(80);
            spinner.setEditable(true);
            Label name = new Label(label);
            name.setLabelFor(spinner);
            labels.addRow(row++, name, spinner);
            labelSpinners.put(label, spinner);
        }
        GridPane authors = new GridPane();
        authors.setHgap(10);
        authors.setVgap(6);
        Map<String, Spinner<Integer>> authorSpinners = new TreeMap<>();
        row = 0;
        for (Map.Entry<String, Integer> e : new TreeMap<>(rules.authorPoints()).entrySet()) {
            String[] parts = e.getKey().split("\u0000", 2);
            Spinner<Integer> spinner = new Spinner<>(-5, 5, e.getValue());
            spinner.setPrefWidth(80);
            spinner.setEditable(true);
            Label name = new Label(parts[1] + " (" + parts[0] + ")");
            name.setLabelFor(spinner);
            authors.addRow(row++, name, spinner);
            authorSpinners.put(e.getKey(), spinner);
        }
        Label authorsTitle = new Label(authorSpinners.isEmpty()
                ? "Friends and foes: none yet (a comment's menu marks its author)."
                : "Friends (+) and foes (−); 0 removes the mark:");
        Label labelsTitle = new Label("Label bonuses:");
        VBox content = new VBox(8, labelsTitle, labels, authorsTitle, authors);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("scoringDialog");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            labelSpinners.forEach((label, spinner) -> {
                if (spinner.getValue() != rules.labelPoints(label)) {
                    vm.setLabelPoints(label, spinner.getValue());
                }
            });
            authorSpinners.forEach((key, spinner) -> {
                if (!spinner.getValue().equals(rules.authorPoints().get(key))) {
                    String[] parts = key.split("\u0000", 2);
                    io.threadkeep.model.Site.fromId(parts[0]).ifPresent(site ->
                            vm.setAuthorPoints(site, parts[1], spinner.getValue()));
                }
            });
        });
    }
}

package io.threadkeep.ui.importing;

import io.threadkeep.archiving.FileResult;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The import strip at the bottom of the window: progress and cancel while running, then the summary. */
public final class ImportPanel extends VBox {

    public ImportPanel(ImportViewModel vm) {
        setId("importPanel");
        getStyleClass().add("import-panel");
        visibleProperty().bind(vm.panelShownProperty());
        managedProperty().bind(vm.panelShownProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("importProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(220);
        bar.visibleProperty().bind(vm.runningProperty());
        bar.managedProperty().bind(vm.runningProperty());
        Label message = new Label();
        message.setId("importMessage");
        message.getStyleClass().add("import-message");
        message.textProperty().bind(vm.messageProperty());
        message.setMinWidth(0);
        message.visibleProperty().bind(vm.runningProperty());
        message.managedProperty().bind(vm.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("importCancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(vm.runningProperty());

        Label summary = new Label();
        summary.setId("importSummary");
        summary.getStyleClass().add("import-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.visibleProperty().bind(vm.runningProperty().not());
        summary.managedProperty().bind(vm.runningProperty().not());
        ToggleButton details = new ToggleButton("Details");
        details.setId("importDetails");
        details.visibleProperty().bind(vm.runningProperty().not());
        details.managedProperty().bind(vm.runningProperty().not());
        Button close = new Button("Close");
        close.setId("importClose");
        close.setOnAction(e -> {
            details.setSelected(false);
            vm.dismiss();
        });
        close.visibleProperty().bind(vm.runningProperty().not());
        close.managedProperty().bind(vm.runningProperty().not());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(bar, message, summary, spacer, details, cancel, close);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("import-line");

        ListView<FileResult> list = new ListView<>(vm.results());
        list.setId("importResults");
        list.getStyleClass().add("import-results");
        list.setPrefHeight(160);
        list.setCellFactory(v -> new ResultCell());
        list.visibleProperty().bind(details.selectedProperty());
        list.managedProperty().bind(details.selectedProperty());
        vm.summaryProperty().addListener((obs, old, text) -> {
            // Problems deserve to be seen without a click.
            if (!text.isEmpty() && vm.results().stream().anyMatch(FileResult::isProblem)) {
                details.setSelected(true);
            }
        });
        getChildren().addAll(line, list);
    }

    private static final class ResultCell extends ListCell<FileResult> {
        @Override
        protected void updateItem(FileResult r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeAll("result-problem", "result-ok");
            if (empty || r == null) {
                setText(null);
                return;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(r.status().label()).append(" — ").append(r.file());
            if (r.site() != null) {
                sb.append(" (").append(r.site().displayName());
                if (r.commentsAdded() > 0 || r.commentsUpdated() > 0) {
                    sb.append(", ").append(r.commentsAdded()).append(" new, ").append(r.commentsUpdated())
                            .append(" updated");
                }
                sb.append(')');
            }
            if (r.message() != null && !r.message().isBlank()) {
                sb.append(": ").append(r.message());
            }
            setText(sb.toString());
            getStyleClass().add(r.isProblem() ? "result-problem" : "result-ok");
        }
    }
}

package io.threadkeep.ui.export;

import io.threadkeep.export.ExportFormat;
import java.io.File;
import java.nio.file.Path;
import java.util.function.BiFunction;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Asks where an export or a backup goes: the format (for exports), whether to include stars and notes, and the
 * target, typed or chosen. The target follows the format until the reader edits it.
 */
final class TargetDialog extends Dialog<TargetDialog.Choice> {

    /** What the reader chose; {@code format} is null for a backup. */
    record Choice(ExportFormat format, Path target, boolean withNotes) {
    }

    private final ChoiceBox<ExportFormat> format = new ChoiceBox<>();
    private final CheckBox withNotes = new CheckBox("Include my stars and notes");
    private final TextField target = new TextField();
    private boolean edited;

    /**
     * @param title        the dialog's title
     * @param targetFor    the default target for a format (null format for a backup) and the folder default; a
     *                     folder when {@code folderFor} says so
     * @param isFolder     whether a format's target is a folder (Markdown or HTML of several stories)
     */
    TargetDialog(Window owner, String title, boolean chooseFormat, Path folder,
                 BiFunction<ExportFormat, Path, Path> targetFor, java.util.function.Predicate<ExportFormat> isFolder) {
        initOwner(owner);
        setTitle(title);
        setHeaderText(title);
        getDialogPane().setId("targetDialog");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        int row = 0;
        if (chooseFormat) {
            format.setId("exportFormat");
            format.getItems().addAll(ExportFormat.values());
            format.setConverter(new StringConverter<>() {
                @Override
                public String toString(ExportFormat f) {
                    return f == null ? "" : f.displayName();
                }

                @Override
                public ExportFormat fromString(String s) {
                    return null;
                }
            });
            format.setValue(ExportFormat.MARKDOWN);
            grid.addRow(row++, new Label("Format"), format);
            withNotes.setId("exportWithNotes");
            grid.add(withNotes, 1, row++);
        }
        target.setId("exportTarget");
        target.setPrefColumnCount(40);
        GridPane.setHgrow(target, Priority.ALWAYS);
        target.setText(targetFor.apply(chooseFormat ? format.getValue() : null, folder).toString());
        target.textProperty().addListener((obs, old, text) -> {
            if (!text.equals(defaultText(chooseFormat, folder, targetFor))) {
                edited = true;
            }
        });
        format.valueProperty().addListener((obs, old, f) -> {
            if (!edited) {
                target.setText(targetFor.apply(f, folder).toString());
                edited = false;
            }
        });
        Button choose = new Button("Choose…");
        choose.setId("exportChooseTarget");
        choose.setOnAction(e -> {
            ExportFormat f = chooseFormat ? format.getValue() : null;
            Path current = Path.of(target.getText());
            File picked;
            if (f != null && isFolder.test(f)) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Folder for the exported files");
                picked = chooser.showDialog(getDialogPane().getScene().getWindow());
            } else {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
                    chooser.setInitialDirectory(current.getParent().toFile());
                }
                chooser.setInitialFileName(String.valueOf(current.getFileName()));
                picked = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
            }
            if (picked != null) {
                target.setText(picked.toPath().toString());
            }
        });
        grid.addRow(row, new Label(chooseFormat ? "Save to" : "Back up to"), target, choose);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).setId("targetOk");
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(target.textProperty().isEmpty());
        setResultConverter(button -> button == ButtonType.OK
                ? new Choice(chooseFormat ? format.getValue() : null, Path.of(target.getText().strip()),
                        withNotes.isSelected())
                : null);
    }

    private String defaultText(boolean chooseFormat, Path folder, BiFunction<ExportFormat, Path, Path> targetFor) {
        return targetFor.apply(chooseFormat ? format.getValue() : null, folder).toString();
    }
}

package org.unmixer.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.unmixer.app.audio.AbPlayer;
import org.unmixer.preset.RackKind;
import org.unmixer.session.Locations;

/**
 * The main window's layout: file bar on top, spectrograms and the Live pane, the ITF slider, the
 * device cards, then transport and status. It only wires views to the {@link MainViewModel}; the
 * parts are small views of their own. The whole window is the drop zone.
 */
public final class MainWindow {
    /** Stylesheet of the dark theme, next to this class. */
    public static final String STYLESHEET = "/org/unmixer/app/unmixer.css";

    /**
     * What the window needs from outside, so tests pass fakes.
     *
     * @param viewWork pictures and other view-side slow work (one thread keeps requests in order)
     * @param playerWork A/B player commands (one thread, in order)
     */
    public record Services(MainViewModel viewModel, AbPlayer player, Executor viewWork, Executor playerWork,
            AppPreferences preferences, FilePrompts prompts) {
    }

    private final Services services;
    private final MainViewModel vm;
    private final FileDrops drops;
    private final BorderPane root = new BorderPane();
    private final TransportBar transport;
    private final SpectrogramPane spectrograms;
    private final ItfBar itf;

    public MainWindow(Services services) {
        this.services = services;
        this.vm = services.viewModel();
        this.drops = new FileDrops(this::open);
        root.getStyleClass().add("main-window");
        root.setId("main");
        transport = new TransportBar(vm, services.player(), services.playerWork());
        spectrograms = new SpectrogramPane(vm, services.viewWork(), transport.playhead());
        itf = new ItfBar(vm);
        LivePane live = new LivePane(vm, () -> services.preferences().lastFolder());
        live.setPrefWidth(360);
        HBox.setHgrow(spectrograms, Priority.ALWAYS);
        HBox upper = new HBox(spectrograms, live);
        upper.getStyleClass().add("upper");
        VBox.setVgrow(upper, Priority.ALWAYS);
        ChainView chain = new ChainView(vm);
        chain.setPrefHeight(300);
        chain.setMinHeight(180);
        VBox center = new VBox(upper, itf, chain);
        center.getStyleClass().add("center");
        root.setTop(fileBar());
        root.setCenter(center);
        root.setBottom(new VBox(transport, new StatusBar(vm, services.viewWork())));
        drops.install(root, "drop-hover");
        new ErrorNotifier(vm, root).install();
    }

    private Parent fileBar() {
        Button open = new Button("Open…");
        open.setId("open");
        open.setOnAction(e -> openWithPrompt());
        Button example = new Button("Try the example");
        example.setId("example");
        example.setOnAction(e -> open(Locations.exampleSound()));
        Label fileLine = new Label();
        fileLine.setId("file-line");
        fileLine.getStyleClass().add("file-line");
        fileLine.textProperty().bind(vm.fileLine());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        MenuButton export = new MenuButton("Export");
        export.setId("export");
        export.disableProperty().bind(vm.patch().isNull());
        export.getItems().addAll(
                item("Instrument rack preset (.adg)…", () -> exportRack(RackKind.INSTRUMENT)),
                item("Audio Effect rack preset (.adg)…", () -> exportRack(RackKind.AUDIO_EFFECT)),
                item("Patch JSON…", this::exportPatch),
                item("Rebuilt WAV…", this::exportWav));
        HBox bar = new HBox(8, open, example, fileLine, gap, export);
        bar.getStyleClass().add("file-bar");
        return bar;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** A scene of the remembered size with the theme, Ctrl/Cmd+O and the space bar for A/B. */
    public Scene scene() {
        Scene scene = new Scene(root, services.preferences().width(), services.preferences().height());
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openWithPrompt);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown()) {
                transport.toggle();
                e.consume();
            }
        });
        return scene;
    }

    /** Puts the window on {@code stage} and remembers its size when it closes. */
    public void show(Stage stage) {
        stage.setTitle("Neural Un-Mixer");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene());
        stage.setOnHiding(e -> {
            services.preferences().setSize(stage.getWidth(), stage.getHeight());
            services.preferences().save();
        });
        stage.show();
    }

    /** Opens a sound (the drop, the example button and Open… all end here). */
    public void open(Path file) {
        if (!file.toAbsolutePath().normalize().equals(Locations.exampleSound().toAbsolutePath().normalize())) {
            services.preferences().rememberFolderOf(file);
        }
        vm.open(file);
    }

    /** What a drop onto the window does with its files. */
    public FileDrops drops() {
        return drops;
    }

    /** The A/B switch (the space bar). */
    public void toggleAb() {
        transport.toggle();
    }

    public Parent root() {
        return root;
    }

    boolean spectrogramsShown() {
        return spectrograms.hasPictures();
    }

    void openWithPrompt() {
        services.prompts().openSound(services.preferences().lastFolder()).ifPresent(this::open);
    }

    /** Export the shown patch as a rack preset, asking where. */
    public void exportRack(RackKind kind) {
        save("rack preset", "*.adg", ".adg").ifPresent(p -> vm.export(p, kind));
    }

    public void exportPatch() {
        save("patch JSON", "*.json", ".json").ifPresent(p -> vm.export(p, RackKind.INSTRUMENT));
    }

    public void exportWav() {
        save("rebuilt WAV", "*.wav", "-rebuild.wav").ifPresent(p -> vm.export(p, RackKind.INSTRUMENT));
    }

    private Optional<Path> save(String description, String pattern, String suffix) {
        String name = vm.fileLine().get().split(" ")[0].replaceFirst("\\.[^.]*$", "");
        Optional<Path> chosen = services.prompts().saveAs(services.preferences().lastFolder(),
                (name.isBlank() ? "unmixer" : name) + suffix, description, pattern);
        chosen.ifPresent(services.preferences()::rememberFolderOf);
        return chosen;
    }
}

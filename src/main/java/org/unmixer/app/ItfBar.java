package org.unmixer.app;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The ITF steps slider over the stored refinement steps ({@link MainViewModel#itfStep()} up to
 * {@link MainViewModel#itfLastStep()}) with both distances of the shown step: the reference
 * renderer's (what the ear would judge) and the proxy's (what the gradient saw).
 */
final class ItfBar extends HBox {
    final Slider slider = new Slider(0, 0, 0);

    ItfBar(MainViewModel vm) {
        getStyleClass().add("itf-bar");
        Label title = new Label("ITF steps");
        title.getStyleClass().add("section-title");
        slider.setId("itf");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.maxProperty().bind(vm.itfLastStep());
        slider.disableProperty().bind(vm.itfLastStep().lessThan(1));
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueProperty().addListener((o, was, now) -> {
            int step = (int) Math.round(now.doubleValue());
            if (step != vm.itfStep().get()) {
                vm.itfStep().set(step);
            }
        });
        vm.itfStep().addListener((o, was, now) -> slider.setValue(now.intValue()));

        Label step = new Label();
        step.setId("itf-step");
        step.textProperty().bind(Bindings.createStringBinding(
                () -> "step " + vm.itfStep().get() + " / " + vm.itfLastStep().get(), vm.itfStep(), vm.itfLastStep()));
        Label reference = new Label();
        reference.setId("reference-distance");
        reference.textProperty().bind(Bindings.createStringBinding(
                () -> "reference distance " + number(vm.referenceDistance().get()), vm.referenceDistance()));
        Label proxy = new Label();
        proxy.setId("proxy-loss");
        proxy.textProperty().bind(Bindings.createStringBinding(
                () -> "proxy loss " + number(vm.proxyLoss().get()), vm.proxyLoss()));
        for (Label l : new Label[] {step, reference, proxy}) {
            l.getStyleClass().add("itf-number");
        }
        getChildren().addAll(title, slider, step, reference, proxy);
    }

    /** A distance for a label: three decimals, or a dash when unknown (NaN). */
    static String number(double x) {
        return Double.isNaN(x) ? "—" : String.format(Locale.ROOT, "%.3f", x);
    }
}

package org.unmixer.infer.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

class OrderSearchTest {
    private static final Catalog CATALOG = Catalog.standard();

    @Test
    void distinctOrdersStartWithTheGivenOneAndCountCommutingNeighboursOnce() {
        assertThat(ChainOrders.distinct(List.of("A", "B", "C"), s -> s)).hasSize(6).first().isEqualTo(List.of("A", "B", "C"));
        // EQ Eight and Reverb commute when adjacent: (EQ, Reverb, Sat) = (Reverb, EQ, Sat), (Sat, EQ, Reverb) = (Sat, Reverb, EQ).
        List<List<String>> orders = ChainOrders.distinct(List.of("EQ Eight", "Reverb", "Saturator"), s -> s);
        assertThat(orders).hasSize(4).first().isEqualTo(List.of("EQ Eight", "Reverb", "Saturator"));
        assertThat(orders).contains(List.of("EQ Eight", "Saturator", "Reverb"), List.of("Reverb", "Saturator", "EQ Eight"));
        assertThat(ChainOrders.distinct(List.of("Saturator"), s -> s)).containsExactly(List.of("Saturator"));
        assertThat(ChainOrders.distinct(List.<String>of(), s -> s)).containsExactly(List.of());
        assertThat(ChainOrders.distinct(List.of("Saturator", "EQ Eight", "Multiband Dynamics", "Phaser-Flanger", "Reverb"), s -> s))
                .hasSize(96); // 120 less the 24 orders with EQ Eight right before Reverb, each the twin of one with Reverb before EQ
    }

    @Test
    void findsTheOrderATargetWasRenderedWithFromAnotherOrder() throws Exception {
        Patch pluck = PatchJson.standard().parse(Files.readString(Path.of("assets", "examples", "pluck.json")));
        DeviceSettings reverb = CATALOG.device("Reverb").defaults().with(Map.of("Dry/Wet", 40.0));
        DeviceSettings saturator = CATALOG.device("Saturator").defaults().with(Map.of("Drive", 24.0));
        DeviceSettings eq = CATALOG.device("EQ Eight").defaults().with(Map.of("3 Gain A", 6.0));
        Patch truth = pluck.withChain(List.of(reverb, saturator, eq));
        AudioBuffer target = Renderer.render(truth, Renderer.DEFAULT_RATE);

        OrderSearch.Result found = OrderSearch.best(truth.withChain(List.of(saturator, eq, reverb)), target);

        assertThat(found.renders()).isEqualTo(4); // 6 orders, EQ Eight and Reverb adjacent in two pairs of them
        assertThat(found.reordered()).isTrue();
        assertThat(found.patch().chain()).containsExactly(reverb, saturator, eq);
        assertThat(found.distance()).isLessThan(1e-6);
    }

    @Test
    void keepsTheGivenOrderWhenItIsAlreadyRightAndLeavesShortChainsAlone() throws Exception {
        Patch pluck = PatchJson.standard().parse(Files.readString(Path.of("assets", "examples", "pluck.json")));
        DeviceSettings saturator = CATALOG.device("Saturator").defaults().with(Map.of("Drive", 24.0));
        DeviceSettings reverb = CATALOG.device("Reverb").defaults().with(Map.of("Dry/Wet", 40.0));
        Patch truth = pluck.withChain(List.of(saturator, reverb));
        AudioBuffer target = Renderer.render(truth, Renderer.DEFAULT_RATE);
        OrderSearch.Result kept = OrderSearch.best(truth, target);
        assertThat(kept.reordered()).isFalse();
        assertThat(kept.patch()).isEqualTo(truth);

        OrderSearch.Result single = OrderSearch.best(pluck.withChain(List.of(reverb)), target);
        assertThat(single.renders()).isZero();
        assertThat(single.reordered()).isFalse();
    }
}

package org.unmixer.infer.itf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.source.Wavetables;
import org.unmixer.infer.UniformPrior;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

class DiscreteMovesTest {
    private static final Catalog CATALOG = Catalog.standard();

    private static Patch synthPatch(Map<String, Object> synthValues) {
        Patch p = new UniformPrior(3).sample(0, new SourceSpec(SourceKind.SYNTH, 45, 100, 0.3, 0.2, 0));
        SynthSpec s = p.synth().orElseThrow();
        return new Patch(p.source(), Optional.of(new SynthSpec(s.settings().with(synthValues), s.oscillator1(), s.oscillator2(), s.unison())),
                List.of(CATALOG.device("Saturator").defaults(), CATALOG.device("Reverb").defaults(), CATALOG.device("EQ Eight").defaults()));
    }

    private static long differing(Patch a, Patch b) {
        SynthSpec x = a.synth().orElseThrow();
        SynthSpec y = b.synth().orElseThrow();
        long params = x.settings().device().params().stream().filter(p -> x.settings().get(p.name()) != y.settings().get(p.name())).count();
        return params + (x.oscillator1().equals(y.oscillator1()) ? 0 : 1) + (x.oscillator2().equals(y.oscillator2()) ? 0 : 1)
                + (a.chain().equals(b.chain()) ? 0 : 1);
    }

    @Test
    void everyNeighbourIsOneDiscreteChangeAway() {
        Patch p = synthPatch(Map.of("Osc 2 On", "On", "Osc 2 Transp", 7.0, "Sub On", "Off", "Filter 1 On", "On", "Osc 1 Transp", 0.0));
        List<Patch> neighbours = DiscreteMoves.neighbours(p);

        assertThat(new HashSet<>(neighbours)).hasSameSizeAs(neighbours).doesNotContain(p);
        for (Patch n : neighbours) {
            assertThat(differing(p, n)).as(n.toString()).isEqualTo(1);
            assertThat(n.source()).isEqualTo(p.source());
        }
        int tables = Wavetables.catalog().size() - 1;
        long chainMoves = neighbours.stream().filter(n -> !n.chain().equals(p.chain())).count();
        assertThat(chainMoves).isEqualTo(3 + 2); // each of three removed, each of two neighbouring pairs swapped
        // Osc 1: ±12; Osc 2 (on): ±12, ±7, ±5 within range, back to 0; the switches; Filter 1's types and slope; both tables.
        assertThat(neighbours).anyMatch(n -> n.synth().orElseThrow().settings().get("Osc 1 Transp") == 12.0)
                .anyMatch(n -> n.synth().orElseThrow().settings().get("Osc 1 Transp") == -12.0)
                .anyMatch(n -> n.synth().orElseThrow().settings().get("Osc 2 Transp") == 0.0)
                .anyMatch(n -> n.synth().orElseThrow().settings().get("Osc 2 Transp") == 19.0)
                .anyMatch(n -> !n.synth().orElseThrow().settings().isOn("Osc 2 On"))
                .anyMatch(n -> n.synth().orElseThrow().settings().isOn("Sub On"))
                .anyMatch(n -> !n.synth().orElseThrow().settings().isOn("Filter 1 On"))
                .anyMatch(n -> n.synth().orElseThrow().settings().item("Filter 1 Type").equals("Bandpass"));
        assertThat(neighbours.stream().filter(n -> !n.synth().orElseThrow().oscillator1().equals(p.synth().orElseThrow().oscillator1())))
                .hasSize(tables);
        assertThat(neighbours.stream().filter(n -> !n.synth().orElseThrow().oscillator2().equals(p.synth().orElseThrow().oscillator2())))
                .hasSize(tables);
        assertThat(DiscreteMoves.neighbours(p)).as("pure").isEqualTo(neighbours);
        // Everything on: as many neighbours as the bound allows, and no patch moves reach has more.
        Patch allOn = synthPatch(Map.of("Osc 2 On", "On", "Sub On", "On", "Filter 1 On", "On", "Osc 1 Transp", 0.0, "Osc 2 Transp", 0.0));
        assertThat(DiscreteMoves.neighbours(allOn).size()).isLessThanOrEqualTo(DiscreteMoves.atMost(allOn));
        for (Patch n : DiscreteMoves.neighbours(allOn)) {
            assertThat(DiscreteMoves.neighbours(n).size()).isLessThanOrEqualTo(DiscreteMoves.atMost(allOn));
        }
    }

    @Test
    void whatIsSwitchedOffOffersOnlyItsSwitch() {
        Patch p = synthPatch(Map.of("Osc 2 On", "Off", "Sub On", "Off", "Filter 1 On", "Off"));
        List<Patch> neighbours = DiscreteMoves.neighbours(p);
        assertThat(neighbours).noneMatch(n -> !n.synth().orElseThrow().oscillator2().equals(p.synth().orElseThrow().oscillator2()));
        assertThat(neighbours).noneMatch(n -> n.synth().orElseThrow().settings().get("Osc 2 Transp") != p.synth().orElseThrow().settings().get("Osc 2 Transp"));
        assertThat(neighbours).noneMatch(n -> !n.synth().orElseThrow().settings().item("Filter 1 Type").equals(p.synth().orElseThrow().settings().item("Filter 1 Type")));
    }

    @Test
    void aKnownSourceHasOnlyChainMoves() {
        DeviceSettings eq = CATALOG.device("EQ Eight").defaults();
        DeviceSettings reverb = CATALOG.device("Reverb").defaults();
        Patch noise = new Patch(new SourceSpec(SourceKind.NOISE, 60, 100, 0.3, 0.1, 2), Optional.empty(), List.of(eq, reverb));
        assertThat(DiscreteMoves.neighbours(noise)).containsExactly(noise.withChain(List.of(reverb)), noise.withChain(List.of(eq)),
                noise.withChain(List.of(reverb, eq)));
    }
}

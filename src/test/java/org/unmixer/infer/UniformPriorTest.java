package org.unmixer.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.source.Wavetables;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

class UniformPriorTest {
    private static final SourceSpec SYNTH = new SourceSpec(SourceKind.SYNTH, 60, 100, 0.3, 0.2, 0);

    @Test
    void sameIndexAndSeedGiveTheSamePatchWhateverWasDrawnBefore() {
        UniformPrior a = new UniformPrior(5);
        UniformPrior b = new UniformPrior(5);
        for (int i = 0; i < 10; i++) {
            b.sample(100 + i, SYNTH);
        }
        assertThat(b.sample(3, SYNTH)).isEqualTo(a.sample(3, SYNTH));
        assertThat(new UniformPrior(6).sample(3, SYNTH)).isNotEqualTo(a.sample(3, SYNTH));
    }

    @Test
    void chainsHaveZeroToFiveDistinctEffectsAndEveryLengthOccurs() {
        UniformPrior prior = new UniformPrior(1);
        Set<Integer> lengths = new HashSet<>();
        Set<String> firsts = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            List<String> names = prior.sample(i, SYNTH).chainNames();
            assertThat(names).doesNotHaveDuplicates().isSubsetOf(UniformPrior.EFFECTS);
            lengths.add(names.size());
            if (!names.isEmpty()) {
                firsts.add(names.get(0));
            }
        }
        assertThat(lengths).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(firsts).as("random order: every effect comes first sometimes")
                .containsExactlyInAnyOrderElementsOf(UniformPrior.EFFECTS);
    }

    @Test
    void parametersNotEstimatedStayAtDefaultsAndEstimatedOnesVary() {
        UniformPrior prior = new UniformPrior(2);
        Patch p0 = prior.sample(0, SYNTH);
        Patch p1 = prior.sample(1, SYNTH);
        DeviceSettings s0 = p0.synth().orElseThrow().settings();
        DeviceSettings s1 = p1.synth().orElseThrow().settings();
        for (ParamSpec p : s0.device().params()) {
            if (!p.estimated()) {
                assertThat(s0.get(p.name())).as(p.name()).isEqualTo(p.defaultValue());
            }
        }
        assertThat(s0.get("Filter 1 Freq")).isNotEqualTo(s1.get("Filter 1 Freq"));
        for (int i = 0; i < 50; i++) {
            Patch p = prior.sample(i, SYNTH);
            for (DeviceSettings d : p.chain()) {
                for (ParamSpec spec : d.device().params()) {
                    if (!spec.estimated()) {
                        assertThat(d.get(spec.name())).as(d.device().name() + " " + spec.name())
                                .isEqualTo(spec.defaultValue());
                    }
                }
            }
        }
    }

    @Test
    void wavetablesComeFromTheCatalogue() {
        UniformPrior prior = new UniformPrior(3);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            var s = prior.sample(i, SYNTH).synth().orElseThrow();
            Wavetables.find(s.oscillator1().category(), s.oscillator1().name()); // throws if unknown
            seen.add(s.oscillator1().name());
        }
        assertThat(seen).hasSize(Wavetables.catalog().size());
    }

    @Test
    void knownSourcesGetNoSynthAndKeepTheSource() {
        SourceSpec chirp = new SourceSpec(SourceKind.CHIRP, 60, 100, 0.3, 0.2, 0);
        Patch p = new UniformPrior(4).sample(0, chirp);
        assertThat(p.synth()).isEmpty();
        assertThat(p.source()).isEqualTo(chirp);
    }
}

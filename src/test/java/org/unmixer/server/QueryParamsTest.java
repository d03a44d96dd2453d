package org.unmixer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryParamsTest {
    @Test
    void valuesAreDecodedAndDefaultsApplyWhenAbsent() {
        QueryParams q = QueryParams.parse("itfSteps=3&source=no%69se&flag");
        assertThat(q.integer("itfSteps", 0, 0, 1000)).isEqualTo(3);
        assertThat(q.integer("topK", 5, 1, 20)).isEqualTo(5);
        assertThat(q.oneOf("source", "synth", Set.of("synth", "noise"))).isEqualTo("noise");
        assertThat(q.text("flag")).hasValue("");
        assertThat(QueryParams.parse(null).asMap()).isEmpty();
    }

    @Test
    void misspeltNamesAreNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> QueryParams.parse("itfsteps=3").allowOnly(Set.of("itfSteps", "topK")))
                .isInstanceOf(HttpProblem.class).hasMessage("unknown query parameter \"itfsteps\" (known: itfSteps, topK)");
    }

    @Test
    void badValuesAreOneLineErrorsNamingTheParameter() {
        assertThatThrownBy(() -> QueryParams.parse("topK=x").integer("topK", 5, 1, 20)).hasMessage("topK \"x\" is not an integer");
        assertThatThrownBy(() -> QueryParams.parse("topK=21").integer("topK", 5, 1, 20)).hasMessage("topK 21 must be between 1 and 20");
        assertThatThrownBy(() -> QueryParams.parse("seconds=0").number("seconds", 0, 60)).hasMessage("seconds 0 must be in (0, 60]");
        assertThatThrownBy(() -> QueryParams.parse("seconds=NaN").number("seconds", 0, 60)).hasMessageContaining("must be in");
        assertThatThrownBy(() -> QueryParams.parse("a=1&a=2")).hasMessage("query parameter \"a\" is given twice");
        assertThatThrownBy(() -> QueryParams.parse("a=%zz")).hasMessageContaining("malformed query string");
    }
}

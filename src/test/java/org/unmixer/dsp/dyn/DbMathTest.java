package org.unmixer.dsp.dyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DbMathTest {
    /** The fast forms must agree with java.lang.Math far below any audible or tested level. */
    private static final double DB_TOLERANCE = 1e-6;

    @Test
    void powerToDbMatchesLog10() {
        assertThat(DbMath.powerToDb(1)).isCloseTo(0, offset(DB_TOLERANCE));
        assertThat(DbMath.powerToDb(0.5)).isCloseTo(-3.0103, offset(1e-4));
        assertThat(DbMath.powerToDb(1e-30)).isCloseTo(-300, offset(DB_TOLERANCE));
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            double p = Math.pow(10, r.nextDouble(-30, 6));
            assertThat(DbMath.powerToDb(p)).isCloseTo(10 * Math.log10(p), offset(DB_TOLERANCE));
        }
    }

    @Test
    void dbToGainMatchesPow() {
        assertThat(DbMath.dbToGain(0)).isEqualTo(1);
        assertThat(DbMath.dbToGain(20)).isCloseTo(10, offset(1e-9));
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < 20_000; i++) {
            double db = r.nextDouble(-300, 120);
            double expected = Math.pow(10, db / 20);
            assertThat(20 * Math.log10(DbMath.dbToGain(db) / expected)).isCloseTo(0, offset(DB_TOLERANCE));
        }
    }
}

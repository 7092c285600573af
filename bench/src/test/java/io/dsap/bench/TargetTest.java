package io.dsap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 9's targets as written in the issue, and the verdict on a measurement as printed. */
class TargetTest {

    @Test
    void parsesTheIssuesTargetsAndPrintsThemBack() {
        for (String t : new String[] {"<= 1.0x", "<= 0.35x", "<= 1.5x", "<= 20 ms", "<= 1.5 GB"}) {
            assertEquals(t, Target.parse(t).toString());
        }
        Target ms = Target.parse("<=20ms");
        assertEquals(20.0, ms.limit());
        assertEquals(Target.Unit.MS, ms.unit());
    }

    @Test
    void rejectsWhatIsNotAnUpperBound() {
        assertThrows(IllegalArgumentException.class, () -> Target.parse(">= 1.0x"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("1.0x"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("<= 1.0 s"));
    }

    @Test
    void judgesTheNumberAsPrinted() {
        Target ratio = Target.parse("<= 1.0x");
        assertEquals("1.00x", ratio.format(1.004));
        assertTrue(ratio.met(1.004));
        assertEquals("1.01x", ratio.format(1.005));
        assertFalse(ratio.met(1.005));
        assertTrue(ratio.met(0.2));

        Target summarize = Target.parse("<= 0.35x");
        assertTrue(summarize.met(0.354));
        assertFalse(summarize.met(0.356));

        Target p50 = Target.parse("<= 20 ms");
        assertEquals("20.0 ms", p50.format(20.04));
        assertTrue(p50.met(20.04));
        assertFalse(p50.met(20.06));

        Target rss = Target.parse("<= 1.5 GB");
        assertEquals("1.20 GB", rss.format(1.2));
        assertFalse(rss.met(1.51));
    }

    @Test
    void nothingMeasuredIsNeverMet() {
        Target t = Target.parse("<= 1.5x");
        assertFalse(t.met(Double.NaN));
        assertFalse(t.met(Double.POSITIVE_INFINITY));
        assertEquals("-", t.format(Double.NaN));
    }
}

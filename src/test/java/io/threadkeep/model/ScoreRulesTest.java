package io.threadkeep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreRulesTest {

    private static Comment comment(String author, Integer score, String label) {
        return new Comment("1", null, author, null, null, null, score, label, null, "<p>x</p>", "x", null, null);
    }

    @Test
    void friendsFoesAndLabelBonusesAdjustAndExplainTheScore() {
        ScoreRules rules = ScoreRules.NONE.withAuthor(Site.SLASHDOT, "Alice", 1).withAuthor(Site.SLASHDOT, "troll", -2)
                .withLabel("Funny", -1);
        ScoreRules.Adjusted a = rules.adjust(Site.SLASHDOT, comment("alice", 2, null));
        assertEquals(3, a.score());
        assertEquals("+1 friend", a.explanation());
        ScoreRules.Adjusted b = rules.adjust(Site.SLASHDOT, comment("troll", 3, "Funny"));
        assertEquals(0, b.score());
        assertEquals("\u22122 foe, \u22121 Funny", b.explanation());
        // Slashdot stays within -1..5; other sites' points do not.
        assertEquals(5, rules.adjust(Site.SLASHDOT, comment("alice", 5, null)).score());
        assertEquals(-1, rules.adjust(Site.SLASHDOT, comment("troll", -1, "Funny")).score());
        assertEquals(0, rules.adjust(Site.HACKERNEWS, comment("alice", 5, null)).delta(), "marks are per site");
        assertEquals(41, ScoreRules.NONE.withAuthor(Site.REDDIT, "a", 1).adjust(Site.REDDIT, comment("a", 40, null))
                .score());
        assertNull(rules.adjust(Site.SLASHDOT, comment("alice", null, null)).score(), "no score stays none");
        assertEquals(Map.of(), rules.withAuthor(Site.SLASHDOT, "alice", 0).withAuthor(Site.SLASHDOT, "troll", 0)
                .authorPoints());
    }
}

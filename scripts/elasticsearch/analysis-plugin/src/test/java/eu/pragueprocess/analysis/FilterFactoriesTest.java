package eu.pragueprocess.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FilterFactoriesTest {

    static AsciiFoldingFilterFactory folding(boolean preserveOriginal) {
        return new AsciiFoldingFilterFactory(() -> preserveOriginal);
    }

    static NGramFilterFactory ngram(int min, int max, boolean preserve) {
        return new NGramFilterFactory(new NGramFilterFactory.Settings() {
            public int minGram() { return min; }
            public int maxGram() { return max; }
            public boolean preserveOriginal() { return preserve; }
        });
    }

    static EdgeNGramFilterFactory edge(int min, int max, String side) {
        return new EdgeNGramFilterFactory(new EdgeNGramFilterFactory.Settings() {
            public int minGram() { return min; }
            public int maxGram() { return max; }
            public boolean preserveOriginal() { return false; }
            public String side() { return side; }
        });
    }

    static StemmerFilterFactory stemmer(String language) {
        return new StemmerFilterFactory(new StemmerFilterFactory.Settings() {
            public String language() { return language; }
            public String name() { return ""; }
        });
    }

    @Test
    void asciifoldingFoldsAccentsAndCanKeepTheOriginal() {
        assertEquals(List.of("Ete", "Reunion"), Tokens.filtered(folding(false), "Été Réunion"));
        assertEquals(List.of("Ete", "Été"), Tokens.filtered(folding(true), "Été"));
        assertEquals(List.of("Турция"), Tokens.filtered(folding(false), "Турция")); // Cyrillic is not "folded" away
    }

    @Test
    void ngramFilterCutsEveryGramBetweenTheBounds() {
        assertEquals(List.of("ca", "caf", "af", "afe", "fe"), Tokens.filtered(ngram(2, 3, false), "cafe"));
        // A word shorter than min_gram disappears unless preserve_original keeps it.
        assertEquals(List.of(), Tokens.filtered(ngram(2, 3, false), "a"));
        assertEquals(List.of("a"), Tokens.filtered(ngram(2, 3, true), "a"));
    }

    @Test
    void edgeNgramFilterKeepsPrefixesOnly() {
        assertEquals(List.of("r", "re", "rea", "read"), Tokens.filtered(edge(1, 4, "front"), "readmission"));
    }

    @Test
    void nonsenseGramSizesAndTheRemovedBackSideAreRefusedByName() {
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class, () -> ngram(3, 2, false));
        assertTrue(sizes.getMessage().contains("max_gram [2] must not be less than min_gram [3]"));
        IllegalArgumentException side = assertThrows(IllegalArgumentException.class, () -> edge(1, 2, "back"));
        assertTrue(side.getMessage().contains("side must be [front]"));
    }

    @Test
    void englishAndRussianStemmersLeaveTheOtherAlphabetAlone() {
        assertEquals(List.of("return", "реадмиссии"), Tokens.filtered(stemmer("english"), "returns реадмиссии"));
        assertEquals(List.of("returns", "реадмисс"), Tokens.filtered(stemmer("russian"), "returns реадмиссии"));
        assertEquals(
            Tokens.filtered(stemmer("russian"), "реадмиссия"),
            Tokens.filtered(stemmer("russian"), "реадмиссии")
        );
    }

    @Test
    void possessiveEnglishDropsTheApostropheS() {
        assertEquals(List.of("ICMPD", "states"), Tokens.filtered(stemmer("possessive_english"), "ICMPD's states"));
    }

    @Test
    void theLanguageNameIsCaseInsensitiveAndUnknownOnesAreRefused() {
        assertEquals(List.of("run"), Tokens.filtered(stemmer("English"), "running"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> stemmer("klingon"));
        assertTrue(unknown.getMessage().contains("[klingon]"));
    }
}

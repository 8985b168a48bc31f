package eu.pragueprocess.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenizerFactoriesTest {

    static NGramTokenizerFactory ngram(int min, int max, List<String> tokenChars) {
        return new NGramTokenizerFactory(new NGramTokenizerFactory.Settings() {
            public int minGram() { return min; }
            public int maxGram() { return max; }
            public List<String> tokenChars() { return tokenChars; }
        });
    }

    static EdgeNGramTokenizerFactory edge(int min, int max, List<String> tokenChars) {
        return new EdgeNGramTokenizerFactory(new EdgeNGramTokenizerFactory.Settings() {
            public int minGram() { return min; }
            public int maxGram() { return max; }
            public List<String> tokenChars() { return tokenChars; }
            public String side() { return "front"; }
        });
    }

    @Test
    void ngramTokenizerWithoutTokenCharsKeepsEveryCharacter() {
        assertEquals(List.of("a b", " b ", "b c"), Tokens.of(ngram(3, 3, List.of()).create(), "a b c"));
    }

    @Test
    void ngramTokenizerSplitsOnCharactersOutsideTokenChars() {
        assertEquals(List.of("abc", "xyz"), Tokens.of(ngram(3, 3, List.of("letter")).create(), "abc xyz"));
    }

    @Test
    void edgeNgramTokenizerGivesPrefixesOfEachWord() {
        assertEquals(
            List.of("mi", "mig", "ре", "реа"),
            Tokens.of(edge(2, 3, List.of("letter", "digit")).create(), "migration реадмиссия")
        );
    }

    @Test
    void unknownTokenCharsAreRefused() {
        IllegalArgumentException error = assertThrows(
            IllegalArgumentException.class, () -> ngram(1, 2, List.of("emoji"))
        );
        assertEquals(
            "Unknown token type: 'emoji', must be one of letter, digit, whitespace, punctuation, symbol",
            error.getMessage()
        );
    }
}

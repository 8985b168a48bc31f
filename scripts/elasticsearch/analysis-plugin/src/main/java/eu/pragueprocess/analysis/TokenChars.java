package eu.pragueprocess.analysis;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code token_chars} classes of analysis-common's n-gram tokenizers. */
enum TokenChars {
    LETTER,
    DIGIT,
    WHITESPACE,
    PUNCTUATION,
    SYMBOL;

    /** An empty list keeps every character, as in analysis-common. */
    static Set<TokenChars> parse(List<String> names) {
        Set<TokenChars> classes = EnumSet.noneOf(TokenChars.class);
        for (String name : names) {
            try {
                classes.add(valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                    "Unknown token type: '" + name + "', must be one of letter, digit, whitespace, punctuation, symbol"
                );
            }
        }
        return classes;
    }

    static boolean accepts(Set<TokenChars> classes, int codePoint) {
        if (classes.isEmpty()) {
            return true;
        }
        for (TokenChars tokenChars : classes) {
            if (tokenChars.matches(codePoint)) {
                return true;
            }
        }
        return false;
    }

    boolean matches(int c) {
        return switch (this) {
            case LETTER -> Character.isLetter(c);
            case DIGIT -> Character.isDigit(c);
            case WHITESPACE -> Character.isWhitespace(c);
            case PUNCTUATION -> switch (Character.getType(c)) {
                case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
                default -> false;
            };
            case SYMBOL -> switch (Character.getType(c)) {
                case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
                default -> false;
            };
        };
    }
}

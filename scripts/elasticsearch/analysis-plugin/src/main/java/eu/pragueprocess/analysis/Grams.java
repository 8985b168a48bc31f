package eu.pragueprocess.analysis;

/** The checks analysis-common makes on n-gram sizes, with its wording. */
final class Grams {
    private Grams() {}

    static void check(String component, int minGram, int maxGram) {
        if (minGram < 1) {
            throw new IllegalArgumentException("[" + component + "] min_gram must be at least 1, got " + minGram);
        }
        if (maxGram < minGram) {
            throw new IllegalArgumentException(
                "[" + component + "] max_gram [" + maxGram + "] must not be less than min_gram [" + minGram + "]"
            );
        }
    }

    /** Edge n-grams only grow from the front now; "back" was removed from Elasticsearch long ago. */
    static void checkSide(String component, String side) {
        if (!"front".equals(side)) {
            throw new IllegalArgumentException("[" + component + "] side must be [front], got [" + side + "]");
        }
    }
}

package eu.pragueprocess.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * analysis-common's {@code stemmer} for the languages this project and modelsearch use, each
 * mapped to the Lucene filter analysis-common picks for that name (so an index built here
 * stems exactly as on a production cluster). Any other language is refused by name.
 */
@NamedComponent("stemmer")
public class StemmerFilterFactory implements TokenFilterFactory {

    static final Map<String, UnaryOperator<TokenStream>> LANGUAGES = new TreeMap<>(
        Map.of(
            "english", PorterStemFilter::new,
            "porter", PorterStemFilter::new,
            "porter2", input -> new SnowballFilter(input, new EnglishStemmer()),
            "light_english", KStemFilter::new,
            "minimal_english", EnglishMinimalStemFilter::new,
            "possessive_english", EnglishPossessiveFilter::new,
            "russian", input -> new SnowballFilter(input, new RussianStemmer()),
            "light_russian", RussianLightStemFilter::new
        )
    );

    @AnalysisSettings
    public interface Settings {
        @StringSetting(path = "language", defaultValue = "english")
        String language();

        /** analysis-common accepts {@code name} as another spelling of {@code language}. */
        @StringSetting(path = "name", defaultValue = "")
        String name();
    }

    private final UnaryOperator<TokenStream> stemmer;

    @Inject
    public StemmerFilterFactory(Settings settings) {
        String language = (settings.name().isEmpty() ? settings.language() : settings.name()).toLowerCase(Locale.ROOT);
        this.stemmer = LANGUAGES.get(language);
        if (stemmer == null) {
            throw new IllegalArgumentException(
                "stemmer language [" + language + "] is not provided by pp-analysis (test node only); known: "
                    + String.join(", ", LANGUAGES.keySet())
            );
        }
    }

    @Override
    public TokenStream create(TokenStream input) {
        return stemmer.apply(input);
    }
}

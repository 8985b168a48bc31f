package eu.pragueprocess.analysis;

import java.util.Set;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/** analysis-common's {@code ngram} tokenizer, {@code token_chars} included. */
@NamedComponent("ngram")
public class NGramTokenizerFactory implements TokenizerFactory {

    @AnalysisSettings
    public interface Settings {
        @IntSetting(path = "min_gram", defaultValue = 1)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = 2)
        int maxGram();

        @ListSetting(path = "token_chars")
        java.util.List<String> tokenChars();
    }

    private final int minGram;
    private final int maxGram;
    private final Set<TokenChars> tokenChars;

    @Inject
    public NGramTokenizerFactory(Settings settings) {
        this.minGram = settings.minGram();
        this.maxGram = settings.maxGram();
        this.tokenChars = TokenChars.parse(settings.tokenChars());
        Grams.check("ngram", minGram, maxGram);
    }

    @Override
    public Tokenizer create() {
        Set<TokenChars> accepted = tokenChars;
        return new NGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int chr) {
                return TokenChars.accepts(accepted, chr);
            }
        };
    }
}

package eu.pragueprocess.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Runs text through a tokenizer and filters, as the node's _analyze would. */
final class Tokens {
    private Tokens() {}

    static List<String> of(Tokenizer tokenizer, String text) {
        return read(tokenizer, tokenizer, text);
    }

    static List<String> filtered(org.elasticsearch.plugin.analysis.TokenFilterFactory factory, String text) {
        Tokenizer tokenizer = new WhitespaceTokenizer();
        return read(tokenizer, factory.create(tokenizer), text);
    }

    private static List<String> read(Tokenizer tokenizer, TokenStream stream, String text) {
        List<String> tokens = new ArrayList<>();
        try {
            tokenizer.setReader(new StringReader(text));
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
            stream.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return tokens;
    }
}

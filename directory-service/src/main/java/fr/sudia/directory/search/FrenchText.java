package fr.sudia.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * How the directory reads French text: words without elisions ("l'imagerie"), case or accents, stemmed
 * ("détections" and "detection" are one word); and, for typo tolerance, the same words unstemmed.
 */
final class FrenchText {

    /** Stemmed words, for matching: the text fields of the index and the words of a query. */
    static final Analyzer STEMMED = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new FrenchLightStemFilter(folded(source)));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    /** Whole words, folded but not stemmed, for the typo-tolerant match on names. */
    static final Analyzer FOLDED = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, folded(source));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    private FrenchText() {
    }

    private static TokenStream folded(Tokenizer source) {
        TokenStream words = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
        words = new LowerCaseFilter(words);
        words = new StopFilter(words, FrenchAnalyzer.getDefaultStopSet());
        return new ASCIIFoldingFilter(words);
    }

    /** The words of a text as the analyzer reads them. */
    static List<String> words(Analyzer analyzer, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** Lower case without accents, for exact keys such as a city ("Île-de-France" = "ile-de-france"). */
    static String key(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}

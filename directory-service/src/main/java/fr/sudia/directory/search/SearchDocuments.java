package fr.sudia.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.directory.organization.LabelStatus;
import fr.sudia.directory.organization.Organization;
import fr.sudia.directory.organization.OrganizationView;

/** The fields of an organization in the search index, and the facets they count under. */
final class SearchDocuments {

    static final String ID = "id";
    /** The id's two halves as numbers: the last sort key, so that no two rows tie (cheaper to compare than text). */
    static final String ID_HIGH = "id_high";
    static final String ID_LOW = "id_low";
    static final String NAME_WORDS = "name_words";
    /**
     * Every searchable text in one field, each as many times as it weighs (name and legal name 8, city 4, French
     * description 2, English description 1): a word's frequency there is its weighted frequency over the fields,
     * as BM25F combines fields. One postings list per word both decides what is found and scores it.
     */
    static final String ALL_TEXT = "all_text";
    private static final int NAME_WEIGHT = 8;
    private static final int CITY_WEIGHT = 4;
    private static final int DESCRIPTION_FR_WEIGHT = 2;
    private static final int DESCRIPTION_EN_WEIGHT = 1;
    static final String CITY_KEY = "city_key";
    static final String NAME_SORT = "name_sort";
    static final String FOUNDED_YEAR = "founded_year";
    static final String LOCATION = "location";
    /** The profile as the API shows it (JSON), read for each organization of a page. */
    static final String VIEW = "view";
    static final String LATITUDE = "latitude";
    static final String LONGITUDE = "longitude";

    /**
     * The index keeps documents sorted by kind, then department: the organizations a search filters on both are
     * then neighbours, and the index leaps over the others instead of checking them one by one.
     */
    static final Sort INDEX_ORDER = new Sort(new SortField("kind_order", SortField.Type.STRING),
            sortedMissingLast("department_order"));

    private static SortField sortedMissingLast(String field) {
        SortField sortField = new SortField(field, SortField.Type.STRING);
        sortField.setMissingValue(SortField.STRING_LAST);
        return sortField;
    }

    /** Facet dimensions, named as in the API's facets; each is also a filter field of the same name. */
    static final String KIND = "kind";
    static final String SECTOR = "sector";
    static final String STRATEGIC_SECTOR = "strategicSector";
    static final String TECHNIQUE = "technique";
    static final String DEPARTMENT = "department";
    static final String HEADCOUNT_BAND = "headcountBand";
    static final String LABELLED = "labelled";

    static final FacetsConfig FACETS = new FacetsConfig();
    static {
        FACETS.setMultiValued(SECTOR, true);
        FACETS.setMultiValued(STRATEGIC_SECTOR, true);
        FACETS.setMultiValued(TECHNIQUE, true);
    }

    private SearchDocuments() {
    }

    /** The document of a public organization: what it is found by, filtered and sorted on, and its stored profile. */
    static Document of(Organization o, ObjectMapper mapper) {
        Document doc = new Document();
        doc.add(new StringField(ID, o.id.toString(), Field.Store.NO));
        doc.add(new NumericDocValuesField(ID_HIGH, o.id.getMostSignificantBits()));
        doc.add(new NumericDocValuesField(ID_LOW, o.id.getLeastSignificantBits()));

        doc.add(new TextField(NAME_WORDS, o.name, Field.Store.NO));
        weighted(doc, o.name, NAME_WEIGHT);
        weighted(doc, o.legalName, NAME_WEIGHT);
        weighted(doc, o.city, CITY_WEIGHT);
        weighted(doc, o.descriptionFr, DESCRIPTION_FR_WEIGHT);
        weighted(doc, o.descriptionEn, DESCRIPTION_EN_WEIGHT);

        doc.add(new SortedDocValuesField(NAME_SORT, new BytesRef(o.name.toLowerCase(java.util.Locale.ROOT))));
        doc.add(new StringField(CITY_KEY, FrenchText.key(o.city), Field.Store.NO));
        if (o.foundedYear != null) {
            doc.add(new IntPoint(FOUNDED_YEAR, o.foundedYear));
            doc.add(new NumericDocValuesField(FOUNDED_YEAR, o.foundedYear));
        }
        if (o.latitude != null && o.longitude != null) {
            doc.add(new LatLonPoint(LOCATION, o.latitude, o.longitude));
            doc.add(new LatLonDocValuesField(LOCATION, o.latitude, o.longitude));
            doc.add(new DoubleDocValuesField(LATITUDE, o.latitude));
            doc.add(new DoubleDocValuesField(LONGITUDE, o.longitude));
        }

        keyword(doc, KIND, o.kind.name());
        doc.add(new SortedDocValuesField(INDEX_ORDER.getSort()[0].getField(), new BytesRef(o.kind.name())));
        if (o.department != null) {
            doc.add(new SortedDocValuesField(INDEX_ORDER.getSort()[1].getField(), new BytesRef(o.department)));
        }
        o.sectors.forEach(sector -> keyword(doc, SECTOR, sector));
        o.strategicSectors.forEach(sector -> keyword(doc, STRATEGIC_SECTOR, sector));
        o.techniques.forEach(technique -> keyword(doc, TECHNIQUE, technique));
        if (o.department != null) {
            keyword(doc, DEPARTMENT, o.department);
        }
        if (o.headcountBand != null) {
            keyword(doc, HEADCOUNT_BAND, o.headcountBand.name());
        }
        keyword(doc, LABELLED, Boolean.toString(o.labelStatus == LabelStatus.VALID));

        try {
            // Doc values, not a stored field: read by document without decompressing a block of other documents.
            doc.add(new BinaryDocValuesField(VIEW, new BytesRef(mapper.writeValueAsBytes(OrganizationView.of(o)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void weighted(Document doc, String text, int weight) {
        if (text != null) {
            for (int i = 0; i < weight; i++) {
                doc.add(new TextField(ALL_TEXT, text, Field.Store.NO));
            }
        }
    }

    /** A filter on the value, and a count under it. */
    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(field, value));
    }
}

package fr.sudia.directory.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The search index kept as a snapshot in a directory of the instance: a restart (the index closed, rows changed in
 * PostgreSQL meanwhile, the index opened again) loads the snapshot and reads only the rows changed since.
 */
@QuarkusTest
@TestProfile(SearchIndexSnapshotTest.WithSnapshotDirectory.class)
class SearchIndexSnapshotTest {

    public static class WithSnapshotDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("sudia.directory.search.index-path",
                        Files.createTempDirectory("search-snapshot-test").toString(),
                        // Not waited for at start: the readiness test sees the load.
                        "sudia.directory.search.await-at-start", "0s");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final String ORGANIZATIONS = "/api/v1/organizations";

    @Inject
    SearchIndex index;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String dbPassword;

    @Test
    void aRestartLoadsTheSnapshotAndFindsWhatChangedWhileItWasDown() throws Exception {
        awaitReady();
        String word = token();
        String kept = create("Gardée " + word);
        String renamed = create("Ancien " + word);
        String hidden = create("Masquée " + word);
        String erased = create("Effacée " + word);
        given().queryParam("q", word).queryParam("limit", 100).when().get(ORGANIZATIONS).then().statusCode(200)
                .body("items.size()", equalTo(4));

        index.close().get(30, TimeUnit.SECONDS);
        // While the instance is down, other instances change the table.
        String added = create("Nouvelle " + word);
        sql("update organization set name = 'Renommée " + word + "' where id = '" + renamed + "'");
        sql("update organization set deleted_at = now() where id = '" + hidden + "'");
        sql("delete from organization_history where organization_id = '" + erased + "'");
        sql("delete from organization where id = '" + erased + "'");
        long rows = count("select count(*) from organization");

        index.open().get(60, TimeUnit.SECONDS);

        SearchIndex.Load load = index.lastLoad();
        assertTrue(load.fromSnapshot(), () -> "loaded by a rebuild: " + load.reason());
        assertTrue(load.rowsRead() < rows, () -> "read " + load.rowsRead() + " rows of " + rows + ", not only the changed ones");
        assertTrue(load.rowsRead() >= 4, () -> "read " + load.rowsRead() + " rows, fewer than changed");
        var found = given().queryParam("q", word).queryParam("limit", 100).when().get(ORGANIZATIONS)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.Set.of(kept, renamed, added), java.util.Set.copyOf(found.getList("items.id")));
        given().queryParam("q", "Renommée " + word).when().get(ORGANIZATIONS).then().statusCode(200)
                .body("items[0].id", equalTo(renamed)).body("items[0].name", equalTo("Renommée " + word));
        given().queryParam("q", "Ancien").queryParam("limit", 100).when().get(ORGANIZATIONS).then().statusCode(200)
                .body("items.id", not(hasItem(renamed)));
        // And it keeps catching up after the load.
        String later = create("Ultérieure " + word);
        given().queryParam("q", "Ultérieure " + word).when().get(ORGANIZATIONS).then().statusCode(200)
                .body("items.id", hasItem(later));
    }

    @Test
    void aSnapshotOfAnotherFormatIsRebuilt() throws Exception {
        awaitReady();
        String word = token();
        String id = create("Format " + word);
        index.close().get(30, TimeUnit.SECONDS);
        // As an earlier release would have left it: same data, another format.
        try (FSDirectory directory = FSDirectory.open(index.path());
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig()
                        .setIndexSort(SearchDocuments.INDEX_ORDER).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData());
            assertEquals(SearchIndex.format(), data.get(SearchIndex.FORMAT_KEY));
            data.put(SearchIndex.FORMAT_KEY, "0/an-older-analyzer");
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
        String addedMeanwhile = create("Pendant " + word);

        index.open().get(60, TimeUnit.SECONDS);

        SearchIndex.Load load = index.lastLoad();
        assertFalse(load.fromSnapshot());
        assertTrue(load.reason().contains("0/an-older-analyzer"), load.reason());
        // Every row, and every id deleted outright (another test of this class deletes one).
        assertEquals(count("select (select count(*) from organization) + (select count(*) from organization_removal)"),
                load.rowsRead());
        try (FSDirectory directory = FSDirectory.open(index.path())) {
            assertEquals(SearchIndex.format(), SegmentInfos.readLatestCommit(directory).getUserData().get(SearchIndex.FORMAT_KEY));
        }
        var found = given().queryParam("q", word).queryParam("limit", 100).when().get(ORGANIZATIONS)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.Set.of(id, addedMeanwhile), java.util.Set.copyOf(found.getList("items.id")));
    }

    @Test
    void aCorruptSnapshotIsRebuilt() throws Exception {
        awaitReady();
        String word = token();
        String id = create("Intègre " + word);
        index.close().get(30, TimeUnit.SECONDS);
        Path largest;
        try (Stream<Path> files = Files.list(index.path())) {
            largest = files.filter(f -> !f.getFileName().toString().startsWith("segments")
                    && !f.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(largest.toFile(), "rw")) {
            long at = file.length() / 2;
            file.seek(at);
            int b = file.read();
            file.seek(at);
            file.write(b ^ 0xFF);
        }

        index.open().get(60, TimeUnit.SECONDS);

        SearchIndex.Load load = index.lastLoad();
        assertFalse(load.fromSnapshot());
        assertTrue(load.reason().contains("unreadable"), load.reason());
        given().queryParam("q", word).when().get(ORGANIZATIONS).then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void notReadyAndSearchesAnswer503WhileLoading() throws Exception {
        awaitReady();
        String word = token();
        String id = create("Attendue " + word);
        index.close().get(30, TimeUnit.SECONDS);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'search-index' }.status", equalTo("DOWN"));
        try (Connection blocker = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            // A table another session holds locked: the load waits for it, as it would for a slow database.
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("lock table organization in access exclusive mode");
            }
            CompletableFuture<Void> loading = index.open();
            Thread.sleep(500);
            assertFalse(loading.isDone());
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'search-index' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'search-index' }.data.state", equalTo("LOADING_SNAPSHOT"));
            given().queryParam("q", word).when().get(ORGANIZATIONS).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5")
                    .body("status", equalTo(503));
            blocker.rollback();
            loading.get(60, TimeUnit.SECONDS);
        }
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'search-index' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'search-index' }.data.loadedFrom", equalTo("snapshot"));
        given().queryParam("q", word).when().get(ORGANIZATIONS).then().statusCode(200).body("items.id", hasItem(id));
    }

    private void awaitReady() throws InterruptedException {
        for (int i = 0; i < 600 && index.state() != SearchIndex.State.READY; i++) {
            Thread.sleep(100);
        }
        assertEquals(SearchIndex.State.READY, index.state());
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue());
    }

    private static String create(String name) {
        Map<String, Object> profile = new HashMap<>();
        profile.put("name", name);
        profile.put("kind", "STARTUP");
        profile.put("city", "Nice");
        return given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON).body(profile)
                .when().post(ORGANIZATIONS).then().statusCode(201).extract().path("id");
    }

    /** A made-up word, so that a test's search finds only that test's organizations. */
    private static String token() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    @SuppressWarnings("unused")
    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }
}

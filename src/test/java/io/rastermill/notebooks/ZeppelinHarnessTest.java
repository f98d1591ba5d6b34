package io.rastermill.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.notebooks.ZeppelinSparkInterpreter.ParagraphResult;
import io.rastermill.notebooks.ZeppelinSparkInterpreter.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulated Zeppelin Spark interpreter itself: failures are failures (compile errors, executor
 * exceptions, incomplete code, bad SQL, interpreters it does not emulate), the session survives them,
 * classes defined in paragraphs reach the executors, {@code %spark.conf} reaches the session, and
 * {@code z.show}/{@code %sql} render Zeppelin's {@code %table} text. One interpreter for all cases.
 */
class ZeppelinHarnessTest {
    private static ZeppelinSparkInterpreter interpreter;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        Path repl = Files.createDirectories(dir.resolve("repl"));
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        interpreter = new ZeppelinSparkInterpreter(Map.of("spark.sql.shuffle.partitions", "3"), repl.toFile(), cp);
    }

    @AfterAll
    static void stop() {
        interpreter.close();
    }

    private static ParagraphResult run(String text) {
        return interpreter.run("2TEST", parse(text));
    }

    /** A one-paragraph note read through {@link ZeppelinNote#read}, so the magic is parsed as in the real notes. */
    private static ZeppelinNote.Paragraph parse(String text) {
        try {
            Path f = Files.createTempFile(dir, "note", ".zpln");
            String json = "{\"name\":\"t\",\"paragraphs\":[{\"title\":\"t\",\"text\":"
                    + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text)
                    + ",\"config\":{},\"settings\":{\"params\":{},\"forms\":{}}}]}";
            Files.writeString(f, json);
            return ZeppelinNote.read(f).paragraphs().get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void compileErrorFailsWithTheCompilersMessage() {
        ParagraphResult r = run("%spark\nval x: Int = \"text\"");
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.output().contains("type mismatch"), r.output());
    }

    @Test
    void anExceptionOnAnExecutorFailsTheParagraphAndTheSessionGoesOn() {
        ParagraphResult r = run("%spark\nsc.parallelize(1 to 4, 2).map(i => 10 / (i - 3)).count()");
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.output().contains("java.lang.ArithmeticException"), r.output());
        ParagraphResult after = run("%spark\nval answer = 41 + 1");
        assertEquals(Status.SUCCESS, after.status(), after.output());
        assertTrue(after.output().contains("answer: Int = 42"), after.output());
    }

    @Test
    void classesDefinedInParagraphsRunOnExecutors() {
        assertEquals(
                Status.SUCCESS,
                run("%spark\ncase class Reading(station: String, value: Int)").status());
        ParagraphResult r = run(
                "%spark\nval k = 3\n"
                        + "println(\"total=\" + sc.parallelize(1 to 10, 3).map(i => Reading(\"s\" + i, i * k)).map(_.value).reduce(_ + _))");
        assertEquals(Status.SUCCESS, r.status(), r.output());
        assertTrue(r.output().contains("total=165"), r.output());
    }

    @Test
    void incompleteCodeFailsButATrailingCommentDoesNot() {
        ParagraphResult open = run("%spark\nval unfinished = (1 +");
        assertEquals(Status.ERROR, open.status());
        assertTrue(open.output().contains("Incomplete expression"), open.output());
        ParagraphResult comment = run("%spark\nval finished = 1\n// a comment on the last line");
        assertEquals(Status.SUCCESS, comment.status(), comment.output());
    }

    @Test
    void sparkConfReachesTheSession() {
        ParagraphResult r = run("%spark\nprintln(\"partitions=\" + spark.conf.get(\"spark.sql.shuffle.partitions\"))");
        assertTrue(r.output().contains("partitions=3"), r.output());
    }

    @Test
    void zShowRendersZeppelinsTableAndLimitsRows() {
        ParagraphResult r =
                run("%spark\nz.show(spark.range(0, 1500).selectExpr(\"id\", \"id * 2 AS twice\", \"'a\\tb' AS tab\"))");
        assertEquals(Status.SUCCESS, r.status(), r.output());
        ParagraphOutput out = ParagraphOutput.parse(r.output());
        ParagraphOutput.Table t = out.tables().get(0);
        assertEquals(List.of("id", "twice", "tab"), t.header());
        assertEquals(ZeppelinContextStandIn.MAX_RESULT, t.rows().size());
        assertEquals(List.of("999", "1998", "a b"), t.rows().get(999));
        assertTrue(
                out.messages().stream()
                        .anyMatch(m -> m.type().equals("html") && m.data().contains("limited by 1000")),
                out.messages().toString());
    }

    @Test
    void jobsRunInTheParagraphsJobGroupAsInZeppelin() {
        ParagraphResult r = run("%spark\nprintln(\"group=\" + sc.getLocalProperty(\"spark.jobGroup.id\"))");
        assertTrue(r.output().contains("group=zeppelin|anonymous|2TEST|paragraph_0"), r.output());
    }

    @Test
    void zPutAndGetShareValuesBetweenParagraphs() {
        assertEquals(
                Status.SUCCESS,
                run("%spark\nz.put(\"cells\", Long.box(12345L))").status());
        ParagraphResult r = run("%spark\nprintln(\"got \" + z.get(\"cells\"))");
        assertTrue(r.output().contains("got 12345"), r.output());
    }

    @Test
    void sqlRunsEveryStatementAndShowsTheLast() {
        ParagraphResult r = run("%sql\nCREATE OR REPLACE TEMPORARY VIEW v AS SELECT id FROM range(5);\n"
                + "-- a comment; with a semicolon\nSELECT count(*) AS n, 'x;y' AS s FROM v");
        assertEquals(Status.SUCCESS, r.status(), r.output());
        ParagraphOutput.Table t = ParagraphOutput.parse(r.output()).tables().get(0);
        assertEquals(List.of("n", "s"), t.header());
        assertEquals(List.of(List.of("5", "x;y")), t.rows());
        ParagraphResult bad = run("%sql\nSELECT * FROM no_such_table");
        assertEquals(Status.ERROR, bad.status());
        assertTrue(bad.output().contains("no_such_table"), bad.output());
    }

    @Test
    void markdownIsSkippedAndOtherInterpretersAreRefused() {
        assertEquals(Status.SKIPPED, run("%md\n# title").status());
        ParagraphResult py = run("%spark.pyspark\nprint(1)");
        assertEquals(Status.ERROR, py.status());
        assertTrue(py.output().contains("spark.pyspark"), py.output());
    }

    @Test
    void aFailureNamesTheNoteTheParagraphAndTheCode() {
        ZeppelinNote.Paragraph p =
                new ZeppelinNote.Paragraph(3, "p3", "Slope", "spark", "slope.count()", "%spark\nslope.count()");
        ZeppelinNote note = new ZeppelinNote(Path.of("notebooks/02-terrain.zpln"), "2T", "Terrain", List.of(p));
        String msg = ZeppelinNotebooksTest.failureMessage(
                note, p, new ParagraphResult(Status.ERROR, "error: not found: value slope\n"));
        assertEquals(
                "02-terrain.zpln (\"Terrain\"): paragraph 3 \"Slope\" (%spark) failed:\nerror: not found: value slope\n"
                        + "--- paragraph text ---\n%spark\nslope.count()",
                msg);
    }

    @Test
    void notesMustHaveZeppelinsParagraphFieldsAndConfFirst() throws IOException {
        Path f = dir.resolve("bad.zpln");
        Files.writeString(f, "{\"name\":\"b\",\"paragraphs\":[{\"text\":\"%spark\\n1\",\"settings\":{}}]}");
        IOException e = assertThrows(IOException.class, () -> ZeppelinNote.read(f));
        assertTrue(e.getMessage().contains("paragraph 0 has no \"config\""), e.getMessage());

        ZeppelinNote late = new ZeppelinNote(
                f,
                "2L",
                "late",
                List.of(
                        new ZeppelinNote.Paragraph(0, "p0", null, "spark", "1", "%spark\n1"),
                        new ZeppelinNote.Paragraph(
                                1, "p1", null, "spark.conf", "spark.x 1", "%spark.conf\nspark.x 1")));
        AssertionError a = assertThrows(AssertionError.class, () -> ZeppelinNotebooksTest.sparkConf(late));
        assertTrue(a.getMessage().contains("paragraph 1"), a.getMessage());
    }

    @Test
    void outputIsSplitIntoZeppelinMessagesAndBadImagesAreCaught() {
        ParagraphOutput out = ParagraphOutput.parse("x: Int = 1\n%table a\tb\n1\t2\n\n%text after\n%html <b>hi</b>");
        assertEquals(
                List.of("text", "table", "text", "html"),
                out.messages().stream().map(ParagraphOutput.Message::type).toList());
        assertEquals(List.of(List.of("1", "2")), out.tables().get(0).rows());
        ParagraphOutput broken = ParagraphOutput.parse("%html <img src=\"data:image/png;base64,AAAA\"/>");
        assertThrows(IOException.class, broken::images);
    }
}

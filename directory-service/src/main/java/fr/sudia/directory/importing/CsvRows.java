package fr.sudia.directory.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import CSV (RFC 4180, UTF-8): a header line naming the columns, then one organization per
 * record. The delimiter is the header's: comma, semicolon (French spreadsheets) or tab.
 *
 * <p>Broken quoting does not sink the file: the record where the CSV parser gives up is rejected with the
 * parser's message and reading starts again on the next line, so only the affected rows are lost.
 */
final class CsvRows {

    private CsvRows() {
    }

    record Result(List<RawRow> rows, List<String> ignoredColumns) {
    }

    static Result read(String text) {
        if (text.isBlank()) {
            throw new ImportFileException("The file is empty.");
        }
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();

        List<String> header;
        long headerLines;
        try {
            CSVParser parser = format.parse(new StringReader(text));
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new ImportFileException("The file is empty.");
            }
            header = records.next().toList();
            headerLines = parser.getCurrentLineNumber();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ImportFileException("The CSV header cannot be read: " + reason(e));
        } catch (IOException e) {
            throw new ImportFileException("The CSV file cannot be read: " + e.getMessage());
        }

        List<String> columns = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String name : header) {
            String column = ImportColumns.column(name);
            if (column != null && columns.contains(column)) {
                throw new ImportFileException("The CSV header names the column '" + column + "' twice.");
            }
            columns.add(column);
            if (column == null && !name.isBlank()) {
                ignored.add(name);
            }
        }
        List<String> missing = ImportColumns.REQUIRED.stream().filter(c -> !columns.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new ImportFileException("The CSV header has no column " + String.join(", ", missing)
                    + " (found: " + String.join(", ", header) + "). Expected columns: "
                    + String.join(", ", ImportColumns.ALL) + ".");
        }

        int[] lineStarts = lineStarts(text);
        List<RawRow> rows = new ArrayList<>();
        int startLine = (int) headerLines + 1; // 1-based line where the current parse starts
        while (startLine <= lineStarts.length) {
            int resumeAt = readFrom(text, lineStarts[startLine - 1], startLine, format, columns, rows);
            if (resumeAt < 0) {
                break;
            }
            startLine = resumeAt;
        }
        return new Result(rows, ignored);
    }

    /** Reads records from a line on; returns the line to start again from after a broken record, or -1 at the end. */
    private static int readFrom(String text, int offset, int startLine, CSVFormat format, List<String> columns,
            List<RawRow> rows) {
        long consumed = 0;
        StringReader reader = new StringReader(text);
        try {
            reader.skip(offset);
            CSVParser parser = format.parse(reader);
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int line = startLine + (int) consumed;
                try {
                    if (!records.hasNext()) {
                        return -1;
                    }
                    CSVRecord record = records.next();
                    consumed = parser.getCurrentLineNumber();
                    rows.add(toRow(record, line, rows.size() + 1, columns));
                } catch (UncheckedIOException | IllegalStateException e) {
                    rows.add(new RawRow(line, rows.size() + 1, Map.of(), List.of(new RowViolation("row",
                            "broken CSV quoting, the row cannot be read: " + reason(e)))));
                    return line + 1;
                }
            }
        } catch (IOException e) {
            throw new ImportFileException("The CSV file cannot be read: " + e.getMessage());
        }
    }

    private static RawRow toRow(CSVRecord record, int line, int rowNumber, List<String> columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<RowViolation> errors = new ArrayList<>();
        if (record.size() != columns.size()) {
            errors.add(new RowViolation("row", "has " + record.size() + " fields where the header has "
                    + columns.size() + ": check the quoting and the delimiters"));
        }
        for (int i = 0; i < Math.min(record.size(), columns.size()); i++) {
            if (columns.get(i) != null) {
                values.put(columns.get(i), record.get(i));
            }
        }
        return new RawRow(line, rowNumber, values, errors);
    }

    /** The header line's most frequent delimiter among comma, semicolon and tab, outside quotes. */
    private static char delimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas ? '\t' : ',';
    }

    /** Offsets of the first character of each line (lines end with \n, \r\n or a lone \r, like the parser's). */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if ((c == '\n' || c == '\r') && i + 1 < text.length()) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String reason(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }
}

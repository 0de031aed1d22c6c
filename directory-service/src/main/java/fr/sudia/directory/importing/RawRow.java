package fr.sudia.directory.importing;

import java.util.List;
import java.util.Map;

/**
 * A data row as read from the file, before it is checked: its position, its values by column (a String,
 * or a List of Strings for the list columns of a JSON file) and the problems found while reading it.
 */
record RawRow(int line, int rowNumber, Map<String, Object> values, List<RowViolation> readErrors) {
}

package fr.sudia.platform.text;

/** Text written into a CSV file that people open in spreadsheets. */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /**
     * Free text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is
     * prefixed with an apostrophe: anyone can type a name that lands in an export. Control characters a row stored
     * before the input checks may hold are dropped (a lone CR ends a CSV record for some readers); quotes and line
     * breaks are for the CSV printer to quote.
     */
    public static String inert(String text) {
        text = ControlCharacters.clean(text);
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}

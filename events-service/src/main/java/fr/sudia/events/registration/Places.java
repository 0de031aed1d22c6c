package fr.sudia.events.registration;

import java.util.regex.Pattern;

/** French administrative codes a registrant gives: commune (INSEE code or postcode) and school (UAI). */
final class Places {

    private static final Pattern INSEE = Pattern.compile("(?:\\d{2}|2A|2B)\\d{3}");
    private static final Pattern POSTCODE = Pattern.compile("\\d{5}");
    private static final Pattern UAI = Pattern.compile("\\d{7}[A-Z]");
    /** The UAI's check letter: the seven digits modulo 23, in the alphabet without I, O and Q. */
    private static final String UAI_KEYS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private Places() {
    }

    static boolean isInseeCode(String code) {
        return code != null && INSEE.matcher(code).matches() && !code.startsWith("00") && !code.startsWith("96");
    }

    static boolean isPostcode(String code) {
        return code != null && POSTCODE.matcher(code).matches() && !code.startsWith("00") && !code.startsWith("96")
                && !code.startsWith("98") && !code.startsWith("99");
    }

    /** The department of a commune's INSEE code: two characters, three overseas (971 to 976). */
    static String departmentOfInsee(String code) {
        return code.startsWith("97") ? code.substring(0, 3) : code.substring(0, 2);
    }

    /** The department of a postcode; Corsica's 20xxx split between 2A (up to 20190) and 2B. */
    static String departmentOfPostcode(String code) {
        if (code.startsWith("97")) {
            return code.substring(0, 3);
        }
        if (code.startsWith("20")) {
            return Integer.parseInt(code.substring(2)) < 200 ? "2A" : "2B";
        }
        return code.substring(0, 2);
    }

    static boolean isUai(String code) {
        if (code == null || !UAI.matcher(code).matches()) {
            return false;
        }
        int number = Integer.parseInt(code.substring(0, 7));
        return UAI_KEYS.charAt(number % 23) == code.charAt(7);
    }
}

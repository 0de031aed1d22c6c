package fr.sudia.label.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.ws.rs.BadRequestException;

/**
 * Query parameters naming an enum constant. JAX-RS answers 404 when it cannot convert a query parameter; a
 * misspelt filter is a bad request, which says what would have been accepted.
 */
public final class QueryEnums {

    private QueryEnums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Query parameter " + parameter + " must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }
}

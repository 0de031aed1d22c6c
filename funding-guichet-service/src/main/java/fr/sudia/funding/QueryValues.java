package fr.sudia.funding;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.BadRequestException;

/**
 * Reads repeatable query parameters of a closed vocabulary. JAX-RS answers a value it cannot convert with a 404;
 * a wrong filter value is the client's mistake, so it is a 400 that names the parameter and the accepted values.
 */
public final class QueryValues {

    private QueryValues() {
    }

    public static <E extends Enum<E>> List<E> parse(Class<E> type, String parameter, List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(value -> {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("Query parameter '" + parameter + "' cannot take the value '" + value
                        + "'; accepted: " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                                .collect(Collectors.joining(", ")) + ".");
            }
        }).toList();
    }
}
